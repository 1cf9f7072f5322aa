import FuzzTargets

/// `fuzz-dot FILE|FOLDER…` replays inputs through `FuzzTargets.dot`; built by
/// `make fuzz`, it fuzzes that entry with libFuzzer (see `FuzzDriver`).
@main
enum FuzzDot {
  static func main() {
    FuzzDriver.main(name: "fuzz-dot", entry: FuzzTargets.dot)
  }
}
