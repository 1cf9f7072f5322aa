import Foundation

/// The self-contained HTML report: figures embedded, no network access needed, every
/// string from input escaped.
enum HTMLReport {
  /// Escapes text for HTML element content and double-quoted attribute values.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for u in text.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        if u.value < 0x20 && u != "\n" && u != "\t" || u.value == 0x7F { continue }
        out.unicodeScalars.append(u)
      }
    }
    return out
  }

  /// The page. `file` returns the bytes of an output already written (for embedding).
  ///
  /// Figures are embedded as `<img src="data:image/svg+xml;base64,…">`: an SVG shown
  /// through `<img>` cannot run script or load anything, whatever it contains.
  static func page(_ c: ReportContext, file: (String) -> [UInt8]?) -> String {
    let corpus = c.corpus
    var h = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
      <title>Coauthor network report</title>
      <style>
      body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; margin: 2rem auto; max-width: 72rem; color: #222; line-height: 1.45; padding: 0 1rem; }
      h1 { font-size: 1.7rem; margin-bottom: 0.2rem; } h2 { border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; margin-top: 2.2rem; }
      table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.92rem; }
      th, td { border: 1px solid #ddd; padding: 0.25rem 0.55rem; text-align: left; vertical-align: top; }
      th { background: #f3f3f3; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
      figure { margin: 1.2rem 0; } figure img { width: 100%; height: auto; border: 1px solid #eee; }
      figcaption { font-size: 0.9rem; color: #555; } .muted { color: #666; } code { font-size: 0.88rem; }
      .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 0.5rem 1.5rem; }
      </style>
      </head>
      <body>

      """
    h += "<h1>Coauthor network report</h1>\n"
    h += "<p class=\"muted\">\(escape(c.provenance.tool)) · \(corpus.papers.count) papers · \(corpus.people.count) people · \(corpus.declared.count) stated collaborations</p>\n"

    // Summary.
    let s = c.metrics.summary
    h += "<h2>Summary</h2>\n<table>\n"
    let summaryRows: [(String, String)] = [
      ("nodes", String(s.nodeCount)), ("edges", String(s.edgeCount)),
      ("total weight", formatNumber(s.totalWeight)), ("density", formatNumber(s.density, decimals: 6)),
      ("components", String(s.componentCount)),
      ("largest component", "\(s.largestComponentNodeCount) nodes (\(formatNumber(100 * s.largestComponentShare, decimals: 1)) %)"),
      ("diameter", formatNumber(s.diameter, decimals: 4) + (s.isExact ? " (exact)" : " (sampled)")),
      ("average shortest path", formatNumber(s.averagePathLength, decimals: 4)),
      ("edge weight", c.coauthor.weighting.meaning), ("path length", c.metrics.conventions.distance),
      ("communities", "\(c.communities.partition.communityCount), modularity \(formatNumber(c.communities.modularity, decimals: 4))"),
    ]
    for (key, value) in summaryRows {
      h += "<tr><th>\(escape(key))</th><td>\(escape(value))</td></tr>\n"
    }
    h += "</table>\n"

    // Figures.
    h += "<h2>Figures</h2>\n"
    for network in c.networks {
      if let svg = file(network.name + ".svg") {
        h += "<figure><img alt=\"\(escape(network.title))\" src=\"data:image/svg+xml;base64,\(Data(svg).base64EncodedString())\">"
        h += "<figcaption>\(escape(network.title)) — <code>\(escape(network.name)).svg</code>, <code>.png</code>, <code>.pdf</code>, <code>.dot</code></figcaption></figure>\n"
      }
    }

    // Top people.
    h += "<h2>Top people by each centrality</h2>\n<div class=\"grid\">\n"
    for (name, value) in ReportContext.centralities {
      h += "<table><tr><th colspan=\"2\">\(escape(name))</th></tr>\n"
      for row in c.top(10, by: value) {
        h += "<tr><td>\(escape(row.name))</td><td class=\"n\">\(escape(formatNumber(value(row), decimals: 4)))</td></tr>\n"
      }
      h += "</table>\n"
    }
    h += "</div>\n<p class=\"muted\">Betweenness: \(escape(c.metrics.conventions.betweenness)). Closeness: \(escape(c.metrics.conventions.closeness)).</p>\n"

    // Communities.
    h += "<h2>Communities</h2>\n<table><tr><th>#</th><th>size</th><th>members (strongest first)</th></tr>\n"
    for row in c.communityRows {
      h += "<tr><td class=\"n\">\(row.community)</td><td class=\"n\">\(row.size)</td><td>\(row.members.map(escape).joined(separator: ", "))</td></tr>\n"
    }
    h += "</table>\n"

    // Themes.
    h += "<h2>Themes</h2>\n"
    if c.themes.isEmpty {
      h += "<p>No terms found.</p>\n"
    } else {
      let titles = TopicAnalysis.documentTitles(of: corpus)
      h += "<table><tr><th>#</th><th>top terms</th><th>documents</th><th>examples</th></tr>\n"
      for (i, theme) in c.themes.enumerated() {
        let examples = theme.documents.prefix(3).map { escape(titles[$0]) }.joined(separator: "<br>")
        h += "<tr><td class=\"n\">\(i + 1)</td><td>\(escape(theme.name))</td><td class=\"n\">\(theme.documents.count)</td><td>\(examples)</td></tr>\n"
      }
      h += "</table>\n"
    }

    // Topic profiles and hyperauthored papers.
    h += "<h2>Topic profiles</h2>\n<ul>\n"
    for profile in c.profiles {
      let top = profile.entries.prefix(12).map { "\(escape($0.label)) (\($0.count))" }
      h += "<li><b>\(escape(profile.person))</b>, \(profile.documentCount) documents: \(top.joined(separator: ", "))</li>\n"
    }
    h += "</ul>\n"
    if !c.coauthor.hyperauthoredPapers.isEmpty {
      h += "<h2>Papers left out of the coauthor edges (more than \(c.options.maxAuthors ?? 0) authors)</h2>\n<ul>\n"
      for index in c.coauthor.hyperauthoredPapers {
        let paper = corpus.papers[index]
        h += "<li>\(escape(paper.publication.title)) (\(paper.authors.count) authors, <code>\(escape(paper.publication.location.description))</code>)</li>\n"
      }
      h += "</ul>\n"
    }

    // Merges and problems.
    h += "<h2>Name merges</h2>\n<p class=\"muted\">Every merge made automatically or by the alias table; check them.</p>\n<ul>\n"
    for m in corpus.nameMerges { h += "<li>\(escape(m.description))</li>\n" }
    for a in corpus.nameAmbiguities { h += "<li>not merged: \(escape(a.description))</li>\n" }
    if corpus.nameMerges.isEmpty { h += "<li>None.</li>\n" }
    h += "</ul>\n<h2>Duplicate listings</h2>\n<ul>\n"
    for m in corpus.paperMerges {
      h += "<li>\(escape(m.dropped.description)) is \(escape(m.kept.description)) (\(escape(m.reason)))</li>\n"
    }
    if corpus.paperMerges.isEmpty { h += "<li>None.</li>\n" }
    h += "</ul>\n<h2>Records skipped or doubtful</h2>\n<ul>\n"
    for d in corpus.diagnostics { h += "<li><code>\(escape(d.description))</code></li>\n" }
    if corpus.diagnostics.isEmpty { h += "<li>None.</li>\n" }
    h += "</ul>\n"

    // Provenance.
    h += "<h2>Provenance</h2>\n<table>\n"
    h += "<tr><th>tool</th><td>\(escape(c.provenance.tool))</td></tr>\n"
    h += "<tr><th>Graphviz</th><td>\(escape(c.provenance.graphviz))</td></tr>\n"
    h += "<tr><th>command</th><td><code>\(escape(c.provenance.command))</code></td></tr>\n"
    for key in c.provenance.parameters.keys.sorted() {
      h += "<tr><th>\(escape(key))</th><td>\(escape(c.provenance.parameters[key] ?? ""))</td></tr>\n"
    }
    for input in c.provenance.inputs {
      h += "<tr><th>input</th><td><code>\(escape(input.path))</code> · \(input.bytes) bytes · SHA-256 <code>\(input.sha256)</code></td></tr>\n"
    }
    h += "</table>\n</body>\n</html>\n"
    return h
  }
}
