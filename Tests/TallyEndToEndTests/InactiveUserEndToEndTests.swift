import Foundation
import Testing

/// An inactive user: the endpoint answers them 403 {"detail":"User account is disabled"},
/// so `--api-compat` refuses them (exit 77, one line) and writes no file for them; the
/// default mode reports them like everyone else.
@Suite struct InactiveUserEndToEndTests {
    let dir = TempDir()
    static let active = "11111111-1111-4111-8111-111111111111"
    static let inactive = "22222222-2222-4222-8222-222222222222"

    /// A dump with one active and one inactive user, a job each.
    func history() -> String {
        let users = [(Self.active, "on@example.com", true), (Self.inactive, "off@example.com", false)].map { id, email, active in
            "{\"id\": \"\(id)\", \"email\": \"\(email)\", \"password_hash\": \"x\", \"full_name\": null, \"is_active\": \(active), "
                + "\"is_verified\": true, \"created_at\": \"2025-01-01T00:00:00Z\", \"updated_at\": null}"
        }
        let jobs = [jobJSON(user: Self.active), jobJSON(id: "00000000-0000-4000-8000-000000000002", user: Self.inactive)]
        return dir.write("dump.json", "{\"users\": [\(users.joined(separator: ","))], \"jobs\": [\(jobs.joined(separator: ","))], \"documents\": []}\n")
    }

    @Test func oneInactiveUserUnderAPICompatIsExit77() throws {
        let path = history()
        for user in ["off@example.com", Self.inactive] {
            let result = try Tally.run(["stats", path, "--user", user, "--api-compat"])
            expectFatal(result, 77, mentions: [user, "inactive", "403"])
            #expect(result.messages.first?.hasPrefix("tally: error: ") == true)
            #expect(result.stdout.isEmpty)
        }
        let active = try Tally.run(["stats", path, "--user", "on@example.com", "--api-compat"])
        #expect(active.status == 0, "\(active.stderr)")
    }

    @Test func theDefaultModeKeepsReportingThem() throws {
        let result = try Tally.run(["stats", history(), "--user", "off@example.com"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.out.hasPrefix("{\"total_jobs\":1,"))
    }

    @Test func allUsersUnderAPICompatWritesNoFileAndListsThemInactive() throws {
        let path = history()
        let out = dir("stats")
        let plain = try Tally.run(["stats", path, "--all-users", "--out", out])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(entries(out).contains("\(Self.inactive).json"), "the default mode writes every user")
        #expect(!text(out + "/index.json").contains("inactive_users"))

        let compat = try Tally.run(["stats", path, "--all-users", "--api-compat", "--out", out])
        #expect(compat.status == 0, "\(compat.stderr)")
        #expect(entries(out) == [".tally-report", "\(Self.active).json", "index.json"], "the earlier run's file is removed too")
        let index = try #require(try JSONSerialization.jsonObject(with: Data(text(out + "/index.json").utf8)) as? [String: Any])
        let listed = try #require(index["users"] as? [[String: Any]])
        #expect(listed.map { $0["id"] as? String } == [Self.active])
        let inactive = try #require(index["inactive_users"] as? [[String: Any]])
        #expect(inactive.map { $0["id"] as? String } == [Self.inactive])
        #expect(inactive.first?["email"] as? String == "off@example.com")
        #expect(inactive.first?["file"] == nil)
    }
}
