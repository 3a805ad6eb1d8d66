import Foundation
import Testing

/// `tally report` (usage and billing) from PostgreSQL equals the same history
/// read from SQLite byte for byte; only the Sources table names the source.
@Suite(.enabled(if: PostgresServer.enabled, "no PostgreSQL server programs (apt-get install postgresql)"))
struct PostgresReportTests {
    let dir = TempDir()

    private static let window = ["--from", "2026-08-01", "--to", "2026-12-01", "--as-of", "2026-11-29T00:00:00Z", "--tz", "Europe/Berlin"]

    private func report(_ sources: [String], _ name: String, _ extra: [String] = []) throws -> [String: Data] {
        let plan = Tally.packageRoot.path + "/sample-data/plan.yaml"
        let run = try Tally.run(["report"] + sources + ["--out", dir(name), "--plan", plan, "--quiet"] + Self.window + extra)
        #expect(run.status == 0, "\(run.stderr)")
        return try directoryBytes(dir(name))
    }

    /// The report's files with the Sources table's names and formats replaced, so two sources compare.
    private func renamed(_ files: [String: Data], _ replacements: [(String, String)]) -> [String: Data] {
        files.mapValues { data in
            var text = String(decoding: data, as: UTF8.self)
            for (from, to) in replacements { text = text.replacingOccurrences(of: from, with: to) }
            return Data(text.utf8)
        }
    }

    @Test func reportAndBillingEqualSQLite() throws {
        let server = try PostgresServer.require()
        let sqlite = try dir.sample(jobs: 900, users: 8, formats: [.sqlite]) + "/history.sqlite"
        let uri = server.uri(try server.load(sqlite, prefix: "report"))
        let expected = try report([sqlite], "sqlite")
        for jobs in ["1", "3"] {
            let got = try report([uri], "pg-\(jobs)", ["--jobs", jobs])
            #expect(got.keys.sorted() == expected.keys.sorted())
            let same = renamed(got, [(uri, sqlite), ("<td>postgresql</td>", "<td>sqlite</td>"), ("\"postgresql\"", "\"sqlite\"")])
            for (file, bytes) in expected.sorted(by: { $0.key < $1.key }) {
                #expect(same[file] == bytes, "\(file) differs with --jobs \(jobs)")
            }
            #expect(got["usage.html"].map { String(decoding: $0, as: UTF8.self).contains(uri) } == true)
        }
    }

    @Test func mergesWithAFileSourceByJobID() throws {
        let server = try PostgresServer.require()
        let sqlite = try dir.sample(jobs: 300, users: 5, formats: [.sqlite, .ndjson]) + "/history.sqlite"
        let ndjson = dir("sample/jobs.ndjson")
        let uri = server.uri(try server.load(sqlite, prefix: "merge"))
        let expected = try report([sqlite, ndjson], "files")
        let got = try report([uri, ndjson], "mixed", ["--jobs", "2"])
        let same = renamed(got, [(uri, sqlite), ("<td>postgresql</td>", "<td>sqlite</td>"), ("\"postgresql\"", "\"sqlite\"")])
        for (file, bytes) in expected { #expect(same[file] == bytes, "\(file) differs") }
        let html = String(decoding: got["usage.html"] ?? Data(), as: UTF8.self)
        #expect(html.contains("duplicates merged") && !html.contains("; 0 duplicates merged"), "the merge counts the repeated ids")
    }
}
