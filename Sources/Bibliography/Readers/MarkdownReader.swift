import Foundation

/// Reads a publication list written in Markdown: a homepage's `publications.md`, a
/// Jekyll page with front matter, a README.
///
/// Entries are list items (`- `, `* `, `1. `, kramdown's `0. `) or paragraphs, found by
/// the text CV scanner (``CVTextReader``): publication headings open sections, other
/// headings close them, a page without a publication heading is read whole. On top of
/// that, Markdown marks are cues (``ListEntryParser``): `[Title](url) by Authors.`,
/// `Authors. *Title.* Venue`, the owner in bold; a line opening with `<br>` after an
/// entry is a note on it (code, award), and a year heading (`## 2021`) gives its entries
/// the year they do not state.
public struct MarkdownReader: RecordReader, OwnerInitializableReader {
  public static var format: InputFormat { .markdown }

  /// Whose list it is; nil detects it (the name on most entries).
  public var owner: String?

  public init(owner: String? = nil) {
    self.owner = owner
  }

  /// The text CV confidence for the same entries, plus 0.05, when the text has Markdown
  /// of its own: an ATX heading (`## Publications`), two links `[text](url)`, front
  /// matter, or `__strong__`; 0 otherwise (a plain text CV is not Markdown).
  public static func confidence(for text: String) -> Double {
    guard hasMarkdown(text) else { return 0 }
    let base = CVTextReader.confidence(for: text)
    return base > 0 ? min(1, base + 0.05) : 0
  }

  static func hasMarkdown(_ text: String) -> Bool {
    if text.hasPrefix("---\n") || text.hasPrefix("---\r\n") || text.hasPrefix("+++\n") || text.hasPrefix("+++\r\n") { return true }
    var links = 0
    for line in text.prefix(64 * 1024).split(whereSeparator: \.isNewline) {
      let trimmed = line.drop(while: { $0 == " " })
      if trimmed.hasPrefix("#") {
        let marks = trimmed.prefix(while: { $0 == "#" })
        if marks.count <= 6, trimmed.dropFirst(marks.count).first == " " { return true }
      }
      if trimmed.contains("](") { links += 1 }
      if trimmed.contains("__") && trimmed.components(separatedBy: "__").count >= 3 { return true }
      if links >= 2 { return true }
    }
    return false
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    let scan = CVTextReader.scan(text, file: file, markdown: true)
    return CVTextReader.read(
      scan.entries, file: file, format: Self.format, owner: owner, markup: true)
  }
}
