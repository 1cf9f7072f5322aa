import FuzzTargets

#if FUZZING
  import Foundation
#endif

/// libFuzzer's per-input callback.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzReplay.fuzzOne(data, size, entry: FuzzTargets.readers)
}

/// Built normally, `fuzz-readers FILE|FOLDER…` replays inputs through `FuzzTargets.readers`.
/// Built by `make fuzz` (`-sanitize=fuzzer -DFUZZING`), it hands its arguments to
/// libFuzzer's driver (SwiftPM renames an executable's `main`, so libFuzzer's own `main`
/// cannot be used).
@main
enum FuzzReaders {
  static func main() {
    #if FUZZING
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runLibFuzzerDriver(&argc, &argv, fuzzOneInput))
    #else
      FuzzReplay.main(name: "fuzz-readers", entry: FuzzTargets.readers)
    #endif
  }
}

#if FUZZING
  @_silgen_name("LLVMFuzzerRunDriver")
  func runLibFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt
#endif
