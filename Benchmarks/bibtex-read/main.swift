// Streaming BibTeX read benchmark: `swift build -c release --product bibtex-read-bench`
// (Benchmarks/bibtex-read/run.sh builds it and runs it beside bibtexparser).
//
//   bibtex-read FILE [--whole]
//
// Prints entries, author slots, truncated lists, diagnostics, seconds and peak RSS.
// The default reads piece by piece (BibTeXReader.read(contentsOf:chunkSize:body:));
// --whole reads the file into memory first (BibTeXReader.read(contentsOf:)).
import Bibliography
import Foundation
import GraphKit

#if canImport(Glibc)
  import Glibc
#endif

func peakRSSMegabytes() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024  // Linux reports KiB.
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  FileHandle.standardError.write("usage: bibtex-read FILE [--whole]\n".data(using: .utf8) ?? Data())
  exit(2)
}
let url = URL(fileURLWithPath: arguments[1])
let whole = arguments.contains("--whole")
// --network: also build the coauthor network while streaming (full counting, papers with
// more than 25 authors left out, names interned by their cleaned spelling). Memory is
// the network's, not the file's.
let network = arguments.contains("--network")
var builder = GraphBuilder(parallelEdges: .sum)
var ids: [String: Int] = [:]
var hyperauthored = 0
@MainActor func addToNetwork(_ publication: Publication) {
  guard publication.authors.count <= 25 else {
    hyperauthored += 1
    return
  }
  var people: [Int] = []
  for name in publication.authors {
    let key = NameNormalizer.matchKey(name)
    let id = ids[key] ?? {
      let new = ids.count
      ids[key] = new
      return new
    }()
    if !people.contains(id) { people.append(id) }
  }
  for i in people.indices {
    for j in people.indices where j > i { builder.addEdge(people[i], people[j]) }
  }
  builder.reserveNodes(ids.count)
}
let start = Date()
var entries = 0
var authorSlots = 0
var truncated = 0
var diagnosticCount = 0
do {
  if whole {
    let document = try BibTeXReader().read(contentsOf: url)
    entries = document.publications.count
    for publication in document.publications {
      authorSlots += publication.authors.count
      if publication.authorsTruncated { truncated += 1 }
    }
    diagnosticCount = document.diagnostics.count
  } else {
    var shown = 0
    let show = ProcessInfo.processInfo.environment["SHOW_DIAGNOSTICS"] != nil
    // Diagnostics are counted as they come, not kept: memory stays bounded.
    _ = try BibTeXReader().read(
      contentsOf: url,
      diagnostic: { diagnostic in
        diagnosticCount += 1
        if show && shown < 20 {
          shown += 1
          print(diagnostic)
        }
      },
      body: { publication in
        entries += 1
        authorSlots += publication.authors.count
        if publication.authorsTruncated { truncated += 1 }
        if network { addToNetwork(publication) }
      })
  }
} catch {
  FileHandle.standardError.write("\(error)\n".data(using: .utf8) ?? Data())
  exit(1)
}
var networkSummary = ""
if network {
  let graph = builder.build()
  networkSummary = " network_nodes=\(graph.nodeCount) network_edges=\(graph.edgeCount) hyperauthored=\(hyperauthored)"
}
let seconds = Date().timeIntervalSince(start)
print(
  "swift mode=\(whole ? "whole" : "streaming") entries=\(entries) authors=\(authorSlots) "
    + "truncated=\(truncated) diagnostics=\(diagnosticCount)\(networkSummary) "
    + String(format: "seconds=%.2f peak_rss_mb=%.0f", seconds, peakRSSMegabytes()))
