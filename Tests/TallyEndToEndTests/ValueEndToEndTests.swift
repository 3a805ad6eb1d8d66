import Foundation
import Testing

/// Odd values in otherwise valid rows: counted in data quality, escaped, never fatal.
@Suite struct ValueEndToEndTests {
    let dir = TempDir()
    static let user = "11111111-1111-4111-8111-111111111111"

    func id(_ n: Int) -> String { String(format: "00000000-0000-4000-8000-%012d", n) }

    /// Runs a report over one dump of `jobs`; returns data_quality and the out directory.
    func report(_ jobs: [String], email: String = "user@example.com") throws -> ([String: Any], String) {
        let path = dir.write("values.json", dumpJSON(users: [(Self.user, email)], jobs: jobs))
        let out = dir("out")
        let (result, usage) = try runReport([path], out: out)
        #expect(result.status == 0, "\(result.stderr)")
        return (usage["data_quality"] as? [String: Any] ?? [:], out)
    }

    func check(_ quality: [String: Any], _ key: String) -> (Int, [String]) {
        let c = quality[key] as? [String: Any]
        return (c?["count"] as? Int ?? -1, c?["example_job_ids"] as? [String] ?? [])
    }

    @Test func negativeCountersAreCounted() throws {
        let (quality, _) = try report([jobJSON(id: id(1)), jobJSON(id: id(2), ["processed_count": "-4"])])
        #expect(check(quality, "negative_counters") == (1, [id(2)]), "\(quality)")
    }

    @Test func countersPastTheTotalAreCounted() throws {
        let (quality, _) = try report([jobJSON(id: id(1), ["processed_count": "5", "failed_count": "2"])])
        #expect(check(quality, "counters_exceed_total") == (1, [id(1)]))
    }

    @Test func completedBeforeStartedIsCounted() throws {
        let (quality, _) = try report([jobJSON(id: id(1), ["completed_at": "\"2026-11-10T09:00:00Z\""])])
        #expect(check(quality, "completed_before_started") == (1, [id(1)]))
    }

    @Test func createdIn9999And1970AreReadNotFatal() throws {
        let (_, out) = try report([
            jobJSON(id: id(1)), jobJSON(id: id(2), ["created_at": "\"9999-12-31T23:59:59Z\""]),
            jobJSON(id: id(3), ["created_at": "\"1970-01-01T00:00:00Z\""]),
        ])
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/stats/\(Self.user).json"))) as? [String: Any])
        #expect(stats["total_jobs"] as? Int == 3)
        let usage = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/usage.json"))) as? [String: Any])
        #expect((usage["totals"] as? [String: Any])?["jobs"] as? Int == 1, "only the November job is in the period")
    }

    @Test func statusWithSpacesAndEmojiIsKeptVerbatim() throws {
        let (_, out) = try report([jobJSON(id: id(1), ["status": jsonString("in progress 🚀")])])
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/stats/\(Self.user).json"))) as? [String: Any])
        #expect((stats["jobs_by_status"] as? [String: Int]) == ["in progress 🚀": 1])
    }

    @Test func tenMegabyteErrorMessage() throws {
        let message = String(repeating: "E", count: 10 << 20)
        let (_, out) = try report([jobJSON(id: id(1), ["status": "\"failed\"", "error_message": jsonString(message)])])
        let html = try Data(contentsOf: URL(fileURLWithPath: out + "/usage.html"))
        #expect(html.count < 5 << 20, "the HTML should not carry the whole 10 MB message (\(html.count) bytes)")
        #expect(text(out + "/errors.csv").contains("EEEE"))
    }

    @Test func emailWithHTMLIsEscaped() throws {
        let (_, out) = try report([jobJSON(id: id(1))], email: "<img src=x onerror=alert(1)>@example.com")
        let html = text(out + "/usage.html")
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;@example.com"))
    }

    @Test func idsThatAreNotUUIDsAreReadAndHashedInFileNames() throws {
        let path = dir.write("odd.json", dumpJSON(users: [("user 7", "seven@example.com")], jobs: [jobJSON(id: "job-7", user: "user 7")]))
        let out = dir("out")
        let (result, usage) = try runReport([path], out: out)
        #expect(result.status == 0)
        #expect((usage["totals"] as? [String: Any])?["jobs"] as? Int == 1)
        let quality = usage["data_quality"] as? [String: Any] ?? [:]
        #expect(check(quality, "ids_not_uuid") == (1, ["job-7"]), "\(quality)")
        let names = entries(out + "/stats")
        #expect(names.contains { $0.hasPrefix("user-") } && !names.contains("user 7.json"), "\(names)")
        #expect(text(out + "/jobs.csv").contains("job-7"))
    }
}
