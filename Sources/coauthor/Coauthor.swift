import ArgumentParser
import CoauthorAnalysis

@main
struct Coauthor: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Coauthorship graph analytics: read CVs, homepages and bibliographies, build "
      + "coauthor networks, measure them and draw them with Graphviz.",
    version: CoauthorVersion.string,
    subcommands: [
      Run.self, Parse.self, Network.self, Metrics.self, Communities.self, Render.self, COA.self,
      SanitizeDOTChild.self,
    ])
}
