import Foundation

/// Writes a writer's text to a file, as UTF-8, replacing what was there.
enum _FileOutput {
  static func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}

/// The JSON writers' encoder: sorted keys and fixed indentation, so the same graph gives
/// the same bytes on every run and platform; slashes unescaped; the text made safe to
/// inline in HTML (``Escaping/jsonForHTML(_:)``); a final newline.
enum _JSONOutput {
  static func text(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    // Only non-finite doubles make JSONEncoder throw; the documents encode those as null.
    guard let data = try? encoder.encode(value) else {
      preconditionFailure("a JSON document with only finite numbers failed to encode")
    }
    return Escaping.jsonForHTML(String(decoding: data, as: UTF8.self)) + "\n"
  }
}
