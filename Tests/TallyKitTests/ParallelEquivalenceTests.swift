import Foundation
import Logging
import Testing
@testable import TallyKit

/// A sharded run (`--jobs 4`) writes exactly the bytes a single-threaded one (`--jobs 1`) does.
@Suite struct ParallelEquivalenceTests {
    /// A small billing plan, so the billing stage runs on both sides too.
    static let plan = """
        currency: EUR
        timezone: Europe/Berlin
        rounding: half-even
        default_plan: starter
        tax_percent: "19"
        plans:
          starter:
            base_fee: "19.00"
            charges:
              - metric: documents
                model: graduated
                tiers:
                  - { up_to: 100, unit_price: "0" }
                  - { up_to: null, unit_price: "0.03" }
              - metric: tokens
                model: package
                package_size: 1000
                package_price: "0.002"
        """

    /// Every file under `directory`, by relative path, with its bytes.
    static func files(in directory: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let root = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [:] }
        for case let url as URL in walker where !url.hasDirectoryPath {
            result[String(url.path.dropFirst(root.path.count + 1))] = try Data(contentsOf: url)
        }
        return result
    }

    /// Runs the report over `sources` with `parallelism` threads into a fresh directory, returning its files.
    static func report(_ sources: [String], parallelism: Int, in fixture: SampleFixture) throws -> [String: Data] {
        let out = fixture.directory + "/report-\(parallelism)-\(sources.count)"
        let planPath = fixture.directory + "/plan.yaml"
        try plan.write(toFile: planPath, atomically: true, encoding: .utf8)
        let request = ReportRequest(
            sources: sources, outDirectory: out, period: try PeriodSpec.parse("2026-10"),
            asOf: Instant(seconds: 1_795_910_400), parallelism: parallelism, planPath: planPath)
        _ = try ReportRun.run(request, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        return try files(in: out)
    }

    @Test func sqliteShardsGiveTheSingleThreadedBytes() throws {
        let fixture = try SampleFixture(jobs: 3000, users: 40, seed: 11, formats: [.sqlite])
        defer { try? FileManager.default.removeItem(atPath: fixture.directory) }
        let source = SQLiteSource(path: fixture.path(.sqlite), name: "h")
        #expect(try source.shards(4).count == 4)

        let single = try Self.report([fixture.path(.sqlite)], parallelism: 1, in: fixture)
        let sharded = try Self.report([fixture.path(.sqlite)], parallelism: 4, in: fixture)
        #expect(single.keys.sorted() == sharded.keys.sorted())
        #expect(single.keys.contains("jobs.csv") && single.keys.contains("usage.json"))
        #expect(single.keys.contains { $0.hasPrefix("invoices") || $0.hasPrefix("billing") })
        for (name, bytes) in single { #expect(sharded[name] == bytes, "\(name) differs between --jobs 1 and --jobs 4") }
    }

    @Test func deduplicatedNDJSONShardsGiveTheSingleThreadedBytes() throws {
        let fixture = try SampleFixture(jobs: 3000, users: 40, seed: 12, formats: [.sqlite, .ndjson])
        defer { try? FileManager.default.removeItem(atPath: fixture.directory) }
        let ndjson = JSONSource(path: fixture.path(.ndjson), name: "j")
        #expect(try ndjson.shards(4, minimumBytes: 1).count == 4)

        // The same jobs from both files: every job id repeats, so the duplicate path runs on every row.
        let sources = [fixture.path(.sqlite), fixture.path(.ndjson)]
        let single = try Self.report(sources, parallelism: 1, in: fixture)
        let sharded = try Self.report(sources, parallelism: 4, in: fixture)
        #expect(single.keys.sorted() == sharded.keys.sorted())
        for (name, bytes) in single { #expect(sharded[name] == bytes, "\(name) differs between --jobs 1 and --jobs 4") }
    }
}
