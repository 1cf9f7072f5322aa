import Foundation
import TestSupport
import Testing

/// `--ego`/`--radius`, `--component` and `--largest-component` on `network`, `metrics` and
/// `communities`, checked against networkx's `ego_graph` and `node_connected_component`
/// (Fixtures/selection/netscience.tsv, written by make_reference.py beside it).
@Suite("Network selection: ego network and components")
struct SelectionTests {
  struct Reference {
    var kind: String
    var name: String
    var radius: String
    var nodes: Int
    var edges: Int
    var totalWeight: Double
    var labels: [String]
  }

  static let netscience = "../shared/datasets/graphs/netscience.gml"

  static func references() throws -> [Reference] {
    let url = CLI.packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/selection/netscience.tsv")
    return try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("#") }
      .map { line in
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        return Reference(
          kind: f[0], name: f[1], radius: f[2], nodes: Int(f[3])!, edges: Int(f[4])!, totalWeight: Double(f[5])!,
          labels: f[6].components(separatedBy: " | "))
      }
  }

  static func arguments(_ r: Reference) -> [String] {
    switch r.kind {
    case "ego": ["--ego", r.name, "--radius", r.radius]
    case "component": ["--component", r.name]
    default: ["--largest-component"]
    }
  }

  @Test("network --format json gives networkx's node set, edge count and total weight")
  func nodeLinkMatchesNetworkx() throws {
    let references = try Self.references()
    #expect(references.count == 4)
    for r in references {
      let outcome = try CLI.run(["network", Self.netscience, "--format", "json"] + Self.arguments(r))
      #expect(outcome.status == 0, "\(outcome.stderr)")
      let json = try #require(JSONSerialization.jsonObject(with: outcome.stdoutData) as? [String: Any])
      let nodes = try #require(json["nodes"] as? [[String: Any]])
      let edges = try #require(json["edges"] as? [[String: Any]])
      #expect(nodes.compactMap { $0["label"] as? String }.sorted() == r.labels, "\(r.kind) \(r.name) \(r.radius)")
      #expect(edges.count == r.edges)
      let total = edges.compactMap { ($0["weight"] as? NSNumber)?.doubleValue }.reduce(0, +)
      #expect(abs(total - r.totalWeight) < 1e-5)
      #expect(outcome.stderr.contains("\(r.nodes) of 1589 nodes, \(r.edges) of 2742 edges"))
      if r.kind == "ego" { #expect(nodes.first?["label"] as? String == r.name) }
    }
  }

  @Test("metrics and communities work on the part: the largest component's 379 nodes")
  func metricsAndCommunities() throws {
    let metrics = try CLI.run(["metrics", Self.netscience, "--largest-component", "--format", "csv"])
    #expect(metrics.status == 0, "\(metrics.stderr)")
    #expect(metrics.stdout.split(separator: "\n").count == 1 + 379)
    let communities = try CLI.run(["communities", Self.netscience, "--ego", "newman, m", "--format", "csv"])
    #expect(communities.status == 0, "\(communities.stderr)")
    #expect(communities.stderr.contains("the ego network of NEWMAN, M (radius 1): 28 of 1589 nodes"))
  }

  @Test("a name is matched exactly, then ignoring case and accents; unknown and ambiguous names fail with status 1")
  func names() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let table = folder.appendingPathComponent("edges.csv")
    try "Source,Target,Weight\nJosé Pérez,Ana Li,2\nJOSE PEREZ,Bo Wu,1\nAna Li,Cy Xu,1\nDee Fox,Eli Ng,3\n"
      .write(to: table, atomically: true, encoding: .utf8)
    let exact = try CLI.run(["network", table.path, "--ego", "José Pérez", "--format", "csv"])
    #expect(exact.status == 0, "\(exact.stderr)")
    #expect(exact.stdout == "Source,Target,Weight\nJosé Pérez,Ana Li,2\n")
    let folded = try CLI.run(["network", table.path, "--component", "dee fox", "--format", "csv"])
    #expect(folded.stdout == "Source,Target,Weight\nDee Fox,Eli Ng,3\n")
    let ambiguous = try CLI.run(["network", table.path, "--ego", "jose perez"])
    #expect(ambiguous.status == 1)
    #expect(ambiguous.stderr.contains("2 nodes are named like 'jose perez'"))
    let unknown = try CLI.run(["network", table.path, "--ego", "Ana"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("no node is named 'Ana'; similar: Ana Li"))
  }

  @Test("a VOSviewer map/network pair in another folder (the Spark job's output) is read, and --ego takes an item id")
  func vosviewerPairById() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let map = folder.appendingPathComponent("coauthor_map.txt")
    try "id\tlabel\tpapers\nhttps://openalex.org/A1\tAnn Lee\t3\nhttps://openalex.org/A2\tBo Wu\t1\nhttps://openalex.org/A3\tCy Xu\t2\nhttps://openalex.org/A4\tDee Fox\t1\n"
      .write(to: map, atomically: true, encoding: .utf8)
    try "https://openalex.org/A1\thttps://openalex.org/A2\t2\nhttps://openalex.org/A2\thttps://openalex.org/A3\t1\nhttps://openalex.org/A3\thttps://openalex.org/A4\t1\n"
      .write(to: folder.appendingPathComponent("coauthor_network.txt"), atomically: true, encoding: .utf8)
    // Run from the package root: the network file is found beside the map, not in the cwd.
    let outcome = try CLI.run(["network", map.path, "--ego", "https://openalex.org/A2", "--format", "csv"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout == "Source,Target,Weight\nBo Wu,Ann Lee,2\nBo Wu,Cy Xu,1\n")
  }

  @Test("conflicting or out-of-range selection options are wrong arguments (64)")
  func wrongArguments() throws {
    for arguments in [
      ["--ego", "NEWMAN, M", "--largest-component"], ["--radius", "2"], ["--ego", "NEWMAN, M", "--radius", "0"],
      ["--component", "x", "--ego", "y"],
    ] {
      let outcome = try CLI.run(["network", Self.netscience] + arguments)
      #expect(outcome.status == 64, "\(arguments): \(outcome.stderr)")
    }
  }

  @Test("an ego network of the seed data keeps each person's papers, years and owner flag")
  func sourcedEgo() throws {
    func nodes(_ arguments: [String]) throws -> [String: [String: Any]] {
      let outcome = try CLI.run(["network", "Data", "--format", "json"] + arguments)
      #expect(outcome.status == 0, "\(outcome.stderr)")
      let json = try #require(JSONSerialization.jsonObject(with: outcome.stdoutData) as? [String: Any])
      let list = try #require(json["nodes"] as? [[String: Any]])
      return Dictionary(uniqueKeysWithValues: list.map { ($0["label"] as! String, $0) })
    }
    let whole = try nodes([])
    let ego = try nodes(["--ego", "Qi Lei"])
    #expect(ego.count > 1 && ego.count < whole.count)
    #expect(ego["Qi Lei"]?["owner"] as? Bool == true)
    #expect(ego.values.filter { $0["owner"] as? Bool == true }.count == 1)
    for (label, node) in ego {
      for key in ["papers", "firstYear", "lastYear"] {
        #expect((node[key] as? Int) == (whole[label]?[key] as? Int), "\(label) \(key)")
      }
    }
  }

  @Test("in a network from sources any spelling of a person finds them (a researcher's own .bib)")
  func spellings() throws {
    let bib = "../shared/datasets/bibtex/ArtPoon--latex-cv.bib"
    let canonical = try CLI.run(["network", bib, "--ego", "Art F Y Poon", "--format", "csv"])
    #expect(canonical.status == 0, "\(canonical.stderr)")
    for spelling in ["Art Poon", "A Poon", "AFY Poon"] {
      let other = try CLI.run(["network", bib, "--ego", spelling, "--format", "csv"])
      #expect(other.status == 0, "\(spelling): \(other.stderr)")
      #expect(other.stdout == canonical.stdout, "\(spelling)")
    }
  }

  @Test("our own CSV export reads back as an edge table with the same edges")
  func csvRoundTrip() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let csv = folder.appendingPathComponent("ns.csv").path
    let written = try CLI.run(["network", Self.netscience, "--format", "csv", "-o", csv])
    #expect(written.status == 0, "\(written.stderr)")
    let again = try CLI.run(["network", csv, "--format", "csv"])
    #expect(again.status == 0, "\(again.stderr)")
    // Rows as {source, target} + weight: node order (and so which end is Source) may differ.
    func edges(_ text: String) -> [String] {
      text.split(separator: "\n").dropFirst().map { row in
        var fields: [String] = [], field = "", quoted = false
        for ch in row {
          if ch == "\"" { quoted.toggle() } else if ch == ",", !quoted { fields.append(field); field = "" } else { field.append(ch) }
        }
        fields.append(field)
        return fields[0..<2].sorted().joined(separator: "|") + "|" + fields[2]
      }.sorted()
    }
    let original = edges(try String(contentsOfFile: csv, encoding: .utf8))
    #expect(original.count == 2742)
    #expect(edges(again.stdout) == original)
  }

  @Test("--draw draws the selected part as run draws its figures: title, community swatches, the person emphasised, the pinned DOT beside it")
  func drawSelected() throws {
    let folder = try CLI.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let svg = folder.appendingPathComponent("newman.svg").path
    let outcome = try CLI.run(["network", Self.netscience, "--ego", "newman, m", "--draw", svg])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    // --draw alone: no export on stdout.
    #expect(outcome.stdout.isEmpty)
    let text = try String(contentsOfFile: svg, encoding: .utf8)
    // networkx: ego_graph(G, "NEWMAN, M") has 28 nodes (Fixtures/selection/netscience.tsv).
    let r = try #require(try Self.references().first { $0.kind == "ego" && $0.name == "NEWMAN, M" && $0.radius == "1" })
    #expect(text.contains("Ego network of NEWMAN, M: \(r.nodes - 1) coauthors, \(r.edges) links"), "\(text.prefix(300))")
    #expect(text.contains("nodes (NEWMAN, M"), "no community swatch naming its leader")
    #expect(text.contains("Leiden communities of this part"))
    let dot = try String(contentsOfFile: folder.appendingPathComponent("newman.dot").path, encoding: .utf8)
    #expect(dot.contains("!\""), "the DOT beside it is the pinned drawing")
    // With an export, both; a PNG of the largest component.
    let png = folder.appendingPathComponent("giant.png").path
    let both = try CLI.run(["network", Self.netscience, "--largest-component", "--draw", png, "--format", "csv"])
    #expect(both.status == 0, "\(both.stderr)")
    #expect(both.stdout.split(separator: "\n").count == 914 + 1)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
    #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    // Not a figure file name: wrong arguments.
    let bad = try CLI.run(["network", Self.netscience, "--draw", folder.appendingPathComponent("x.jpg").path])
    #expect(bad.status == 64, "\(bad.stderr)")
    #expect(bad.stderr.contains("must end in .svg, .png or .pdf"))
  }
}
