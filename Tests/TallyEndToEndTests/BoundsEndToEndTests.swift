import Foundation
import Testing

/// Issue 12 item 2 and issue 17 "bounded everything": no row and no period can crash a
/// run or make it grow without bound.
@Suite struct BoundsEndToEndTests {
    let dir = TempDir()
    static let user = "11111111-1111-4111-8111-111111111111"

    func id(_ n: Int) -> String { String(format: "00000000-0000-4000-8000-%012d", n) }

    func json(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    func counters(_ n: Int, _ value: String) -> String {
        jobJSON(id: id(n), ["total_documents": value, "processed_count": value, "failed_count": "0"])
    }

    /// A job with counters of 9223372036854775807, or two of 5e18, was exit 132 (an
    /// overflow trap) with the staging directory left behind. Counters outside what the
    /// upstream `integer` column holds are skipped and counted; nothing sums them.
    @Test func countersPastThirtyTwoBitsAreSkippedNotACrash() throws {
        let history = dir.write("huge.json", dumpJSON(users: [(Self.user, "u@example.com")], jobs: [
            jobJSON(id: id(1)), counters(2, "9223372036854775807"), counters(3, "5000000000000000000"),
            counters(4, "5000000000000000000"), counters(5, "2147483648"),
        ]))
        let out = dir("out")
        let (result, usage) = try runReport([history], out: out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("counter out of range") && result.stderr.contains("9223372036854775807"), "\(result.stderr)")
        let totals = try #require(usage["totals"] as? [String: Any])
        #expect(totals["jobs"] as? Int == 1 && totals["documents"] as? Int == 3, "\(totals)")
        let skipped = try #require((usage["data_quality"] as? [String: Any])?["skipped"] as? [[String: Any]])
        #expect(skipped.map { $0["reason"] as? String } == ["counter out of range"] && skipped.first?["count"] as? Int == 4)
        #expect(text(out + "/usage.html").contains("counter out of range"))
        #expect(try json(out + "/stats/\(Self.user).json")["total_documents"] as? Int == 3)
        #expect(!entries(dir.path).contains { $0.contains(".tmp") }, "staging left behind")

        let stats = try Tally.run(["stats", history, "--user", Self.user])
        #expect(stats.status == 0 && stats.out.hasPrefix("{\"total_jobs\":1,\"total_documents\":3,"), "\(stats.out) \(stats.stderr)")
        try expectReportFails([history], in: TempDir(), 65, mentions: ["counter out of range", "strict"], extra: ["--strict"])
    }

    /// At the upstream limit (2,147,483,647 a counter) rows are real values: summed exactly
    /// in 64 bits, flagged as implausible, and the headline says they are in it.
    @Test func countersAtTheUpstreamLimitAreSummedAndFlagged() throws {
        var jobs = (1...400).map { jobJSON(id: id($0)) }
        jobs += (401...403).map { counters($0, "2147483647") }
        let history = dir.write("limit.json", dumpJSON(users: [(Self.user, "u@example.com")], jobs: jobs))
        let out = dir("out")
        let (result, usage) = try runReport([history], out: out)
        #expect(result.status == 0, "\(result.stderr)")
        let totals = try #require(usage["totals"] as? [String: Any])
        #expect(totals["documents"] as? Int == 3 * 2_147_483_647 + 1200, "\(totals)")
        #expect(totals["implausible_jobs"] as? Int == 3)
        let quality = try #require(usage["data_quality"] as? [String: Any])
        let check = try #require(quality["implausible_counters"] as? [String: Any])
        #expect(check["count"] as? Int == 3 && (check["example_job_ids"] as? [String]) == [id(401), id(402), id(403)])
        #expect(quality["implausible_threshold"] as? Int == 100_000)
        let note = "These figures include 3 jobs with implausibly many documents (100,000 or more; see Data quality)."
        #expect(text(out + "/usage.html").contains(note))
        #expect(text(out + "/usage.md").contains("These figures include 3 jobs with implausibly many documents"))
        let stats = try json(out + "/stats/\(Self.user).json")
        #expect(stats["total_documents"] as? Int == 3 * 2_147_483_647 + 1200)
    }

    /// `--api-compat` sums 32-bit counters in 64 bits like the endpoint: 1,000 jobs at the
    /// upstream limit are exact, and none is skipped.
    @Test func apiCompatSumsThirtyTwoBitCountersExactly() throws {
        let jobs = (1...1000).map { n in
            jobJSON(id: id(n), [
                "total_documents": "2147483647", "processed_count": "2147483647", "failed_count": "-2147483648",
                "created_at": "\"2026-11-10T10:\(String(format: "%02d", n / 60 % 60)):\(String(format: "%02d", n % 60))Z\"",
            ])
        }
        let history = dir.write("compat.json", dumpJSON(users: [(Self.user, "u@example.com")], jobs: jobs))
        let result = try Tally.run(["stats", history, "--user", Self.user, "--api-compat"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.out.hasPrefix("{\"total_jobs\":1000,\"total_documents\":2147483647000,\"documents_processed\":2147483647000,\"documents_failed\":-2147483648000,"))
    }

    /// `--from 0001-01-01 --to 9999-12-31` grew to 8.1 GB (a bucket a day for 10,000
    /// years); now the series has at most 400 buckets (here 25 years each) and the run is quick.
    @Test func aTenThousandYearPeriodHasAtMostFourHundredBuckets() throws {
        let sample = try dir.sample()
        let out = dir("out")
        let result = try Tally.run(
            ["report", sample + "/history.sqlite", "--out", out, "--from", "0001-01-01", "--to", "9999-12-31", "--tz", "Europe/Berlin",
             "--as-of", "2026-11-29T00:00:00Z"], timeout: 60)
        #expect(result.status == 0, "\(result.stderr)")
        let usage = try json(out + "/usage.json")
        let series = try #require(usage["time_series"] as? [String: Any])
        let buckets = try #require(series["buckets"] as? [[String: Any]])
        #expect(series["granularity"] as? String == "year" && buckets.count == 400)
        #expect(buckets.first?["label"] as? String == "0001–0025" && buckets.last?["label"] as? String == "9976–9999")
        #expect(((usage["throughput"] as? [String: Any])?["documents_per_day"] as? [Any])?.count == 400)
        #expect(text(out + "/usage_daily.csv").split(separator: "\r\n").count == 401)
    }
}
