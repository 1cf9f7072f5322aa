import Bibliography
import CoauthorAnalysis
import Foundation
import Graphviz
import TestSupport
import Testing

/// Hostile names and titles pushed through the whole pipeline: no input string may add a
/// DOT node, edge or attribute, an SVG/XML element or script, a CSV formula or a Markdown
/// table cell, and every name must come out intact in every format.
@Suite("Injection through every output")
struct InjectionTests {
  /// Names that must reach the outputs unchanged (after the readers' own cleaning, which
  /// strips HTML tags and parenthesised asides from CV author lists).
  static let survivingNames = [
    #"Robert alert(1) "]; node [image="/etc/passwd"] x [label="y & z ]]> | pipe"#,
    #"=HYPERLINK("http://evil.example") Smith"#, "=cmd|'/C calc'!A0", "@SUM(A1) Attacker",
    "+Plus Person", "Amp & Ersand", "Cdata ]]> Ender", #"Quote "Q" Person"#,
  ]

  /// Writes a Data folder with a CV, a homepage collaborator line and an alias table full of
  /// markup, formula prefixes, quotes, `]]>`, `&`, a tab and a NUL byte.
  static func hostileData(in folder: URL) throws -> URL {
    let data = folder.appendingPathComponent("Data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    let cv = """
      Mallory Owner

      Email: mallory@example.org

      Publications

      - 1. **Mallory Owner**, Robert"]; node [image="/etc/passwd"] x [label="y, "A Study of <script>alert(1)</script> Graphs & Trees", Journal of Injection, 2020
      - 2. **Mallory Owner**, =HYPERLINK("http://evil.example/?q=1") Smith, "Formula Prefixes =1+2 and ]]> CDATA ends", Proceedings of XSS, 2021
      - 3. **Mallory Owner**, Null\u{0}Byte Person, Carl <b>Bold</b> Jones, "Titles with \\N and \\G and {braces} and 'quotes'", Workshop on Escapes, 2022
      - 4. @SUM(A1) Attacker, **Mallory Owner**, +Plus Person, -Minus Person, "Ampersands &amp; &lt;entities&gt; &#x27; in titles", Conference on Text, 2023
      - 5. **Mallory Owner**, Dan Plain, "=SUM(1+2) starts with a formula <img src=x onerror=alert(1)>", Journal of Injection, 2024

      """
    let homepage = """
      Mallory's homepage
      I would love to thank my wonderful collaborators without whom these results below would never have been accomplished. In inverse chronological order:
      Eve <script>alert(1)</script> Hacker (2), =HYPERLINK("http://evil.example") Smith (1), Amp & Ersand (1), Cdata ]]> Ender (1), @SUM(A1) Attacker (1), Quote "Q" Person (1), Tab\tSeparated Name (1)

