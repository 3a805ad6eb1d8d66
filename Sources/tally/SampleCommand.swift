import ArgumentParser
import Foundation
import TallyKit

/// `tally sample`: writes a deterministic, realistic job history for demos, tests and benchmarks.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Generate a deterministic sample history (SQLite, NDJSON, JSON array, full dump).",
        discussion: """
            The same options and seed give byte-identical files on every machine. Files: \
            DIR/history.sqlite, DIR/jobs.ndjson, DIR/jobs.json (array), DIR/history.json (full dump). \
            The first users are alice@example.com, bob@example.com and carol@example.com.
            """
    )

    @Option(name: .long, help: "Directory to write the files into (created when missing).")
    var out: String

    @Option(help: "Number of jobs.")
    var jobs: Int = 600

    @Option(help: "Number of users (at least 1).")
    var users: Int = 12

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 42

    @Option(help: "Length of the time window in days.")
    var days: Int = 120

    @Option(help: "End of the time window, an ISO 8601 timestamp.")
    var end: String = "2026-11-29T00:00:00Z"

    @Option(help: "Forms to write, comma separated: sqlite, ndjson, json, dump.")
    var formats: String = "sqlite,ndjson,dump"

    @Flag(inversion: .prefixedNo, help: "Write documents (they are generated either way).")
    var documents = true

    @Flag(inversion: .prefixedNo, help: "Plant the deliberate bad rows (inconsistent counters, 1970/9999 dates, ties).")
    var anomalies = true

    @Flag(help: "Nest each job's documents in the NDJSON and JSON-array forms.")
    var nestDocuments = false

    func validate() throws {
        do {
            try options().validate()
        } catch let error as TallyError {
            throw ValidationError(error.description)
        }
    }

    /// The library options these arguments name.
    func options() throws -> SampleOptions {
        guard let endInstant = TimestampParser.parse(end) else {
            throw TallyError.usage("--end: '\(end)' is not a timestamp")
        }
        return SampleOptions(
            outputDirectory: out, jobs: jobs, users: users, seed: seed, days: days, end: endInstant,
            formats: try SampleGenerator.formats(formats), documents: documents, anomalies: anomalies,
            nestDocuments: nestDocuments)
    }

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        try CommandRunner.run(logger: LogSettings().makeLogger()) {
            let summary = try SampleGenerator.write(try options())
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let rate = seconds > 0 ? Int(Double(summary.jobs) / seconds) : 0
            let line = summary.line + String(format: " in %.2f s (%d jobs/s)\n", seconds, rate)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
