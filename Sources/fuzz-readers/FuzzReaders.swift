import FuzzTargets

/// `fuzz-readers FILE|FOLDER…` replays inputs through `FuzzTargets.readers`; built by
/// `make fuzz`, it fuzzes that entry with libFuzzer (see `FuzzDriver`).
@main
enum FuzzReaders {
  static func main() {
    FuzzDriver.main(name: "fuzz-readers", entry: FuzzTargets.readers)
  }
}
