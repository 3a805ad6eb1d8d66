// swift-tools-version:6.0
// libFuzzer targets for tally's JSON reader, timestamp parser and aggregation (records), kept out of the
// root package. Build and run with ../scripts/fuzz.sh.
import PackageDescription

let package = Package(
    name: "tally-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "tally", path: "..")],
    targets: [
        .executableTarget(name: "TallyFuzzJSON", dependencies: [.product(name: "TallyKit", package: "tally")]),
        .executableTarget(name: "TallyFuzzTimestamp", dependencies: [.product(name: "TallyKit", package: "tally")]),
        .executableTarget(name: "TallyFuzzRecords", dependencies: [.product(name: "TallyKit", package: "tally")]),
    ],
    swiftLanguageModes: [.v6]
)
