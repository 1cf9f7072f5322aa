import Testing

@testable import Graphviz

@Suite("DOT escaping")
struct DOTEscapingTests {
  @Test(
    "each special character gets the escape the notes verified",
    arguments: [
      ("plain", "\"plain\""),
      ("a\"b", "\"a\\\"b\""),
      ("a\\b", "\"a\\\\b\""),
      ("ends with \\", "\"ends with \\\\\""),
      ("A & B", "\"A &amp; B\""),
      ("&amp;", "\"&amp;amp;\""),
      ("one\ntwo", "\"one\\ntwo\""),
      ("cr\r\nlf", "\"cr\\nlf\""),
      ("tab\there", "\"tab here\""),
      ("nul\u{0}esc\u{1B}del\u{7F}", "\"nulescdel\""),
      ("\\N", "\"\\\\N\""),
      ("<b>x</b>", "\"<b>x</b>\""),
      ("Sébastien 李 🙂", "\"Sébastien 李 🙂\""),
      ("", "\"\""),
    ])
  func quoted(input: String, expected: String) {
    #expect(DOTEscaping.quoted(input) == expected)
  }

  @Test("text above the cap is cut to 199 characters plus an ellipsis")
  func truncation() {
    let long = String(repeating: "é", count: 500)
    let quoted = DOTEscaping.quoted(long)
    #expect(quoted == "\"" + String(repeating: "é", count: 199) + "…\"")
    #expect(DOTEscaping.quoted(String(repeating: "x", count: 200)).count == 202)
    // Graphemes are not split: a flag is one character.
    let flags = String(repeating: "🇫🇷", count: 300)
    #expect(DOTEscaping.quoted(flags) == "\"" + String(repeating: "🇫🇷", count: 199) + "…\"")
  }

  @Test(
    "numbers are fixed notation with at most four decimals",
    arguments: [
      (0.0, "0"), (1.0, "1"), (2.5, "2.5"), (-3.25, "-3.25"), (1e-5, "0"), (0.00005, "0.0001"),
      (1e6, "1000000"), (123.456789, "123.4568"), (0.1, "0.1"), (0.0123, "0.0123"),
      (Double.nan, "0"), (Double.infinity, "0"), (1e300, "1000000000000"), (-0.00001, "0"),
    ])
  func number(value: Double, expected: String) {
    #expect(DOTEscaping.number(value) == expected)
  }
}