      """
    let aliases = """
      Robert <script>alert(1)</script>"]; node [image="/etc/passwd"] x [label="y & z ]]> | pipe\tRobert
      =cmd|'/C calc'!A0\tMinus Person

      """
    let manifest = """
      {"aliases": "aliases.tsv", "sources": [
        {"file": "cv.txt", "owner": "Mallory Owner", "format": "cv-text"},
        {"file": "homepage.txt", "owner": "Trent Owner", "format": "homepage"}]}
      """
    for (name, text) in [
      ("cv.txt", cv), ("homepage.txt", homepage), ("aliases.tsv", aliases),
      ("manifest.json", manifest),
    ] {
      try Data(text.utf8).write(to: data.appendingPathComponent(name))
    }
    return data
  }

  /// Drops C0 controls and DEL, which no output format keeps (XML cannot hold them).
  static func visible(_ s: String) -> String {
    String(
      String.UnicodeScalarView(s.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
  }

  /// The pipeline's outputs for the hostile folder (one run shared by the tests below).
  static let outputs: Result<URL, any Error> = Result {
    let folder = try CLI.temporaryFolder()
    let data = try hostileData(in: folder)
    let output = folder.appendingPathComponent("Output")
    let outcome = try CLI.run(["run", "--data", data.path, "--output", output.path])
    guard outcome.status == 0 else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: outcome.stderr])
    }
    return output
  }

  static func output(_ name: String) throws -> Data {
    try Data(contentsOf: try outputs.get().appendingPathComponent(name))
  }

  /// Node names as metrics.json holds them (the reference the other formats must match).
  static func names() throws -> [String] {
    let object = try JSONSerialization.jsonObject(with: try output("coauthor-network.metrics.json"))
    let rows = try #require((object as? [String: Any])?["rows"] as? [[String: Any]])
    return try rows.map { try #require($0["name"] as? String) }
  }

  @Test("metrics.json is valid JSON, re-encodes to the same values and holds every name")
  func json() throws {
    let data = try Self.output("coauthor-network.metrics.json")
    let object = try JSONSerialization.jsonObject(with: data)
    let again = try JSONSerialization.jsonObject(
      with: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    #expect(NSDictionary(dictionary: object as? [String: Any] ?? [:]).isEqual(again))
    let names = Set(try Self.names().map(Self.visible))
    for name in Self.survivingNames { #expect(names.contains(name), "\(name) is missing") }
  }

  @Test("DOT: only n0…, no extra edge or attribute, no file-reading attribute, labels intact")
  func dot() throws {
    let names = try Self.names()
    let edgeRows = csvRows(String(decoding: try Self.output("coauthor-network.edges.csv"), as: UTF8.self))
    let folder = try Self.outputs.get()
    let dots = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".dot") }.sorted()
    // The merged network, one ego network per owner, the topic and author–topic networks.
    #expect(dots.contains("coauthor-network.dot") && dots.count >= 3, "\(dots)")
    let forbidden: Set<String> = [
      "image", "shapefile", "fontpath", "imagepath", "stylesheet", "URL", "href", "layout",
      "labelURL", "edgeURL", "headURL", "tailURL", "imagescale", "id", "class",
    ]
    for file in dots {
      let text = String(decoding: try Self.output(file), as: UTF8.self)
      let parsed = try GraphvizRenderer.inspect(text)
      #expect(parsed.nodes.allSatisfy { $0.name.wholeMatch(of: /n[0-9]+/) != nil }, "\(file)")
      #expect(parsed.subgraphNames.allSatisfy { $0.hasPrefix("cluster_") || $0.hasPrefix("s") })
      let declared = Set(
        parsed.declaredGraphAttributes + parsed.declaredNodeAttributes
          + parsed.declaredEdgeAttributes)
      #expect(declared.isDisjoint(with: forbidden), "\(file): \(declared.intersection(forbidden))")
      for node in parsed.nodes {
        #expect(!node.attributes.keys.contains { forbidden.contains($0) }, "\(file) \(node.name)")
      }
      if file == "coauthor-network.dot" {
        let people = parsed.nodes.filter { $0.attributes["tooltip"] != nil }
        #expect(people.count == names.count, "one node per person")
        #expect(parsed.edges.count >= edgeRows.count - 1, "every link is drawn")
        let tooltips = Set(people.compactMap { $0.attributes["tooltip"] }.map(Self.decodeStored))
        #expect(tooltips == Set(names.map(Self.visible)))
      }
    }
  }

  /// The text a label held before DOTEscaping, from the value cgraph stores (`\\` → `\`,
  /// `&amp;` → `&`; cgraph has already turned `\"` into `"`).
  static func decodeStored(_ stored: String) -> String {
    var out = ""
    var iterator = stored.makeIterator()
    while let c = iterator.next() {
      if c == "\\", let next = iterator.next() {
        out.append(next == "\\" ? "\\" : "\\" + String(next))
      } else {
        out.append(c)
      }
    }
    return out.replacingOccurrences(of: "&amp;", with: "&")
  }

  @Test("SVG: valid XML, no script or foreign element, no event handler, names as text")
  func svg() throws {
    let names = Set(try Self.names().map(Self.visible))
    let allowed: Set<String> = [
      "svg", "g", "title", "text", "path", "polygon", "polyline", "ellipse", "a", "defs",
      "linearGradient", "radialGradient", "stop",
    ]
    let folder = try Self.outputs.get()
    for file in try FileManager.default.contentsOfDirectory(atPath: folder.path)
    where file.hasSuffix(".svg") {
      let data = try Self.output(file)
      #expect(!String(decoding: data, as: UTF8.self).lowercased().contains("<script"))
      let xml = XMLCollector.parse(data)
      #expect(xml.error == nil, "\(file) is not valid XML: \(String(describing: xml.error))")
      #expect(
        Set(xml.elements).isSubset(of: allowed),
        "\(file): \(Set(xml.elements).subtracting(allowed))")
      for attribute in xml.attributes {
        #expect(!attribute.name.lowercased().hasPrefix("on"), "\(file): \(attribute)")
        #expect(attribute.name != "href" && attribute.name != "xlink:href", "\(file): \(attribute)")
      }
      if file == "coauthor-network.svg" {
        let texts = Set(xml.closed.filter { $0.element == "text" }.map(\.text))
        for name in Self.survivingNames where names.contains(name) {
          #expect(texts.contains(name), "\(name) is not drawn verbatim")
        }
        let titles = Set(xml.attributes.filter { $0.name == "xlink:title" }.map(\.value))
        #expect(titles.isSuperset(of: Self.survivingNames))
      }
    }
  }

  @Test("CSV: rectangular RFC 4180, formula prefixes neutralised, names intact")
  func csv() throws {
    let names = try Self.names().map(Self.visible)
    for file in ["coauthor-network.nodes.csv", "coauthor-network.edges.csv", "coauthor-network.communities.csv", "name-merges.csv", "themes.csv"] {
      let text = String(decoding: try Self.output(file), as: UTF8.self)
      let rows = csvRows(text)
      let width = rows.first?.count ?? 0
      #expect(rows.allSatisfy { $0.count == width }, "\(file) is not rectangular")
      for field in rows.joined() {
        guard let first = field.unicodeScalars.first else { continue }
        if "=+-@\t\r".unicodeScalars.contains(first) {
          #expect(Double(field) != nil, "\(file): formula field \(String(reflecting: field))")
        }
      }
      #expect(
        !text.unicodeScalars.contains { $0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0) },
        "\(file) holds a control")
    }
    let rows = csvRows(String(decoding: try Self.output("coauthor-network.nodes.csv"), as: UTF8.self))
    let column = try #require(rows.first?.firstIndex(of: "Label"))
    let csvNames = rows.dropFirst().map { row in
      let field = row[column]
      if field.hasPrefix("'"), let next = field.dropFirst().unicodeScalars.first,
        "=+-@\t\r".unicodeScalars.contains(next)
      {
        return String(field.dropFirst())
      }
      return field
    }
    #expect(csvNames == names)
  }

  @Test("Markdown: every table row has its header's columns and no raw markup")
  func markdown() throws {
    let text = String(decoding: try Self.output("report.md"), as: UTF8.self)
    #expect(
      !text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "report.md holds a control")
    var columns: Int?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      guard line.hasPrefix("|") else {
        columns = nil
        continue
      }
      let cells = Self.unescapedPipes(line)
      if let columns {
        #expect(cells == columns, "row has \(cells) pipes, header \(columns): \(line)")
      } else {
        columns = cells
      }
      #expect(!Self.hasUnescaped("<", in: line), "raw < in \(line)")
    }
    for name in ["Amp &amp; Ersand", #"Cdata \]\]\> Ender"#] {
      #expect(text.contains(name), "\(name) not escaped as expected")
    }
  }

  static func unescapedPipes(_ line: String) -> Int {
    var count = 0
    var escaped = false
    for c in line {
      if escaped {
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if c == "|" {
        count += 1
      }
    }
    return count
  }

  static func hasUnescaped(_ target: Character, in line: String) -> Bool {
    var escaped = false
    for c in line {
      if escaped {
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else if c == target {
        return true
      }
    }
    return false
  }

  @Test("GraphML and GEXF from `coauthor network`: valid XML, one element per node, names intact")
  func xmlExports() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = try Self.hostileData(in: folder)
    let sources = ["cv.txt", "homepage.txt"].map { data.appendingPathComponent($0).path }
    let aliases = ["--aliases", data.appendingPathComponent("aliases.tsv").path]
    var outputs: [String: Data] = [:]
    for format in ["graphml", "gexf", "json"] {
      let file = folder.appendingPathComponent("network.\(format)")
      let outcome = try CLI.run(
        ["network"] + sources + aliases + ["--format", format, "-o", file.path])
      #expect(outcome.status == 0, "\(outcome.stderr)")
      outputs[format] = try Data(contentsOf: file)
    }
    let json =
      try JSONSerialization.jsonObject(with: try #require(outputs["json"])) as? [String: Any]
    let nodes = try #require(json?["nodes"] as? [[String: Any]])
    let names = nodes.compactMap { $0["label"] as? String }.map(Self.visible)
    #expect(names.count == nodes.count)
    // Without a manifest the homepage has no owner, so only the CV's names make nodes.
    for name in [Self.survivingNames[0], "=cmd|'/C calc'!A0", "+Plus Person", "=HYPERLINK"] {
      #expect(names.contains(name), "\(name) missing from JSON")
    }

    let graphML = XMLCollector.parse(try #require(outputs["graphml"]))
    #expect(graphML.error == nil, "GraphML: \(String(describing: graphML.error))")
    #expect(
      Set(graphML.elements).isSubset(of: [
        "graphml", "key", "desc", "graph", "node", "edge", "data",
      ]))
    #expect(graphML.elements.filter { $0 == "node" }.count == names.count)
    let graphMLNames = graphML.closed.filter {
      $0.element == "data" && $0.attributes["key"] == "label"
    }
    .map(\.text)
    #expect(graphMLNames == names)

    let gexf = XMLCollector.parse(try #require(outputs["gexf"]))
    #expect(gexf.error == nil, "GEXF: \(String(describing: gexf.error))")
    #expect(
      Set(gexf.elements).isSubset(of: [
        "gexf", "meta", "creator", "description", "graph", "attributes", "attribute", "nodes",
        "node", "attvalues", "attvalue", "edges", "edge", "spells", "spell",
      ]))
    let gexfNames = gexf.closed.filter { $0.element == "node" }.compactMap {
      $0.attributes["label"]
    }
    #expect(gexfNames == names)
  }

  @Test("parse --format csv|json: titles with markup and formulas stay data")
  func parseOutputs() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cv = try Self.hostileData(in: folder).appendingPathComponent("cv.txt").path
    let json = try CLI.run(["parse", cv, "--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let titles = try #require(object?["publications"] as? [[String: Any]]).compactMap {
      $0["title"] as? String
    }
    #expect(titles.contains { $0.hasPrefix("=SUM(1+2)") }, "titles: \(titles)")
    let csv = try CLI.run(["parse", cv, "--format", "csv"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let rows = csvRows(csv.stdout)
    #expect(rows.count == titles.count + 1)
    #expect(rows.allSatisfy { $0.count == rows[0].count }, "parse CSV is not rectangular")
    for field in rows.joined() {
      guard let first = field.unicodeScalars.first else { continue }
      if "=+-@\t\r".unicodeScalars.contains(first) {
        #expect(Double(field) != nil, "formula field \(String(reflecting: field))")
      }
    }
  }

  // MARK: Issue 15: VOSviewer map files, name-review.tsv, bidirectional controls, Pajek

  /// Labels that reach the writers as they are (a VOSviewer JSON input keeps NUL and every
  /// control): formulas, a NUL, each kind of bidirectional control, a trailing backslash.
  static let rawLabels = [
    "=cmd|' /C calc'!A0", "@SUM(A1)", "+Plus", "-Minus", "Nul\u{0}Byte", "Right\u{202E}To Left",
    "Embed\u{202A}\u{202B}\u{202C}\u{202D}Marks", "Isolate\u{2066}\u{2067}\u{2068}\u{2069}Marks",
    #"Back Slash\"#, #"Mid\dle"#, "'=Already Quoted", "Plain Name",
  ]

  static func isBidi(_ u: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value)
  }

  /// A label as every text output must hold it: bidirectional controls → U+FFFD, NUL gone.
  static func neutral(_ label: String) -> String {
    var out = String.UnicodeScalarView()
    for u in label.unicodeScalars where u.value != 0 { out.append(isBidi(u) ? "\u{FFFD}" : u) }
    return String(out)
  }

  /// A VOSviewer JSON network: a star from "Plain Name" to every hostile label.
  static func rawLabelInput(in folder: URL) throws -> String {
    let items = rawLabels.enumerated().map { ["id": $0.offset + 1, "label": $0.element] as [String: Any] }
    let links = (1..<rawLabels.count).map { ["source_id": rawLabels.count, "target_id": $0, "strength": 1] }
    let json = try JSONSerialization.data(withJSONObject: ["network": ["items": items, "links": links]])
    let url = folder.appendingPathComponent("hostile-network.json")
    try json.write(to: url)
    return url.path
  }

  @Test("VOSviewer map file: formula guard, no NUL, no bidi control, names read back")
  func vosviewerMap() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = try Self.rawLabelInput(in: folder)
    let map = folder.appendingPathComponent("map.txt").path
    let outcome = try CLI.run(["network", input, "--format", "vosviewer-map", "-o", map])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let text = try String(contentsOfFile: map, encoding: .utf8)
    #expect(!text.unicodeScalars.contains { $0.value == 0 || Self.isBidi($0) }, "NUL or bidi control")
    let rows = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    let column = try #require(rows.first?.firstIndex(of: "label"))
    // Map-file labels are always double-quoted, a quote doubled (VOSviewer manual).
    func unquoted(_ field: Substring) -> String {
      guard field.hasPrefix("\""), field.hasSuffix("\""), field.count >= 2 else { return String(field) }
      return String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }
    let labels = rows.dropFirst().map { unquoted($0[column]) }
    #expect(labels.count == Self.rawLabels.count)
    for label in labels {
      let first = label.unicodeScalars.first { $0 != "'" }
      if let first, "=+-@".unicodeScalars.contains(first) {
        #expect(label.hasPrefix("'"), "formula field \(label)")
      }
    }
    #expect(
      Set(labels.map(Escaping.unguardedSpreadsheetField)) == Set(Self.rawLabels.map(Self.neutral)))
    #expect(labels.contains("'=cmd|' /C calc'!A0") && labels.contains("''=Already Quoted"))
  }

  @Test("name-review.tsv: formula guard, no NUL, no bidi control, and NameReview.parse reads it back")
  func nameReview() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = try Self.hostileData(in: folder)
    let decisions: [(String, String, String)] = [
      ("accept", "=cmd|' /C calc'!A0", "@SUM(A1) Attacker"),
      ("reject", "+Plus Person", "Right\u{202E}To Left"),
      ("reject", "Nul\u{0}Byte Person", "'=Already Quoted"),
    ]
    let review = decisions.map { "\($0.0)\t\($0.1)\t\($0.2)\n" }.joined()
    try Data(review.utf8).write(to: data.appendingPathComponent("name-review.tsv"))
    let output = folder.appendingPathComponent("Output")
    let outcome = try CLI.run(["run", "--data", data.path, "--output", output.path])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let text = try String(
      contentsOf: output.appendingPathComponent("name-review.tsv"), encoding: .utf8)
    #expect(!text.unicodeScalars.contains { $0.value == 0 || Self.isBidi($0) }, "NUL or bidi control")
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      for field in line.split(separator: "\t").dropFirst() {
        let first = field.unicodeScalars.first { $0 != "'" }
        if let first, "=+-@".unicodeScalars.contains(first) {
          #expect(field.hasPrefix("'"), "formula field \(field)")
        }
      }
    }
    #expect(text.contains("accept\t'=cmd|' /C calc'!A0\t'@SUM(A1) Attacker"), "\(text)")
    let parsed = NameReview.parse(text, file: "name-review.tsv")
    #expect(parsed.diagnostics.isEmpty)
    // What the input file said (its own guard apostrophe read as one), neutralised.
    let expected = NameReview.parse(review, file: "input").entries.map {
      "\($0.decision) \(Self.neutral($0.keep)) \(Self.neutral($0.merge))"
    }
    #expect(expected.count == decisions.count)
    #expect(text.contains("''=Already Quoted") == false && text.contains("\t'=Already Quoted"))
    let got = parsed.entries.map { "\($0.decision) \($0.keep) \($0.merge)" }
    #expect(Array(got.prefix(expected.count)) == expected)
  }

  @Test("no bidirectional control reaches any network export; each becomes U+FFFD")
  func bidiControls() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = try Self.rawLabelInput(in: folder)
    let formats = [
      "graphml", "gexf", "gml", "json", "csv", "edgelist", "pajek", "dot", "vosviewer",
      "vosviewer-map",
    ]
    for format in formats {
      let file = folder.appendingPathComponent("network.\(format)").path
      let outcome = try CLI.run(["network", input, "--format", format, "-o", file])
      #expect(outcome.status == 0, "\(format): \(outcome.stderr)")
      let text = try String(contentsOfFile: file, encoding: .utf8)
      #expect(!text.unicodeScalars.contains(where: Self.isBidi), "\(format) holds a bidi control")
      let replacement = ["\u{FFFD}", "&#65533;", "\\ufffd"]
      // The edge list holds ids and weights only (igraph's Read_Ncol): no labels.
      if format != "edgelist" {
        #expect(replacement.contains { text.contains($0) }, "\(format): the controls vanished silently")
      }
    }
    // The report and the figures of a run, with a bidi control in an owner's collaborator.
    let data = try Self.hostileData(in: folder)
    let homepage = data.appendingPathComponent("homepage.txt")
    let text = try String(contentsOf: homepage, encoding: .utf8)
      .replacingOccurrences(of: "Amp & Ersand (1)", with: "Amp & Ersand (1), Evil\u{202E}Right Person (1)")
    try Data(text.utf8).write(to: homepage)
    let output = folder.appendingPathComponent("Output")
    let outcome = try CLI.run(["run", "--data", data.path, "--output", output.path])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    var sawReplacement = false
    for name in try FileManager.default.contentsOfDirectory(atPath: output.path)
    where [".md", ".html", ".csv", ".json", ".dot", ".svg", ".tsv", ".txt"].contains(where: name.hasSuffix) {
      let content = String(decoding: try Data(contentsOf: output.appendingPathComponent(name)), as: UTF8.self)
      #expect(!content.unicodeScalars.contains(where: Self.isBidi), "\(name) holds a bidi control")
      sawReplacement = sawReplacement || content.contains("Evil\u{FFFD}Right")
    }
    #expect(sawReplacement, "the collaborator with a bidi control is in no output")
  }

  @Test("diagnostics.txt and stderr: a bidi control, ESC and a line break from input are neutralised")
  func diagnosticsText() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = try Self.hostileData(in: folder)
    // An empty file is a warning quoting its path: the path carries the attack.
    let hostileName = "Evil\u{202E}Right\u{1B}[2J\nforged.bib:1: error: fake.txt"
    try Data().write(to: data.appendingPathComponent(hostileName))
    let output = folder.appendingPathComponent("Output")
    let outcome = try CLI.run(["run", "--data", data.path, "--output", output.path])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let text = try String(contentsOf: output.appendingPathComponent("diagnostics.txt"), encoding: .utf8)
    for (name, content) in [("diagnostics.txt", text), ("stderr", outcome.stderr)] {
      #expect(!content.unicodeScalars.contains(where: Self.isBidi), "\(name) holds a bidi control")
      #expect(!content.unicodeScalars.contains("\u{1B}"), "\(name) holds ESC")
      #expect(content.contains("Evil\u{FFFD}Right\u{FFFD}[2J forged.bib:1: error: fake.txt"), "\(name): \(content)")
      // The line break in the name did not start a line of its own.
      #expect(!content.split(separator: "\n").contains { $0.hasPrefix("forged.bib") }, "\(name): \(content)")
    }
  }

  @Test("Pajek: a label ending in a backslash keeps its closing quote; backslashes read back")
  func pajekBackslash() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = try Self.rawLabelInput(in: folder)
    let file = folder.appendingPathComponent("network.net").path
    let outcome = try CLI.run(["network", input, "--format", "pajek", "-o", file])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let text = try String(contentsOfFile: file, encoding: .utf8)
    var labels: [String] = []
    for line in text.split(separator: "\n") where line.first?.isNumber == true && line.hasSuffix("\"") {
      guard let open = line.firstIndex(of: "\"") else { continue }
      let body = line[line.index(after: open)..<line.index(before: line.endIndex)]
      // shlex (networkx.read_pajek): inside quotes `\\` is one backslash, `\"` a quote.
      var decoded = ""
      var escaped = false
      var balanced = true
      for c in body {
        if escaped {
          decoded.append(c)
          escaped = false
        } else if c == "\\" {
          escaped = true
        } else if c == "\"" {
          balanced = false
        } else {
          decoded.append(c)
        }
      }
      #expect(!escaped && balanced, "\(line) does not end its quoted label")
      labels.append(decoded)
    }
    let expected = Self.rawLabels.map { Self.neutral($0).replacingOccurrences(of: "\"", with: "'") }
    #expect(Set(labels) == Set(expected))
    #expect(text.contains(#""Back Slash\\""#), "\(text)")
  }

  @Test("every escaper replaces each bidirectional control by U+FFFD")
  func escapersNeutraliseBidi() {
    let controls = (0x202A...0x202E).map { $0 } + (0x2066...0x2069).map { $0 }
    for code in controls {
      let control = String(Character(Unicode.Scalar(UInt32(code))!))
      let input = "a" + control + "b"
      let outputs = [
        Escaping.xml(input), Escaping.csvField(input), Escaping.markdown(input),
        Escaping.html(input), Escaping.lineField(input), Escaping.spreadsheetField(input),
        Escaping.pajekLabel(input), DOTEscaping.quoted(input), Escaping.textLine(input),
      ]
      for output in outputs {
        #expect(output.contains("a\u{FFFD}b"), "U+\(String(code, radix: 16)): \(output)")
        #expect(!output.unicodeScalars.contains(where: Self.isBidi))
      }
      #expect(Escaping.gmlString(input) == "\"a&#65533;b\"")
      #expect(Escaping.json("\"" + input + "\"") == "\"a\\ufffdb\"")
      #expect(Escaping.jsonForHTML("\"" + input + "\"") == "\"a\\ufffdb\"")
    }
    // The right-to-left marks of Arabic and Hebrew names stay.
    #expect(Escaping.csvField("\u{200F}x\u{200E}\u{061C}") == "\u{200F}x\u{200E}\u{061C}")
  }
}
