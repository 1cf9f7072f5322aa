import Testing

@testable import Formats

@Suite("Escaping")
struct EscapingTests {
  @Test("XML: markup and quotes escaped, whitespace as references, illegal characters dropped")
  func xml() {
    #expect(Escaping.xml("a<b>&\"c\"'d'") == "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;")
    #expect(Escaping.xml("x\ty\nz\r") == "x&#9;y&#10;z&#13;")
    #expect(Escaping.xml("a\u{0}\u{1}\u{1F}b\u{FFFE}\u{FFFF}c") == "abc")
    #expect(Escaping.xml("Zoë 李") == "Zoë 李")
  }

  @Test("CSV: quoting, formula prefixes, controls")
  func csv() {
    #expect(Escaping.csvField("plain") == "plain")
    #expect(Escaping.csvField("a,b") == "\"a,b\"")
    #expect(Escaping.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(Escaping.csvField("=1+2") == "'=1+2")
    #expect(Escaping.csvField("-x") == "'-x")
    #expect(Escaping.csvField("@x,y") == "\"'@x,y\"")
    #expect(Escaping.csvField("\tx") == "'\tx")
    #expect(Escaping.csvField("a\u{0}b\u{7F}") == "ab")
    #expect(Escaping.csvField("two\nlines") == "\"two\nlines\"")
  }

  @Test("Markdown: one line, syntax escaped")
  func markdown() {
    #expect(Escaping.markdown("a|b*c_d") == "a\\|b\\*c\\_d")
    #expect(Escaping.markdown("<x> & [y](z)") == "\\<x\\> &amp; \\[y\\](z)")
    #expect(Escaping.markdown("one\ntwo\r\nthree\u{0}") == "one two three")
  }

  @Test("HTML: no element or attribute can be opened")
  func html() {
    #expect(Escaping.html("<a href='x'>\"&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;")
    #expect(Escaping.html("a\u{0}\u{7F}b\nc") == "ab\nc")
  }

  @Test("line fields: tabs and line breaks become spaces")
  func lineField() {
    #expect(Escaping.lineField("a\tb\nc\rd\r\ne") == "a b c d e")
    #expect(!Escaping.lineField("x\u{0085}y\r\n").contains("\r"))
  }

  @Test("GML strings and keys; character references decode back")
  func gml() {
    let hostile = "Ann \"Q\" & Zoë"
    let written = Escaping.gmlString(hostile)
    #expect(written == "\"Ann &quot;Q&quot; &amp; Zo&#235;\"")
    #expect(Escaping.decodeCharacterReferences(String(written.dropFirst().dropLast())) == hostile)
    #expect(Escaping.decodeCharacterReferences("&#x41;&lt;&bogus; &") == "A<&bogus; &")
    #expect(Escaping.gmlKey("Total link strength") == "Totallinkstrength")
    #expect(Escaping.gmlKey("2nd") == "a2nd")
  }

  @Test("JSON for HTML: the characters that end a script element are escaped")
  func jsonForHTML() {
    #expect(Escaping.jsonForHTML(#"{"a":"</script>&\#u{2028}"}"#) == #"{"a":"\u003c/script\u003e\u0026\u2028"}"#)
  }

  @Test("numbers: no exponent, integers without a fraction")
  func numbers() {
    #expect(formatNumber(1e-5) == "0.00001")
    #expect(formatNumber(2.5e20) == "250000000000000000000")
    #expect(formatNumber(1.0 / 3) == "0.3333333333")
    #expect(formatNumber(-0.0) == "0")
    #expect(formatNumber(.infinity) == "inf")
  }
}
