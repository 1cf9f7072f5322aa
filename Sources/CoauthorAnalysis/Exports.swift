// The graph file formats (readers, writers, escaping) are part of this module's API:
// clients that import CoauthorAnalysis get GraphReader, NodeAttributes, Escaping and
// the writers without a second import.
@_exported import Formats
