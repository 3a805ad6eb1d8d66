import Foundation
import Testing

/// Issue 12 (item 7): control characters in the data, `\u0000` first, through the binary
/// into every output. The rule (templates/README.md "Escaping"): HTML, Markdown and CSV
/// carry none of the C0 controls but tab, LF and CR, nor DEL or C1, each shown as U+FFFD;
/// the JSON files keep them exactly, escaped.
@Suite struct ControlCharacterEndToEndTests {
    let dir = TempDir()
    static let user = "11111111-1111-4111-8111-111111111111"
    static let name = "Na\u{0}me\u{1}\u{7F}\u{85}\u{9B}x"
    static let jobType = "ty\u{0}pe\u{1B}[31m"
    static let message = "boom\u{0}\u{8}\u{C}\u{7}end"

    func history() -> String {
        let jobs = [
            jobJSON(id: "00000000-0000-4000-8000-000000000001", user: Self.user, ["job_type": jsonString(Self.jobType)]),
            jobJSON(id: "00000000-0000-4000-8000-000000000002", user: Self.user, [
                "job_type": jsonString(Self.jobType), "status": "\"failed\"", "error_message": jsonString(Self.message),
            ]),
        ]
        let user = "{\"id\": \(jsonString(Self.user)), \"email\": \"ctl\\u0000@example.com\", \"password_hash\": \"x\", \"full_name\": \(jsonString(Self.name)), \"is_active\": true, \"is_verified\": true, \"created_at\": \"2025-01-01T00:00:00Z\", \"updated_at\": null}"
        return dir.write("history.json", "{\"users\": [\(user)], \"jobs\": [\(jobs.joined(separator: ",\n"))], \"documents\": []}\n")
    }

    /// The control characters of `bytes` that the rule forbids, as `offset: byte`.
    static func forbidden(_ bytes: [UInt8]) -> [String] {
        bytes.indices.compactMap { i in
            let b = bytes[i]
            let c1 = b == 0xC2 && i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1])
            return (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F || c1 ? "\(i): \(b)" : nil
        }
    }

    @Test func humanFormatsShowReplacementsAndJSONKeepsTheCharacters() throws {
        let out = dir("out")
        let plan = dir.write("plan.yaml", ReportFlowTests.plan)
        let (result, usage) = try runReport([history()], out: out, ["--plan", plan])
        #expect(result.status == 0)
        let files = snapshot(out)
        let human = files.filter { file in [".html", ".md", ".csv"].contains { file.key.hasSuffix($0) } }
        #expect(human.keys.contains("usage.html") && human.keys.contains("billing.md") && human.keys.contains("jobs.csv"))
        #expect(human.keys.contains { $0.hasPrefix("invoices/") })
        for (name, bytes) in human.sorted(by: { $0.key < $1.key }) {
            #expect(Self.forbidden(bytes).isEmpty, "\(name) carries control characters at \(Self.forbidden(bytes).prefix(5))")
        }
        // The job type and the name appear with U+FFFD where the controls were.
        let shownType = "ty\u{FFFD}pe\u{FFFD}[31m"
        for name in ["usage.html", "jobs.csv"] {
            #expect(String(decoding: files[name] ?? [], as: UTF8.self).contains(shownType), "\(name)")
        }
        #expect(String(decoding: files["usage.html"] ?? [], as: UTF8.self).contains("Na\u{FFFD}me\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}x"))
        #expect(String(decoding: files["usage_by_customer.csv"] ?? [], as: UTF8.self).contains("Na\u{FFFD}me"))
        for name in ["errors.csv", "usage.html"] {
            #expect(String(decoding: files[name] ?? [], as: UTF8.self).contains("boom\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}end"), "\(name)")
        }
        // Markdown makes the form feed, a line break, a space.
        #expect(String(decoding: files["usage.md"] ?? [], as: UTF8.self).contains("boom\u{FFFD}\u{FFFD} \u{FFFD}end"))
        // JSON: valid, with the characters themselves.
        for (name, bytes) in files where name.hasSuffix(".json") {
            #expect((try? JSONSerialization.jsonObject(with: Data(bytes))) != nil, "\(name) is not valid JSON")
        }
        let types = ((usage["totals"] as? [String: Any])?["jobs_by_type"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(types == [Self.jobType], "\(usage["totals"] ?? "")")
        let usageText = String(decoding: files["usage.json"] ?? [], as: UTF8.self)
        #expect(usageText.contains("ty\\u0000pe\\u001b[31m"))
    }

    @Test func statsJSONEscapesThem() throws {
        let result = try Tally.run(["stats", history(), "--user", Self.user])
        #expect(result.status == 0, "\(result.stderr)")
        #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout))) != nil)
        #expect(!result.stdout.contains(0))
    }
}
