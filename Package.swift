// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "coauthor",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "coauthor", targets: ["coauthor"]),
    .library(name: "GraphKit", targets: ["GraphKit"]),
    .library(name: "Formats", targets: ["Formats"]),
    .library(name: "Bibliography", targets: ["Bibliography"]),
    .library(name: "Graphviz", targets: ["Graphviz"]),
    .library(name: "CoauthorAnalysis", targets: ["CoauthorAnalysis"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    // SHA-256 of every input for the reports' provenance block.
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    // YAML data files and front matter (publication lists of Jekyll/Hugo sites).
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    // TOML front matter (`+++` blocks of Hugo publication pages).
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    // zlib for gzip-compressed inputs (SNAP edge lists, .bib.gz, .csv.gz …). zlib1g-dev
    // ships in the image; `make deps` installs it where it is missing. GzipSupport is the
    // one Swift wrapper over it, shared by GraphKit and Bibliography.
    .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
    .target(name: "CoauthorBase", dependencies: ["CZlib", "CProcess"]),
    .target(
      name: "GraphKit",
      dependencies: [
        .product(name: "HeapModule", package: "swift-collections"),
      ]),
    // Graph file formats: one reader and one writer per interchange format, detection,
    // and every escaper (Sources/Formats/Escaping.swift). Graphviz for the plain DOT writer.
    .target(name: "Formats", dependencies: ["GraphKit", "CoauthorBase", "Graphviz"]),
    .target(
      name: "Bibliography",
      dependencies: [
        "CoauthorBase",
        .product(name: "OrderedCollections", package: "swift-collections"),
        .product(name: "Yams", package: "Yams"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      resources: [.copy("Resources")]),
    .systemLibrary(
      name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
    // Child processes that die with their parent (fork, setpgid, prctl(PR_SET_PDEATHSIG),
    // execve: Foundation's Process and posix_spawn cannot set the parent-death signal) and
    // the async-signal-safe cleanup on SIGTERM/SIGINT; only the Graphviz renderer uses it.
    .target(name: "CProcess"),
    .target(name: "Graphviz", dependencies: ["CGraphviz", "CProcess", "CoauthorBase"]),
    .target(
      name: "CoauthorAnalysis",
      dependencies: [
        "GraphKit", "Formats", "Bibliography", "Graphviz", "CoauthorBase",
        .product(name: "OrderedCollections", package: "swift-collections"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .executableTarget(
      name: "coauthor",
      dependencies: [
        "CoauthorAnalysis",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "coauthor-bench", dependencies: ["GraphKit", "Formats"], path: "Benchmarks/coauthor-bench"),
    .executableTarget(
      name: "bibtex-read-bench", dependencies: ["Bibliography", "GraphKit"], path: "Benchmarks/bibtex-read",
      exclude: ["run.sh", "README.md", "bibtexparser_peer.py"]),
    // Fuzzing (Tests/ReliabilityTests, `make fuzz`): entries shared by the libFuzzer
    // executables and the regression tests. Built normally, each executable replays files;
    // with `-sanitize=fuzzer -DFUZZING` libFuzzer supplies main.
    .target(
      name: "FuzzTargets", dependencies: ["Bibliography", "CoauthorAnalysis", "GraphKit", "Formats", "Graphviz"]),
    .executableTarget(name: "fuzz-readers", dependencies: ["FuzzTargets"]),
    .executableTarget(name: "fuzz-dot", dependencies: ["FuzzTargets"]),
    .executableTarget(name: "fuzz-graphs", dependencies: ["FuzzTargets"]),
    .testTarget(name: "GraphKitTests", dependencies: ["GraphKit", "Formats"], resources: [.copy("Fixtures")]),
    .testTarget(name: "FormatsTests", dependencies: ["Formats"], resources: [.copy("Fixtures")]),
    .testTarget(name: "BibliographyTests", dependencies: ["Bibliography", "TestSupport"]),
    .testTarget(name: "GraphvizTests", dependencies: ["Graphviz", "CoauthorBase"]),
    .testTarget(name: "CoauthorAnalysisTests", dependencies: ["CoauthorAnalysis"]),
    // The one process runner of the suites (the built `coauthor`, gzip).
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "CLITests", dependencies: ["coauthor", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(
      name: "ReliabilityTests",
      dependencies: ["coauthor", "FuzzTargets", "Bibliography", "CoauthorAnalysis", "Graphviz", "TestSupport"],
      exclude: ["BadInput", "FuzzRegressions", "FuzzSeeds"]),
  ]
)
