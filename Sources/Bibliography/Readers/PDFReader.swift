import CoauthorBase
import Foundation

/// Reads a CV saved as PDF: its text layer through `pdftotext -layout` (poppler-utils),
/// then the text CV reader.
///
/// `pdftotext` is looked for at absolute paths only (`COAUTHOR_PDFTOTEXT` when it is an
/// absolute path, else `/usr/bin/pdftotext`, `/usr/local/bin/pdftotext`,
/// `/opt/homebrew/bin/pdftotext`) and runs through ``ChildProcess`` (CProcess: its own
/// process group, killed at ``timeout``, and killed with coauthor, `kill -9` included). A missing `pdftotext`, a PDF it cannot read, a
/// deadline passed, or a PDF without a text layer (a scan) is one error diagnostic that
/// says so. The text has page furniture removed (form feeds, page numbers) before the
/// text CV scanner reads it.
public struct PDFReader: RecordReader, OwnerInitializableReader {
  public static var format: InputFormat { .pdf }

  public var owner: String?
  /// How long `pdftotext` may run.
  public var timeout: TimeInterval = 30

  public init(owner: String? = nil) {
    self.owner = owner
  }

  /// Where `pdftotext` is looked for, in order.
  public var pdftotextPaths = PDFReader.defaultPDFToTextPaths

  /// The environment variable that names another `pdftotext`, by absolute path (a
  /// relative value is ignored with a warning; `PATH` is never searched).
  public static let executableVariable = "COAUTHOR_PDFTOTEXT"

  /// `/usr/bin/pdftotext`, then the usual other installation places.
  public static let defaultPDFToTextPaths = [
    "/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext",
  ]

  /// 1 for input that starts with the PDF signature `%PDF-` (after at most 1 KiB of
  /// leading junk, as PDF readers allow); 0 otherwise.
  public static func confidence(for text: String) -> Double {
    text.prefix(1024).contains("%PDF-") && text.unicodeScalars.prefix(1024).contains("%") ? 1 : 0
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    parse(bytes: Self.bytes(of: text), file: file)
  }

