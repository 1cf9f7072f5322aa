import Foundation
import Formats
import GraphKit

// Release-mode benchmark runner: `coauthor-bench FILE [CASE...]` (any format GraphReader
// detects: SNAP edge list, GML, METIS, GraphML, VOSviewer; gzip allowed).
// Each case runs on the loaded graph and prints one JSON line with its time.
// Centrality cases live in CentralityCases.swift, community cases in CommunityCases.swift.

struct BenchCase {
  var name: String
  /// Runs the case and returns a short result summary (a checksum, a modularity, …)
  /// so that the work cannot be optimised away and results can be compared with peers.
  var run: @Sendable (Graph) -> String
}

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first else {
  FileHandle.standardError.write(Data("usage: coauthor-bench FILE [CASE...]\n".utf8))
  exit(2)
}
let wanted = Set(arguments.dropFirst())
let all = centralityCases + communityCases

let loadStart = Date()
let graph: Graph
do {
  graph = try GraphReader.read(contentsOf: path)
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(1)
}
let loadSeconds = Date().timeIntervalSince(loadStart)
print(#"{"case":"load","seconds":\#(loadSeconds),"nodes":\#(graph.nodeCount),"edges":\#(graph.edgeCount)}"#)
for benchCase in all where wanted.isEmpty || wanted.contains(benchCase.name) {
  let start = Date()
  let cpuStart = processCPUSeconds()
  let summary = benchCase.run(graph)
  let cpu = processCPUSeconds() - cpuStart
  let seconds = Date().timeIntervalSince(start)
  // CPU seconds of the case (all threads): what stays comparable on a loaded machine.
  print(
    #"{"case":"\#(benchCase.name)","seconds":\#(seconds),"case_cpu_seconds":\#(cpu),"result":"\#(summary)"}"#)
}
