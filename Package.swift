// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "coauthor",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "coauthor", targets: ["coauthor"]),
    .library(name: "GraphKit", targets: ["GraphKit"]),
    .library(name: "Bibliography", targets: ["Bibliography"]),
    .library(name: "Graphviz", targets: ["Graphviz"]),
    .library(name: "CoauthorAnalysis", targets: ["CoauthorAnalysis"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    // SHA-256 of every input for the reports' provenance block.
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
  ],
  targets: [
    // zlib for gzip-compressed inputs (SNAP edge lists, .bib.gz, .csv.gz …). zlib1g-dev
    // ships in the image; `make deps` installs it where it is missing. GzipSupport is the
    // one Swift wrapper over it, shared by GraphKit and Bibliography.
    .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
    .target(name: "GzipSupport", dependencies: ["CZlib"]),
    .target(
      name: "GraphKit",
      dependencies: [
        "GzipSupport",
        .product(name: "HeapModule", package: "swift-collections"),
      ]),
    .target(
      name: "Bibliography",
      dependencies: [
        "GzipSupport",
        .product(name: "OrderedCollections", package: "swift-collections"),
      ]),
    .systemLibrary(
      name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
    .target(name: "Graphviz", dependencies: ["CGraphviz"]),
    .target(
      name: "CoauthorAnalysis",
      dependencies: [
        "GraphKit", "Bibliography", "Graphviz", "GzipSupport",
        .product(name: "OrderedCollections", package: "swift-collections"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .executableTarget(
      name: "coauthor",
      dependencies: [
        "CoauthorAnalysis", "GraphKit", "Bibliography", "Graphviz",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "coauthor-bench", dependencies: ["GraphKit"], path: "Benchmarks/coauthor-bench"),
    .executableTarget(
      name: "bibtex-read-bench", dependencies: ["Bibliography", "GraphKit"], path: "Benchmarks/bibtex-read",
      exclude: ["run.sh", "README.md", "bibtexparser_peer.py"]),
    // Fuzzing (Tests/ReliabilityTests, `make fuzz`): entries shared by the libFuzzer
    // executables and the regression tests. Built normally, each executable replays files;
    // with `-sanitize=fuzzer -DFUZZING` libFuzzer supplies main.
    .target(
      name: "FuzzTargets", dependencies: ["Bibliography", "CoauthorAnalysis", "GraphKit", "Graphviz"]),
    .executableTarget(name: "fuzz-readers", dependencies: ["FuzzTargets"]),
    .executableTarget(name: "fuzz-dot", dependencies: ["FuzzTargets"]),
    .executableTarget(name: "fuzz-graphs", dependencies: ["FuzzTargets"]),
    .testTarget(name: "GraphKitTests", dependencies: ["GraphKit"], resources: [.copy("Fixtures")]),
    .testTarget(name: "BibliographyTests", dependencies: ["Bibliography"]),
    .testTarget(name: "GraphvizTests", dependencies: ["Graphviz"]),
    .testTarget(name: "CoauthorAnalysisTests", dependencies: ["CoauthorAnalysis"]),
    .testTarget(name: "CLITests", dependencies: ["coauthor"]),
    .testTarget(
      name: "ReliabilityTests",
      dependencies: ["coauthor", "FuzzTargets", "Bibliography", "CoauthorAnalysis", "Graphviz"],
      exclude: ["BadInput", "FuzzRegressions", "FuzzSeeds"]),
  ]
)
