import Foundation
import Testing

/// `tally stats` end to end: one user, the endpoint-compatible mode, every user into a directory.
@Suite struct StatsFlowTests {
    let dir = TempDir()

    @Test func oneUserCompactAndPretty() throws {
        let sample = try dir.sample(jobs: 200)
        let compact = try Tally.run(["stats", sample + "/history.sqlite", "--user", "alice@example.com"])
        #expect(compact.status == 0, "\(compact.stderr)")
        #expect(!compact.out.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(compact.stdout)) as? [String: Any])
        #expect(Set(object.keys) == ["total_jobs", "total_documents", "documents_processed", "documents_failed", "jobs_by_status", "recent_activity"])
        #expect((object["total_jobs"] as? Int ?? 0) > 0)
        let pretty = try Tally.run(["stats", sample + "/history.sqlite", "--user", "alice@example.com", "--pretty"])
        #expect(pretty.status == 0)
        #expect(pretty.out.contains("\n  "))
        let same = try JSONSerialization.jsonObject(with: Data(pretty.stdout)) as? NSDictionary
        #expect(same == object as NSDictionary)
    }

    @Test func sameNumbersFromSQLiteAndDump() throws {
        let sample = try dir.sample(jobs: 200)
        let a = try Tally.run(["stats", sample + "/history.sqlite", "--user", "bob@example.com"])
        let b = try Tally.run(["stats", sample + "/history.json", "--user", "bob@example.com"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == b.stdout)
    }

    @Test func apiCompatAddsAnonymousJobs() throws {
        let anonymous = jobJSON(id: "00000000-0000-4000-8000-000000000009", ["user_id": "null"])
        let path = dir.write("dump.json", dumpJSON(
            users: [("11111111-1111-4111-8111-111111111111", "me@example.com")], jobs: [jobJSON(), anonymous]))
        let own = try Tally.run(["stats", path, "--user", "me@example.com"])
        let compat = try Tally.run(["stats", path, "--user", "me@example.com", "--api-compat", "--pretty"])
        #expect(own.status == 0 && compat.status == 0, "\(own.stderr)\(compat.stderr)")
        let a = try #require(try JSONSerialization.jsonObject(with: Data(own.stdout)) as? [String: Any])
        let b = try #require(try JSONSerialization.jsonObject(with: Data(compat.stdout)) as? [String: Any])
        #expect(a["total_jobs"] as? Int == 1)
        #expect(b["total_jobs"] as? Int == 2)
    }

    @Test func allUsersWritesOneFilePerUserAndIndex() throws {
        let sample = try dir.sample(jobs: 200, users: 5)
        let out = dir("stats")
        let result = try Tally.run(["stats", sample + "/history.sqlite", "--all-users", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let names = entries(out)
        #expect(names.contains("index.json"))
        let userFiles = names.filter { $0 != "index.json" && $0.hasSuffix(".json") }
        #expect(userFiles.count == 5, "\(names)")
        for name in userFiles {
            #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/" + name))) is [String: Any])
        }
        #expect(names.filter { $0.hasPrefix(".") } == [".tally-report"], "temporary files left: \(names)")
    }

    @Test func unknownUserExits66NamingIt() throws {
        let sample = try dir.sample(jobs: 50)
        let result = try Tally.run(["stats", sample + "/history.sqlite", "--user", "nobody@example.com"])
        expectFatal(result, 66, mentions: ["nobody@example.com"])
        #expect(result.stdout.isEmpty)
    }

    @Test func userWithoutJobsGetsTheZeroObject() throws {
        let idle = "22222222-2222-4222-8222-222222222222"
        let path = dir.write("dump.json", dumpJSON(
            users: [("11111111-1111-4111-8111-111111111111", "busy@example.com"), (idle, "idle@example.com")],
            jobs: [jobJSON()]))
        let result = try Tally.run(["stats", path, "--user", "idle@example.com"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.out == #"{"total_jobs":0,"total_documents":0,"documents_processed":0,"documents_failed":0,"jobs_by_status":{},"recent_activity":[]}"#)
    }
}