  /// Reads PDF bytes.
  public func parse(bytes: [UInt8], file: String) -> SourceDocument {
    let location = InputLocation(file: file, line: 1)
    let (paths, warning) = Self.candidates(pdftotextPaths, environment: ProcessInfo.processInfo.environment)
    let warnings = warning.map { [Diagnostic(.warning, at: location, $0)] } ?? []
    func failed(_ message: String) -> SourceDocument {
      SourceDocument(
        file: file, format: Self.format, owner: owner,
        diagnostics: warnings + [Diagnostic(.error, at: location, message)])
    }
    guard
      let tool = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
      return failed(
        "cannot read a PDF: pdftotext is not installed (looked in "
          + paths.joined(separator: ", ")
          + "); install the poppler-utils package (apt-get install poppler-utils)")
    }
    let extracted: String
    switch Self.run(tool, bytes: bytes, timeout: timeout) {
    case .success(let output): extracted = output
    case .failure(let message): return failed("cannot read the PDF: \(message)")
    }
    let (lines, origins) = Self.cleanedLines(extracted)
    let text = lines.joined(separator: "\n")
    if text.unicodeScalars.filter({ $0.properties.isAlphabetic }).count < 20 {
      return failed(
        "the PDF has no text layer (a scanned image?); nothing could be read — run it "
          + "through OCR or give the publication list in another format")
    }
    var scan = CVTextReader.scan(text, file: file, markdown: true, flowed: true)
    // Lines of the cleaned text are located at their lines in pdftotext's text.
    for index in scan.entries.indices where origins.indices.contains(scan.entries[index].location.line - 1) {
      scan.entries[index].location.line = origins[scan.entries[index].location.line - 1]
    }
    var document = CVTextReader.read(scan.entries, file: file, format: Self.format, owner: owner, markup: true)
    document.diagnostics.insert(contentsOf: warnings, at: 0)
    return document
  }

  // MARK: - Internals

  /// Where to look for `pdftotext`: `COAUTHOR_PDFTOTEXT` alone when it is an absolute
  /// path, else `paths`; a relative value is ignored with the warning returned.
  static func candidates(
    _ paths: [String], environment: [String: String]
  ) -> (paths: [String], warning: String?) {
    guard let override = environment[executableVariable], !override.isEmpty else { return (paths, nil) }
    if override.hasPrefix("/") { return ([override], nil) }
    return (
      paths,
      "\(executableVariable)=\(override) is not an absolute path (PATH and the working folder are "
        + "never searched); it is ignored"
    )
  }

  /// The bytes behind `text`: the decoder reads a PDF as Windows-1252 (every byte one
  /// character), so the mapping is reversed; text that was valid UTF-8 is its UTF-8.
  static func bytes(of text: String) -> [UInt8] {
    var reverse: [UInt32: UInt8] = [:]
    for byte in 0...255 {
      reverse[TextDecoding.windows1252Scalar(UInt8(byte)).value] = UInt8(byte)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      guard let byte = reverse[scalar.value] else { return Array(text.utf8) }
      bytes.append(byte)
    }
    return bytes
  }

  enum RunResult {
    case success(String)
    case failure(String)
  }

  /// Runs `pdftotext` on `bytes` through ``ChildProcess`` (CProcess: its own process
  /// group, killed at the deadline, and with coauthor on any death of coauthor, kill -9
  /// included), its files in the process's ``ScratchFolder`` (mode 0700, removed after
  /// the run; a folder left by a killed process is swept by the next one).
  static func run(_ tool: String, bytes: [UInt8], timeout: TimeInterval) -> RunResult {
    let deadline = ContinuousClock.now + .milliseconds(Int64((timeout * 1000).rounded(.up)))
    let files: ScratchFolder.Files
    do throws(ScratchFolder.Failure) {
      files = try ScratchFolder.shared().files()
    } catch {
      return .failure(error.description)
    }
    defer { files.removeAll() }
    let input = files.path("input.pdf")
    let output = files.path("output.txt")
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: input))
    } catch {
      return .failure("cannot write a temporary file: \(error.localizedDescription)")
    }
    let outcome: ChildProcess.Outcome
    do throws(ChildProcess.Failure) {
      outcome = try ChildProcess.run(
        tool, ["-layout", "-enc", "UTF-8", "-q", input, output], deadline: deadline,
        stderrPath: files.path("stderr.txt"))
    } catch {
      switch error {
      case .timedOut:
        return .failure("pdftotext did not finish within \(Self.seconds(timeout)) and was killed")
      case .cannotStart(let message): return .failure(message)
      }
    }
    let message = outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
    if let signal = outcome.signal {
      return .failure("pdftotext was ended by signal \(signal)" + (message.isEmpty ? "" : ": \(message)"))
    }
    guard outcome.status == 0 else {
      return .failure(
        "pdftotext exited with status \(outcome.status)"
          + (message.isEmpty ? "" : ": \(message)") + " (damaged or encrypted PDF?)")
    }
    guard let data = FileManager.default.contents(atPath: output) else {
      return .failure("pdftotext wrote no text")
    }
    return .success(String(decoding: data, as: UTF8.self))
  }

  /// "30 s", "0.5 s".
  static func seconds(_ t: TimeInterval) -> String {
    t == t.rounded() ? "\(Int(t)) s" : String(format: "%.1f s", t)
  }

  /// Layout text without page furniture: form feeds end pages (and read as a blank line),
  /// lines that are
  /// only a page number ("3", "Page 3 of 12", "- 3 -") go, and so do running heads and
  /// feet (the first or last line of half the pages or more, digits aside: "Name - CV -
  /// orcid.org/… 3/6"). Role marks after names (`Chiu WA*.`, `Rusyn I†,`) go too: PDF
  /// text has no Markdown, and a `*` left in would read as emphasis.
  static func cleaned(_ text: String) -> String {
    cleanedLines(text).lines.joined(separator: "\n")
  }

  /// ``cleaned(_:)`` as lines, with each line's 1-based line in `text` (`origins`). A page
  /// break reads as a blank line of its own (it parts the pages' text as a blank line
  /// would), and a margin label may be set on a line of its own: neither is a line of
  /// `text`, so records are located through `origins`.
  static func cleanedLines(_ text: String) -> (lines: [String], origins: [Int]) {
    var lines: [String] = []
    let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map {
      $0.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }
    func key(_ line: String) -> String {
      TextScanning.collapseWhitespace(line.filter { !$0.isNumber })
    }
    var edgeCounts: [String: Int] = [:]
    for page in pages {
      let filled = page.filter { !$0.allSatisfy(\.isWhitespace) }
      for edge in Set([filled.first, filled.last].compactMap { $0 }.map(key)) where edge.count >= 6 {
        edgeCounts[edge, default: 0] += 1
      }
    }
    let pageCount = pages.filter { $0.contains { !$0.allSatisfy(\.isWhitespace) } }.count
    let runningHeads = Set(edgeCounts.filter { $0.value >= 3 && $0.value * 2 >= pageCount }.keys)
    // "A\n\u{0C}B": page 1 ends in an empty line that is not in the text, and a page
    // that ends without a line break shares its last line with the next page's first.
    var origins: [Int] = []
    var counter = 1
    for (number, page) in pages.enumerated() {
      for position in page.indices {
        origins.append(counter)
        if position < page.count - 1 || number == pages.count - 1 { counter += 1 }
      }
    }
    for raw in pages.joined() {
      let line = runningHeads.isEmpty || !runningHeads.contains(key(raw)) ? Self.withoutMarks(raw) : ""
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      let words = trimmed.lowercased().split(separator: " ")
      let isPageNumber =
        !trimmed.isEmpty
        && words.allSatisfy { word in
          word.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "–" || $0 == "/" })
            || word == "page" || word == "of"
        } && trimmed.contains(where: \.isNumber) && trimmed.count <= 16
        // "2018" alone is a year sub-heading: no CV runs to page 1800.
        && !(trimmed.count == 4 && Int(trimmed).map { (1800...2099).contains($0) } == true)
      lines.append(isPageNumber ? "" : line)
    }
    return marginLabelsSplit(dateColumnEntries(lines), origins: origins)
  }

  static func marginLabelsSplit(_ lines: [String]) -> [String] {
    marginLabelsSplit(lines, origins: Array(1...max(1, lines.count))).lines
  }

  /// The line with role marks (`*`, `†`, `‡`, `#`) that follow a letter and end a word
  /// removed ("Chiu WA*." → "Chiu WA.", "Liao CM*, Lin P*" → "Liao CM, Lin P"); "C#"
  /// is a name and stays.
  static func withoutMarks(_ line: String) -> String {
    guard line.contains(where: { "*†‡#".contains($0) }) else { return line }
    let characters = Array(line)
    var out = ""
    for (index, c) in characters.enumerated() {
      if "*†‡#".contains(c) {
        var start = index
        while start > 0, "*†‡#".contains(characters[start - 1]) { start -= 1 }
        var end = index + 1
        while end < characters.count, "*†‡#".contains(characters[end]) { end += 1 }
        let afterLetter = start > 0 && characters[start - 1].isLetter
        let wordEnds = end == characters.count || characters[end].isWhitespace || ",.;:)".contains(characters[end])
        let word = characters[..<start].reversed().prefix(while: { !$0.isWhitespace })
        let isLanguage = c == "#" && word.count == 1 && (word.first == "C" || word.first == "F")
        if afterLetter && wordEnds && !isLanguage { continue }
      }
      out.append(c)
    }
    return out
  }

  /// A résumé layout sets section labels ("Publications – Journals", "2023") in a left
  /// column beside the entries; `pdftotext -layout` interleaves the two. When most
  /// indented lines start at one column, text left of it (after a gap) is a label: it
  /// becomes a line of its own, before the entries it labels, and the entries are
  /// moved to the left margin.
  static func marginLabelsSplit(_ lines: [String], origins: [Int]) -> (lines: [String], origins: [Int]) {
    var histogram: [Int: Int] = [:]
    let rows = lines.map { Array($0) }
    for row in rows {
      let indent = row.prefix(while: { $0 == " " }).count
      if indent >= 4, indent < row.count { histogram[indent, default: 0] += 1 }
    }
    guard let (column, count) = histogram.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
      count >= 10
    else { return (lines, origins) }
    func split(_ row: [Character]) -> (label: String, body: String)? {
      guard row.count > column, row[column] != " ", row[column - 1] == " ",
        row[column - 2] == " ",
        let first = row.firstIndex(where: { $0 != " " }), first < column - 2
      else { return nil }
      let label = String(row[..<column]).trimmingCharacters(in: .whitespaces)
      return (label, String(row[column...]))
    }
    let splits = rows.map(split)
    guard splits.contains(where: { $0 != nil }) else { return (lines, origins) }
    var out: [String] = []
    var outOrigins: [Int] = []
    var index = 0
    while index < rows.count {
      guard let first = splits[index] else {
        let row = rows[index]
        let indent = row.prefix(while: { $0 == " " }).count
        out.append(indent >= column ? String(row[column...]) : String(row))
        outOrigins.append(origins[index])
        index += 1
        continue
      }
      // Consecutive label fragments are one label.
      var labels = [first.label]
      var bodies = [first.body]
      var next = index + 1
      while next < rows.count, let more = splits[next] {
        labels.append(more.label)
        bodies.append(more.body)
        next += 1
      }
      // Only a label that names a section or a year is kept ("Turku, Finland" beside
      // an entry is not one).
      let label = labels.joined(separator: " ")
      let bare = label.trimmingCharacters(in: .whitespaces)
      let isYear = bare.count == 4 && Int(bare).map { (1800...2099).contains($0) } == true
      if isYear || CVTextReader.heading(label) != nil {
        if out.last.map({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) == true {
          out.append("")
          outOrigins.append(origins[index])
        }
        out.append(label)
        outOrigins.append(origins[index])
      }
      out += bodies
      outOrigins += origins[index..<next]
      index = next
    }
    return (out, outOrigins)
  }
}
