import Formats
import Foundation

/// The self-contained HTML report: figures embedded, no network access needed, every
/// string from input escaped.
enum HTMLReport {
  /// Escapes text for HTML element content and double-quoted attribute values.
  static func escape(_ text: String) -> String { Escaping.html(text) }

  /// The page. `file` returns the bytes of an output already written (for embedding).
  ///
  /// Figures are inline SVG (sanitised by ``InlineSVG``) so that the page's script can pan
  /// and zoom them (it changes the `viewBox`), show a card on hover, highlight a person
  /// found by the search box and a clicked person's ego network; each network's data is a
  /// JSON block escaped for HTML. The page loads nothing: the Content-Security-Policy
  /// allows no source but its own style and script, by hash.
  static func page(_ c: ReportContext, file: (String) -> [UInt8]?) -> String {
    // Last line of defence: the data blocks and inline SVG carry input text; no bidi
    // control of it may reach the page (our own page text holds none).
    Escaping.neutralizingBidi(pageText(c, file: file))
  }

  private static func pageText(_ c: ReportContext, file: (String) -> [UInt8]?) -> String {
    let corpus = c.corpus
    var h = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="\(ReportAssets.policy)">
      <title>Coauthor network report</title>
      <style>\(ReportAssets.style)</style>
      </head>
      <body>
      <header class="top"><b>Coauthor network report</b>
      <label>Find a person or term <input id="search" type="search" list="names" placeholder="e.g. a name, then Enter" autocomplete="off"></label>
      <span id="search-result" aria-live="polite"></span></header>
      <div id="card" hidden></div>
      <main>

      """
    h += "<h1 id=\"top\">Coauthor network report</h1>\n"
    h += "<p class=\"muted\">\(escape(c.provenance.tool)) · \(corpus.papers.count) papers · \(corpus.people.count) people · \(corpus.declared.count) stated collaborations</p>\n"

    // Table of contents.
    var toc: [(id: String, title: String, children: [(String, String)])] = [("summary", "Summary", [])]
    toc.append(("figures", "Figures", c.figures.map { ("fig-" + InlineSVG.safeID($0.name), $0.title) }))
    if !c.timelineFrames.isEmpty { toc.append(("timeline-section", "Timeline", [])) }
    if !c.missingFigures.isEmpty { toc.append(("missing-figures", "Figures not drawn", [])) }
    toc += [
      ("people", "People and their metrics", []), ("top-people", "Top people by each centrality", []),
      ("communities", "Communities", []), ("themes", "Themes", []), ("profiles", "Topic profiles", []),
    ]
    if !c.coauthor.hyperauthoredPapers.isEmpty { toc.append(("hyperauthored", "Papers left out of the edges", [])) }
    toc += [
      ("merges", "Name merges", []), ("duplicates", "Duplicate listings", []),
      ("problems", "Records skipped or doubtful", []), ("provenance", "Provenance", []),
    ]
    h += "<nav class=\"toc\" aria-label=\"Contents\"><b>Contents</b>\n<ul>\n"
    for entry in toc {
      h += "<li><a href=\"#\(entry.id)\">\(escape(entry.title))</a>"
      if !entry.children.isEmpty {
        h += "<ul>" + entry.children.map { "<li><a href=\"#\($0.0)\">\(escape($0.1))</a></li>" }.joined() + "</ul>"
      }
      h += "</li>\n"
    }
    h += "</ul></nav>\n"

    // Summary.
    let s = c.metrics.summary
    h += "<h2 id=\"summary\">Summary</h2>\n<table>\n"
    let summaryRows: [(String, String)] = [
      ("nodes", String(s.nodeCount)), ("edges", String(s.edgeCount)),
      ("total weight", formatNumber(s.totalWeight)), ("density", formatNumber(s.density, decimals: 6)),
      ("components", String(s.componentCount)),
      ("largest component", "\(s.largestComponentNodeCount) nodes (\(formatNumber(100 * s.largestComponentShare, decimals: 1)) %)"),
      ("diameter", formatNumber(s.diameter, decimals: 4) + (s.isExact ? " (exact)" : " (sampled)")),
      ("average shortest path", formatNumber(s.averagePathLength, decimals: 4)),
      ("edge weight", c.coauthor.weighting.meaning), ("path length", c.metrics.conventions.distance),
      ("betweenness", c.metrics.conventions.betweenness), ("closeness", c.metrics.conventions.closeness),
      ("communities", "\(c.communities.partition.communityCount), modularity \(formatNumber(c.communities.modularity, decimals: 4))"),
    ]
    for (key, value) in summaryRows {
      h += "<tr><th>\(escape(key))</th><td>\(escape(value))</td></tr>\n"
    }
    h += "</table>\n"

    // Figures: inline SVG, their data blocks and community swatches.
    var names: Set<String> = []
    h += "<h2 id=\"figures\">Figures</h2>\n"
    h += "<p class=\"muted\">Wheel or buttons to zoom, drag to pan; hover a node for its card; click a node for its ego network (click again or on the background to clear); click a colour to show its community.</p>\n"
    for figure in c.figures {
      let id = InlineSVG.safeID(figure.name)
      h += "<section id=\"fig-\(id)\">\n<h3>\(escape(figure.title))</h3>\n"
      if let svg = file(figure.name + ".svg") {
        h += "<div class=\"figure\" data-network=\"\(escape(figure.name))\">"
        h += "<div class=\"tools\"><button type=\"button\" data-zoom=\"in\" title=\"Zoom in\">+</button><button type=\"button\" data-zoom=\"out\" title=\"Zoom out\">−</button><button type=\"button\" data-zoom=\"reset\" title=\"Reset the view\">reset</button></div>\n"
        h += InlineSVG.sanitize(String(decoding: svg, as: UTF8.self), id: "svg-" + id)
        h += "\n</div>\n"
        h += "<script type=\"application/json\" data-network=\"\(escape(figure.name))\">\(Escaping.jsonForHTML(figure.json))</script>\n"
        names.formUnion(figure.nodeNames)
      } else {
        h += "<p>Not drawn\(c.missingFigures[figure.name].map { ": " + escape($0) } ?? ".")</p>\n"
      }
      if !figure.swatches.isEmpty {
        h += "<div class=\"swatches\">"
        for sw in figure.swatches {
          h += "<button type=\"button\" class=\"swatch\" data-community=\"\(sw.community)\"><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" rx=\"3\" fill=\"\(escape(sw.color))\" stroke=\"#444\" stroke-width=\"0.6\"/></svg>\(escape(sw.label))</button>"
        }
        h += "</div>\n"
      }
      h += "<figcaption><code>\(escape(figure.name)).svg</code>, <code>.png</code>, <code>.pdf</code>, <code>.dot</code>; tables <code>\(escape(figure.name)).nodes.csv</code>, <code>.edges.csv</code></figcaption>\n</section>\n"
    }
    h += "<datalist id=\"names\">" + names.sorted().map { "<option value=\"\(escape($0))\">" }.joined() + "</datalist>\n"

    // Timeline: one frame per year behind a slider.
    let frames = c.timelineFrames.compactMap { frame in file(frame.name).map { (frame.year, $0) } }
    if !frames.isEmpty {
      h += "<h2 id=\"timeline-section\">Timeline</h2>\n<p class=\"muted\">The coauthor network as it grew, one frame per year, people kept in place.</p>\n"
      h += "<div class=\"timeline\"><label for=\"timeline\">Year</label><input id=\"timeline\" type=\"range\" min=\"0\" max=\"\(frames.count - 1)\" value=\"\(frames.count - 1)\" step=\"1\"><span id=\"timeline-year\">\(frames.last?.0 ?? 0)</span></div>\n<div class=\"frames\">\n"
      for (i, frame) in frames.enumerated() {
        h += "<div class=\"frame\" data-year=\"\(frame.0)\"\(i == frames.count - 1 ? "" : " hidden")><div class=\"figure\">"
        h += InlineSVG.sanitize(String(decoding: frame.1, as: UTF8.self), id: "timeline-\(frame.0)")
        h += "</div></div>\n"
      }
      h += "</div>\n"
    }
    if !c.missingFigures.isEmpty {
      h += "<h2 id=\"missing-figures\">Figures not drawn</h2>\n<ul class=\"missing\">\n"
      for name in c.missingFigures.keys.sorted() {
        h += "<li><code>\(escape(name))</code>: \(escape(c.missingFigures[name] ?? ""))</li>\n"
      }
      h += "</ul>\n"
    }

    // Every person with every metric, sortable.
    let ranked = c.metrics.ranked(top: 500)
    h += "<h2 id=\"people\">People and their metrics</h2>\n"
    h += "<p class=\"muted\">\(ranked.count == c.metrics.rows.count ? "Everyone" : "The \(ranked.count) strongest of \(c.metrics.rows.count) (all in <code>coauthor-network.nodes.csv</code>)"); click a column to sort.</p>\n"
    h += "<div class=\"scroll\"><table class=\"sortable\" id=\"people-table\"><thead><tr><th>name</th><th>papers</th><th>degree</th><th>strength</th><th>PageRank</th><th>eigenvector</th><th>betweenness</th><th>closeness</th><th>harmonic</th><th>core</th><th>clustering</th><th>community</th></tr></thead><tbody>\n"
    for r in ranked {
      let cells: [(Double?, String)] = [
        (r.papers.map(Double.init), r.papers.map(String.init) ?? ""), (Double(r.degree), String(r.degree)),
        (r.strength, formatNumber(r.strength, decimals: 3)), (r.pageRank, formatNumber(r.pageRank, decimals: 5)),
        (r.eigenvector, formatNumber(r.eigenvector, decimals: 5)), (r.betweenness, formatNumber(r.betweenness, decimals: 5)),
        (r.closeness, formatNumber(r.closeness, decimals: 5)), (r.harmonic, formatNumber(r.harmonic, decimals: 3)),
        (Double(r.core), String(r.core)), (r.clustering, formatNumber(r.clustering, decimals: 4)),
        (r.community.map(Double.init), r.community.map(String.init) ?? ""),
      ]
      h += "<tr><td>\(escape(r.name))</td>"
      for (value, text) in cells {
        let v = value.map { $0.isFinite ? "\($0)" : "" } ?? ""
        h += "<td class=\"n\" data-v=\"\(v)\">\(escape(text))</td>"
      }
      h += "</tr>\n"
    }
    h += "</tbody></table></div>\n"

    // Top people.
    h += "<h2 id=\"top-people\">Top people by each centrality</h2>\n<div class=\"grid\">\n"
    for (name, value) in ReportContext.centralities {
      h += "<table><tr><th colspan=\"2\">\(escape(name))</th></tr>\n"
      for row in c.top(10, by: value) {
        h += "<tr><td>\(escape(row.name))</td><td class=\"n\">\(escape(formatNumber(value(row), decimals: 4)))</td></tr>\n"
      }
      h += "</table>\n"
    }
    h += "</div>\n<p class=\"muted\">Betweenness: \(escape(c.metrics.conventions.betweenness)). Closeness: \(escape(c.metrics.conventions.closeness)).</p>\n"

    // Communities.
    h += "<h2 id=\"communities\">Communities</h2>\n<table class=\"sortable\"><thead><tr><th>#</th><th>size</th><th>members (strongest first)</th></tr></thead><tbody>\n"
    for row in c.communityRows {
      h += "<tr><td class=\"n\">\(row.community)</td><td class=\"n\">\(row.size)</td><td>\(row.members.map(escape).joined(separator: ", "))</td></tr>\n"
    }
    h += "</tbody></table>\n"

    // Themes.
    h += "<h2 id=\"themes\">Themes</h2>\n"
    if c.themes.isEmpty {
      h += "<p>No terms found.</p>\n"
    } else {
      let titles = TopicAnalysis.documentTitles(of: corpus)
      h += "<table class=\"sortable\"><thead><tr><th>#</th><th>top terms</th><th>documents</th><th>examples</th></tr></thead><tbody>\n"
      for (i, theme) in c.themes.enumerated() {
        let examples = theme.documents.prefix(3).map { escape(titles[$0]) }.joined(separator: "<br>")
        h += "<tr><td class=\"n\">\(i + 1)</td><td>\(escape(theme.name))</td><td class=\"n\">\(theme.documents.count)</td><td>\(examples)</td></tr>\n"
      }
      h += "</tbody></table>\n"
    }

    // Topic profiles and hyperauthored papers.
    h += "<h2 id=\"profiles\">Topic profiles</h2>\n<ul>\n"
    for profile in c.profiles {
      let top = profile.entries.prefix(12).map { "\(escape($0.label)) (\($0.count))" }
      h += "<li><b>\(escape(profile.person))</b>, \(profile.documentCount) documents: \(top.joined(separator: ", "))</li>\n"
    }
    h += "</ul>\n"
    if !c.coauthor.hyperauthoredPapers.isEmpty {
      h += "<h2 id=\"hyperauthored\">Papers left out of the coauthor edges (more than \(c.options.maxAuthors ?? 0) authors)</h2>\n<ul>\n"
      for index in c.coauthor.hyperauthoredPapers {
        let paper = corpus.papers[index]
        h += "<li>\(escape(paper.publication.title)) (\(paper.authors.count) authors, <code>\(escape(paper.publication.location.description))</code>)</li>\n"
      }
      h += "</ul>\n"
    }

    // Merges and problems.
    h += "<h2 id=\"merges\">Name merges</h2>\n<p class=\"muted\">Every merge made automatically or by the alias table; check them.</p>\n<ul>\n"
    for m in corpus.nameMerges { h += "<li>\(escape(m.description))</li>\n" }
    for a in corpus.nameAmbiguities { h += "<li>not merged: \(escape(a.description))</li>\n" }
    if corpus.nameMerges.isEmpty { h += "<li>None.</li>\n" }
    h += "</ul>\n<h2 id=\"duplicates\">Duplicate listings</h2>\n<ul>\n"
    for m in corpus.paperMerges {
      h += "<li>\(escape(m.dropped.description)) is \(escape(m.kept.description)) (\(escape(m.reason)))</li>\n"
    }
    if corpus.paperMerges.isEmpty { h += "<li>None.</li>\n" }
    h += "</ul>\n<h2 id=\"problems\">Records skipped or doubtful</h2>\n<ul>\n"
    for d in corpus.diagnostics { h += "<li><code>\(escape(d.description))</code></li>\n" }
    if corpus.diagnostics.isEmpty { h += "<li>None.</li>\n" }
    h += "</ul>\n"

    // Provenance.
    h += "<h2 id=\"provenance\">Provenance</h2>\n<table>\n"
    h += "<tr><th>tool</th><td>\(escape(c.provenance.tool))</td></tr>\n"
    h += "<tr><th>Graphviz</th><td>\(escape(c.provenance.graphviz))</td></tr>\n"
    h += "<tr><th>command</th><td><code>\(escape(c.provenance.command))</code></td></tr>\n"
    for key in c.provenance.parameters.keys.sorted() {
      h += "<tr><th>\(escape(key))</th><td>\(escape(c.provenance.parameters[key] ?? ""))</td></tr>\n"
    }
    for input in c.provenance.inputs {
      h += "<tr><th>input</th><td><code>\(escape(input.path))</code> · \(input.bytes) bytes · SHA-256 <code>\(input.sha256)</code></td></tr>\n"
    }
    h += "</table>\n</main>\n<script>\(ReportAssets.script)</script>\n</body>\n</html>\n"
    return h
  }
}
