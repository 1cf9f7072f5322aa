/// The records of comma-, tab- or semicolon-separated text, one at a time (RFC 4180
/// quoting: a field that opens with a double quote may hold the delimiter, line breaks
/// and `""`), read from UTF-8 bytes. The one delimited-text scanner of the project:
/// Bibliography's `DelimitedText` (publication CSV/TSV exports) and Formats'
/// `EdgeCSVReader` (edge tables) both read through it.
///
/// Rules, as spreadsheets and the exports we read write them:
/// - a quote opens a quoted field only at the start of a field (spaces before it are
///   dropped); anywhere else it is text;
/// - inside quotes, `""` is one quote and line breaks are part of the field;
/// - a record ends at LF, CRLF or a lone CR; a line with nothing on it is no record;
/// - a UTF-8 byte-order mark at the start is skipped.
///
/// Every delimiter, quote and line break is ASCII, so scanning UTF-8 bytes splits the
/// text exactly where scanning its characters would.
///
/// - Complexity: O(*n*) in the bytes; one record's fields are held at a time.
///
/// Reference: RFC 4180 §2.
public struct DelimitedRecords<Bytes: RandomAccessCollection> where Bytes.Element == UInt8, Bytes.Index == Int {
  /// One record and the line it starts on (1-based).
  public struct Record: Sendable, Hashable {
    public var line: Int
    public var fields: [String]
  }

  private let bytes: Bytes
  private let delimiter: UInt8
  private var position: Int
  private var line = 1
  /// The line of a quoted field still open at the end of the input (it swallowed the
  /// rest of the text).
  public private(set) var unclosedQuoteLine: Int?

  public init(_ bytes: Bytes, delimiter: UInt8) {
    self.bytes = bytes
    self.delimiter = delimiter
    var start = bytes.startIndex
    if bytes.count >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF { start += 3 }
    position = start
  }

  /// The next record, or nil at the end of the input.
  public mutating func next() -> Record? {
    let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), space = UInt8(ascii: " ")
    let end = bytes.endIndex
    while position < end {
      let recordLine = line
      var fields: [String] = []
      var field: [UInt8] = []
      var inQuotes = false
      var hasContent = false
      var ended = false
      while position < end, !ended {
        let c = bytes[position]
        position += 1
        if inQuotes {
          if c == quote {
            if position < end, bytes[position] == quote {
              field.append(quote)
              position += 1
            } else {
              inQuotes = false
            }
          } else {
            if c == lf { line += 1 }
            field.append(c)
          }
          continue
        }
        switch c {
        case quote:
          if field.allSatisfy({ $0 == space }) {
            field.removeAll(keepingCapacity: true)
            inQuotes = true
            unclosedQuoteLine = line
            hasContent = true
          } else {
            field.append(c)
          }
        case delimiter:
          fields.append(String(decoding: field, as: UTF8.self))
          field.removeAll(keepingCapacity: true)
          hasContent = true
        case cr where position < end && bytes[position] == lf:
          continue
        case cr, lf:
          line += 1
          ended = true
        default:
          field.append(c)
        }
      }
      if !inQuotes { unclosedQuoteLine = nil }
      fields.append(String(decoding: field, as: UTF8.self))
      if hasContent || fields.count > 1 || !fields[0].isEmpty { return Record(line: recordLine, fields: fields) }
    }
    return nil
  }

  /// Of `,`, tab and `;`, the delimiter that occurs most often outside quotes in the
  /// first line (`,` when none does; ties: tab, then `,`, then `;`).
  public static func guessDelimiter(_ bytes: Bytes) -> UInt8 {
    var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: "\t"): 0, UInt8(ascii: ";"): 0]
    var inQuotes = false
    for c in bytes {
      if c == UInt8(ascii: "\"") { inQuotes.toggle() }
      if inQuotes { continue }
      if c == UInt8(ascii: "\n") { break }
      if counts[c] != nil { counts[c, default: 0] += 1 }
    }
    let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }
    return best.map { $0.value > 0 ? $0.key : UInt8(ascii: ",") } ?? UInt8(ascii: ",")
  }
}
