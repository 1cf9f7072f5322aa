import Foundation

/// The whole `main` of a fuzz executable (`fuzz-readers`, `fuzz-dot`, `fuzz-graphs`).
///
/// Built normally, the executable replays the files and folders named on its command line
/// through `entry` (``FuzzReplay/main(name:entry:)``). Built by `make fuzz`
/// (`-sanitize=fuzzer -DFUZZING`), it hands its arguments to libFuzzer's driver, which calls
/// `entry` on every generated input and saves one that breaks an invariant as a crash.
/// SwiftPM renames an executable's `main`, so libFuzzer's own `main` cannot be used.
public enum FuzzDriver {
  /// Runs the executable named `name` on `entry`; never returns.
  public static func main(name: String, entry: @escaping ([UInt8]) -> [String]) -> Never {
    #if FUZZING
      fuzzEntry = entry
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runLibFuzzerDriver(&argc, &argv, fuzzTestOneInput))
    #else
      FuzzReplay.main(name: name, entry: entry)
    #endif
  }
}

#if FUZZING
  /// The entry libFuzzer's callback runs: a C function pointer cannot capture it. Set once,
  /// before the driver starts; libFuzzer calls back on the main thread only.
  nonisolated(unsafe) private var fuzzEntry: (([UInt8]) -> [String])?

  /// libFuzzer's per-input callback. The runtime's own `main` (linked in with
  /// `-sanitize=fuzzer`, unused) refers to this name, so it must exist.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let entry = fuzzEntry else { return 0 }
    return FuzzReplay.fuzzOne(data, size, entry: entry)
  }

  @_silgen_name("LLVMFuzzerRunDriver")
  private func runLibFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt
#endif
