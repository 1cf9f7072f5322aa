/// An output format rendered in memory by libgvc.
public enum RenderFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  case svg, png, pdf

  public var description: String { rawValue }

  /// The libgvc device name. `svg` is the core writer (text stays text); `png` and `pdf`
  /// go through cairo (anti-aliased; the gd PNG is palette-based).
  public var deviceName: String {
    switch self {
    case .svg: "svg"
    case .png: "png:cairo"
    case .pdf: "pdf:cairo"
    }
  }

  public var fileExtension: String { rawValue }

  /// The format for a file name's extension (`"out.SVG"` → `.svg`), if any.
  public init?(fileName: String) {
    guard let dot = fileName.lastIndex(of: ".") else { return nil }
    self.init(rawValue: fileName[fileName.index(after: dot)...].lowercased())
  }
}

/// What one render produced.
public struct RenderResult: Sendable, Hashable {
  /// The bytes of every requested format, all from one layout.
  public var outputs: [RenderFormat: [UInt8]]
  /// Warnings Graphviz printed (e.g. `Warning: using box for unknown shape …`).
  public var warnings: [String]
  /// What the sanitizer removed or changed (empty when not sanitizing).
  public var removals: [SanitizerRemoval]

  public init(
    outputs: [RenderFormat: [UInt8]], warnings: [String] = [], removals: [SanitizerRemoval] = []
  ) {
    self.outputs = outputs
    self.warnings = warnings
    self.removals = removals
  }
}
