import Bibliography
import GraphKit
import Graphviz

// The choices a command line names, from the modules below CoauthorAnalysis: the
// executable imports CoauthorAnalysis only and sees them here.
public typealias EdgeDistance = GraphKit.EdgeDistance
public typealias CommunityAlgorithm = GraphKit.CommunityAlgorithm
public typealias LayoutEngine = Graphviz.LayoutEngine
public typealias RenderFormat = Graphviz.RenderFormat
public typealias InputFormat = Bibliography.InputFormat
public typealias Diagnostic = Bibliography.Diagnostic

/// Output formats of the tables `metrics` and `communities` print.
public enum TableFormat: String, Sendable, Hashable, CaseIterable, Codable {
  case md, csv, json
}

/// Output formats of `parse`.
public enum RecordFormat: String, Sendable, Hashable, CaseIterable, Codable {
  case json, csv
}
