// swift-tools-version:6.0
// libFuzzer targets for tally's JSON reader, timestamp parser, template pieces and records
// (through aggregation, every format and billing),
// kept out of the root package. Build and run with ../scripts/fuzz.sh, which runs every
// executable target here (its corpus in corpus/<name>, its dictionary <name>.dict, where
// <name> is the target's name without TallyFuzz, lowercased).
import PackageDescription

let package = Package(
    name: "tally-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "tally", path: ".."),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .executableTarget(name: "TallyFuzzJSON", dependencies: [.product(name: "TallyKit", package: "tally")]),
        .executableTarget(name: "TallyFuzzTimestamp", dependencies: [.product(name: "TallyKit", package: "tally")]),
        .executableTarget(name: "TallyFuzzRecords", dependencies: [.product(name: "TallyKit", package: "tally")]),
        .executableTarget(
            name: "TallyFuzzTemplate",
            dependencies: [.product(name: "TallyKit", package: "tally"), .product(name: "Mustache", package: "swift-mustache")]),
    ],
    swiftLanguageModes: [.v6]
)
