import Foundation
import Testing

/// Nothing in the data executes in the HTML, becomes a formula in a CSV or a file
/// name, and output files have safe modes and never follow planted symlinks.
@Suite struct SecurityEndToEndTests {
    let dir = TempDir()

    static let xss = [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg/onload=alert(1)>",
        "javascript:alert(1)", "<iframe src=\"javascript:alert(1)\"></iframe>", "</style><script>alert(1)</script>",
        "{{7*7}}<b onmouseover=alert(1)>", "<a href='javascript:alert(1)'>x</a>", "&lt;script&gt;",
    ]
    /// OWASP's CSV-injection starters.
    static let formulas = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")"]

    /// A dump whose every text field carries a payload; returns its path.
    func hostileHistory(_ payloads: [String]) -> String {
        var users: [(id: String, email: String)] = []
        var jobs: [String] = [], documents: [String] = []
        for (n, payload) in payloads.enumerated() {
            let user = String(format: "aaaaaaaa-0000-4000-8000-%012d", n)
            let job = String(format: "00000000-0000-4000-8000-%012d", n)
            users.append((user, payload + "@example.com"))
            jobs.append(jobJSON(id: job, user: user, [
                "job_type": jsonString(payload), "status": jsonString("failed" + payload), "error_message": jsonString(payload),
                "config": jsonString("{\"model_name\": \(jsonString(payload))}"),
            ]))
            documents.append(documentJSON(
                id: String(format: "dddddddd-0000-4000-8000-%012d", n), job: job, user: user, title: payload,
                filePath: "../../" + payload, status: "failed", error: payload))
        }
        return dir.write("hostile.json", dumpJSON(users: users, jobs: jobs, documents: documents))
    }

    @Test func xssPayloadsNeverReachTheHTMLUnescaped() throws {
        let clean = dir("clean"), out = dir("out")
        _ = try runReport([dir.write("clean.ndjson", ndjson([jobJSON()]))], out: clean, ["--format", "html"])
        _ = try runReport([hostileHistory(Self.xss)], out: out, ["--format", "html"])
        let html = text(out + "/usage.html"), baseline = text(clean + "/usage.html")
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\""))
        let csp = html.replacingOccurrences(of: "&#39;", with: "'")
        #expect(csp.contains("default-src 'none'") && csp.contains("script-src 'sha256-"), "CSP must allow only the report's own script")
        #expect(html.components(separatedBy: "<script").count == baseline.components(separatedBy: "<script").count)
        for needle in ["<img src=x", "<svg/onload", "<iframe", "<b onmouseover", "href='javascript:"] {
            #expect(!html.contains(needle), "unescaped \(needle)")
        }
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "payload should appear escaped")
    }

    @Test func csvFormulaInjectionIsDefusedInEveryColumn() throws {
        let out = dir("out")
        _ = try runReport([hostileHistory(Self.formulas)], out: out, ["--format", "csv"])
        let csvs = snapshot(out).filter { $0.key.hasSuffix(".csv") }
        #expect(csvs.count >= 4, "\(csvs.keys.sorted())")
        for (name, bytes) in csvs {
            for field in try StrictCSV.records(bytes).joined() where StrictCSV.looksLikeFormula(field) {
                #expect(Double(field) != nil, "\(name): formula-like cell \(field.debugDescription)")
            }
        }
        let jobs = String(decoding: csvs["jobs.csv"] ?? [], as: UTF8.self)
        #expect(jobs.contains("'=1+1") || jobs.contains("\"'=1+1"), "payload should be kept, defused")
    }

    @Test func pathsFromTheDataNeverBecomeFileNames() throws {
        let out = dir("out")
        let hostileUser = "../../evil"
        let path = dir.write("paths.json", dumpJSON(
            users: [(hostileUser, "evil@example.com")],
            jobs: [jobJSON(user: hostileUser)],
            documents: [documentJSON(id: "dddddddd-0000-4000-8000-000000000001", job: "00000000-0000-4000-8000-000000000001",
                                     user: hostileUser, title: "../../etc/passwd", filePath: "../../../etc/passwd")]))
        _ = try runReport([path], out: out)
        let names = snapshot(out).keys
        for name in names {
            #expect(!name.contains(".."), "\(name)")
            if name.hasPrefix("stats/"), name != "stats/index.json" {
                let base = String(name.dropFirst("stats/".count).dropLast(".json".count))
                #expect(base.count == 36 || (base.hasPrefix("user-") && base.count == 21), "\(name)")
            }
        }
        #expect(names.contains { $0.hasPrefix("stats/user-") })
        #expect(!exists(dir("evil")) && !exists(dir("evil.json")) && !exists(NSTemporaryDirectory() + "evil.json"))
    }

    @Test(arguments: [([String](), mode_t(0o644)), (["--private"], mode_t(0o600))])
    func outputFileModes(flags: [String], mode: mode_t) throws {
        let out = dir("out")
        _ = try runReport([dir.write("jobs.ndjson", ndjson([jobJSON()]))], out: out, flags)
        let names = snapshot(out).keys
        #expect(names.count > 5)
        for name in names {
            var info = stat()
            stat(out + "/" + name, &info)
            #expect(info.st_mode & 0o777 == mode, "\(name): \(String(info.st_mode & 0o777, radix: 8))")
        }
    }

    @Test func plantedSymlinksAreNeverFollowed() throws {
        let out = dir("out")
        let history = dir.write("jobs.ndjson", ndjson([jobJSON()]))
        _ = try runReport([history], out: out)
        let victim = dir.write("victim.txt", "do not touch")
        unlink(out + "/usage.html")
        symlink(victim, out + "/usage.html")
        symlink(victim, out + "/jobs.csv.tmp")
        let staging = dir.path + "/.out.tmp-99999"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        _ = try runReport([history], out: out, ["--as-of", "2026-11-30T00:00:00Z"])
        #expect(text(victim) == "do not touch")
        var info = stat()
        lstat(out + "/usage.html", &info)
        #expect(info.st_mode & S_IFMT == S_IFREG, "usage.html should be a new regular file")
    }

    @Test func statsAllUsersDoesNotFollowAPlantedSymlink() throws {
        let out = dir("stats")
        let history = dir.write("jobs.ndjson", ndjson([jobJSON()]))
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let victim = dir.write("victim.txt", "do not touch")
        symlink(victim, out + "/index.json")
        let result = try Tally.run(["stats", history, "--all-users", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(text(victim) == "do not touch")
    }
}
