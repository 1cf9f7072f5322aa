import Formats

/// Positive recognition of plain graph files (the Formats module's detector).
enum GraphInputRecognition {
  static func isGraph(_ bytes: [UInt8], fileName: String) -> Bool {
    GraphReader.recognize(bytes, fileName: fileName) != nil
  }
}
