import Foundation

/// The `main` of a fuzz executable built without `-sanitize=fuzzer`: runs the entry on
/// each file named on the command line (folders: every file inside, sorted), so `swift
/// build` keeps compiling the targets and a crash input can be replayed in a debugger.
public enum FuzzReplay {
  /// Runs `entry` on every input; prints one line per broken invariant and exits with
  /// status 1 when any was broken.
  public static func main(name: String, entry: ([UInt8]) -> [String]) -> Never {
    let arguments = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("-") }
    guard !arguments.isEmpty else {
      FileHandle.standardError.write(
        Data(
          "usage: \(name) FILE|FOLDER…  (replays inputs, folders recursively; build with -sanitize=fuzzer to fuzz)\n"
            .utf8))
      exit(2)
    }
    var files: [String] = []
    for argument in arguments {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        let names = FileManager.default.subpaths(atPath: argument) ?? []
        for name in names.sorted() {
          let path = (argument as NSString).appendingPathComponent(name)
          var nested: ObjCBool = false
          if FileManager.default.fileExists(atPath: path, isDirectory: &nested), !nested.boolValue {
            files.append(path)
          }
        }
      } else {
        files.append(argument)
      }
    }
    var broken = 0
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("\(name): \(file): cannot read\n".utf8))
        broken += 1
        continue
      }
      for failure in entry([UInt8](data)) {
        print("\(file): \(failure)")
        broken += 1
      }
    }
    print("\(name): \(files.count) inputs, \(broken) problems")
    exit(broken == 0 ? 0 : 1)
  }

  /// The body of `LLVMFuzzerTestOneInput`: runs `entry` and traps on a broken invariant,
  /// so libFuzzer saves the input as a crash.
  public static func fuzzOne(
    _ data: UnsafePointer<UInt8>?, _ size: Int, entry: ([UInt8]) -> [String]
  ) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let failures = entry(bytes)
    if !failures.isEmpty {
      fatalError("invariant broken: " + failures.prefix(5).joined(separator: "; "))
    }
    return 0
  }
}
