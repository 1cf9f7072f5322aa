import FuzzTargets

/// `fuzz-graphs FILE|FOLDER…` replays inputs through `FuzzTargets.graphs`; built by
/// `make fuzz`, it fuzzes that entry with libFuzzer (see `FuzzDriver`).
@main
enum FuzzGraphs {
  static func main() {
    FuzzDriver.main(name: "fuzz-graphs", entry: FuzzTargets.graphs)
  }
}
