import FuzzTargets

#if FUZZING
  import Foundation
#endif

/// libFuzzer's per-input callback.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzReplay.fuzzOne(data, size, entry: FuzzTargets.dot)
}

/// Built normally, `fuzz-dot FILE|FOLDER…` replays inputs through `FuzzTargets.dot`.
/// Built by `make fuzz` (`-sanitize=fuzzer -DFUZZING`), it hands its arguments to
/// libFuzzer's driver (SwiftPM renames an executable's `main`, so libFuzzer's own `main`
/// cannot be used).
@main
enum FuzzDot {
  static func main() {
    #if FUZZING
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runLibFuzzerDriver(&argc, &argv, fuzzOneInput))
    #else
      FuzzReplay.main(name: "fuzz-dot", entry: FuzzTargets.dot)
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
