// The export-format readers take no owner: FormatDetector wraps them to set the owner a
// manifest gives.
extension BibTeXReader: DefaultInitializableReader {}
extension RISReader: DefaultInitializableReader {}
extension CSLJSONReader: DefaultInitializableReader {}
extension CSVReader: DefaultInitializableReader {}
extension WoSReader: DefaultInitializableReader {}
extension ScopusCSVReader: DefaultInitializableReader {}
extension OpenAlexReader: DefaultInitializableReader {}
