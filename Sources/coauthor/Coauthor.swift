import ArgumentParser
import CoauthorAnalysis

@main
struct Coauthor: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Coauthorship graph analytics: parse, build networks, measure, render.")
}
