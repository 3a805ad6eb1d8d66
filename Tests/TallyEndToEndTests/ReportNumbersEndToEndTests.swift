import Foundation
import Testing

/// Issue 14, "wrong or confusing numbers": every figure shown twice is the same number,
/// jobs in flight are in Activity whatever their status, one message is one error group.
@Suite struct ReportNumbersEndToEndTests {
    let dir = TempDir()
    static let user = "11111111-1111-4111-8111-111111111111"

    func id(_ n: Int) -> String { String(format: "00000000-0000-4000-8000-%012d", n) }

    func sum(_ rows: [[String: Any]], _ key: String) -> Int { rows.reduce(0) { $0 + ($1[key] as? Int ?? 0) } }

    /// CSV rows (after the header) as fields; the test data has no quoted commas in these columns.
    func csv(_ path: String) -> [[Substring]] {
        text(path).split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }

    /// Before: the Failed card and customer table said 2,576, the daily chart 2,575; the
    /// hour chart summed all documents (120) next to Documents 117; "Failed 7" sat next to
    /// "9 failures". Now every series sums the jobs' counters like the headline, and the
    /// failures line says what it counts.
    @Test(arguments: ["2026-11", "2026-08-01..2026-12-01", "2026-11-20..2026-11-22"])
    func everyFigureShownTwiceIsTheSame(period: String) throws {
        let sample = try dir.sample(jobs: 1500, users: 9)
        let out = dir("out-\(period)")
        let range = period.components(separatedBy: "..")
        let extra = range.count == 2 ? ["--from", range[0], "--to", range[1]] : ["--period", period]
        let result = try Tally.run(["report", sample + "/history.sqlite", "--out", out, "--as-of", "2026-11-29T00:00:00Z"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let usage = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/usage.json"))) as? [String: Any])
        let totals = try #require(usage["totals"] as? [String: Any])
        let jobs = try #require(totals["jobs"] as? Int), documents = try #require(totals["documents"] as? Int)
        let processed = try #require(totals["processed"] as? Int), failed = try #require(totals["failed"] as? Int)
        #expect(jobs > 0 && documents > 0)

        let buckets = try #require((usage["time_series"] as? [String: Any])?["buckets"] as? [[String: Any]])
        #expect(sum(buckets, "jobs_created") == jobs && sum(buckets, "documents_processed") == processed)
        #expect(sum(buckets, "documents_failed") == failed)
        let daily = csv(out + "/usage_daily.csv")
        #expect(daily.reduce(0) { $0 + Int($1[3])! } == jobs && daily.reduce(0) { $0 + Int($1[4])! } == processed)
        #expect(daily.reduce(0) { $0 + Int($1[5])! } == failed)

        let throughput = try #require(usage["throughput"] as? [String: Any])
        #expect(sum(try #require(throughput["documents_per_day"] as? [[String: Any]]), "count") == documents)
        #expect((throughput["documents_by_hour_of_day"] as? [Int])?.reduce(0, +) == documents)

        let customers = try #require(usage["customers"] as? [[String: Any]])
        #expect(sum(customers, "jobs") == jobs && sum(customers, "documents") == documents)
        #expect(sum(customers, "processed") == processed && sum(customers, "failed") == failed)
        #expect(sum(customers, "tokens") == throughput["tokens"] as? Int)
        let byCustomer = csv(out + "/usage_by_customer.csv")
        #expect(byCustomer.reduce(0) { $0 + Int($1[6])! } == failed && byCustomer.reduce(0) { $0 + Int($1[4])! } == documents)
        #expect(sum(try #require(totals["jobs_by_status"] as? [[String: Any]]), "count") == jobs)
        #expect(sum(try #require(totals["jobs_by_type"] as? [[String: Any]]), "count") == jobs)

        let errors = try #require(usage["errors"] as? [String: Any])
        let failedJobs = (totals["jobs_by_status"] as? [[String: Any]])?.first { $0["name"] as? String == "failed" }?["count"] as? Int ?? 0
        #expect(errors["failed_jobs"] as? Int == failedJobs)
        #expect(errors["total_failures"] as? Int == (errors["failed_jobs"] as? Int ?? -1) + (errors["failed_documents"] as? Int ?? -1))
        #expect(sum(try #require(errors["clusters"] as? [[String: Any]]), "count") == errors["total_failures"] as? Int)

        // The pages say the same numbers, and say what the failures count.
        let md = text(out + "/usage.md"), html = text(out + "/usage.html")
        func grouped(_ n: Int) -> String {
            let digits = String(n)
            return String(digits.enumerated().flatMap { i, c in i > 0 && (digits.count - i) % 3 == 0 ? [",", c] : [c] })
        }
        #expect(md.contains("| Documents | \(grouped(documents)) |") && md.contains("| Failed | \(grouped(failed)) |"))
        func counted(_ n: Int, _ noun: String) -> String { "\(grouped(n)) \(noun)\(n == 1 ? "" : "s")" }
        let split = counted(errors["failed_jobs"] as? Int ?? 0, "failed job") + " and "
            + counted(errors["failed_documents"] as? Int ?? 0, "document row") + " with status failed"
        #expect(md.contains(split) && html.contains(split), "\(split)")
        #expect(html.contains(", \(grouped(documents)) in all.</desc>"), "the hour chart sums Documents")
        #expect(html.contains("Documents processed (\(grouped(processed)) in all) and failed (\(grouped(failed)))"))
    }

    /// `queued` (any status but completed, failed, cancelled, while it has no completed_at)
    /// is in flight: 204 queued jobs, some 100 days old, were missing from Activity. The
    /// "Active jobs" table lists the jobs in flight that are not stuck.
    @Test func queuedJobsAreInFlightAndTheActiveTableHoldsTheJobsNotStuck() throws {
        func job(_ n: Int, _ status: String, created: String, started: String = "null") -> String {
            jobJSON(id: id(n), ["status": "\"\(status)\"", "created_at": "\"\(created)\"", "started_at": started, "completed_at": "null"])
        }
        let history = dir.write("flight.json", dumpJSON(users: [(Self.user, "u@example.com")], jobs: [
            job(1, "queued", created: "2026-08-21T00:00:00Z"), job(2, "queued", created: "2026-11-28T23:00:00Z"),
            job(3, "processing", created: "2026-11-28T22:00:00Z", started: "\"2026-11-28T22:30:00Z\""),
            job(4, "pending", created: "2026-11-20T00:00:00Z"), job(5, "retrying", created: "2026-11-28T23:30:00Z"),
            jobJSON(id: id(6), ["status": "\"partial\""]),
        ]))
        let out = dir("out")
        let (result, usage) = try runReport([history], out: out)
        #expect(result.status == 0, "\(result.stderr)")
        let activity = try #require(usage["activity"] as? [String: Any])
        #expect(activity["in_flight_count"] as? Int == 5, "a status tally does not know with a completed_at has ended")
        let byStatus = (activity["in_flight_by_status"] as? [[String: Any]])?.map { "\($0["name"]!) \($0["count"]!)" }
        #expect(byStatus == ["queued 2", "pending 1", "processing 1", "retrying 1"])
        let stuck = (activity["stuck"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        let active = (activity["active"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(stuck == [id(1), id(4)] && activity["stuck_count"] as? Int == 2)
        #expect(active == [id(3), id(2), id(5)] && activity["active_count"] as? Int == 3)
        let html = text(out + "/usage.html")
        #expect(html.contains("5 in flight (2 queued, 1 pending, 1 processing, 1 retrying): 2 stuck (in flight for more than 6 h 00 min), 3 active."))
        let table = try #require(html.range(of: "<caption>Active jobs (in flight, not stuck)").map { html[$0.lowerBound...] })
        let activeTable = table[..<(table.range(of: "</table>")?.lowerBound ?? table.endIndex)]
        #expect(activeTable.contains(id(2)) && !activeTable.contains(id(1)) && !activeTable.contains(id(4)))
    }

    /// Error groups kept digits of model names masked (`gpt-<n>o-mini`) and split one
    /// message in two when a hex id happened to be all digits (`<id>` vs `<n>`).
    @Test func modelNamesStayWholeAndOneMessageIsOneGroup() throws {
        let messages = [
            "Model openai/gpt-4o-mini returned malformed JSON: line 1 column 5", "Model openai/gpt-4o-mini returned malformed JSON: line 1 column 70",
            "Model meta-llama/llama-2-70b-chat returned malformed JSON: line 1 column 9",
            "LLM rate limit exceeded (429) for request 768cb0d920f9", "LLM rate limit exceeded (429) for request 189464662440",
            "LLM rate limit exceeded (429) for request abcdefabcdef",
        ]
        let jobs = messages.enumerated().map { n, message in
            jobJSON(id: id(n + 1), ["status": "\"failed\"", "error_message": jsonString(message)])
        }
        let out = dir("out")
        let (result, usage) = try runReport([dir.write("errors.json", dumpJSON(users: [(Self.user, "u@example.com")], jobs: jobs))], out: out)
        #expect(result.status == 0, "\(result.stderr)")
        let clusters = try #require((usage["errors"] as? [String: Any])?["clusters"] as? [[String: Any]])
        let groups = Dictionary(uniqueKeysWithValues: clusters.map { ($0["normalized_message"] as? String ?? "", $0["count"] as? Int ?? 0) })
        #expect(groups == [
            "LLM rate limit exceeded (<n>) for request <n>": 3,
            "Model openai/gpt-4o-mini returned malformed JSON: line <n> column <n>": 2,
            "Model meta-llama/llama-2-70b-chat returned malformed JSON: line <n> column <n>": 1,
        ])
    }
}
