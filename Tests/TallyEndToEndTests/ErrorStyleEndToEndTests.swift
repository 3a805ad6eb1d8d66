import Foundation
import Testing

/// One error style for every failure: one line, `tally: error: MESSAGE`, the hint after it,
/// whether the command line does not parse, an option is invalid, a check finds a problem
/// or a run fails.
@Suite struct ErrorStyleEndToEndTests {
    let dir = TempDir()

    func history() -> String { dir.write("jobs.ndjson", ndjson([jobJSON()])) }

    /// Checks one failure: `status`, one stderr line (stamped off a terminal), the message and hint.
    func expectError(_ arguments: [String], _ status: Int32, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try Tally.run(arguments)
        #expect(result.status == status, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.errorLines.count == 1, "want one line: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.errorLines.allSatisfy { $0.firstMatch(of: LogLine.stamp) != nil }, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.messages == ["tally: error: " + message], sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func argumentErrorsAreOneLineWithTheHelpHint() throws {
        let source = history()
        try expectError(["report", source, "--out", dir("out"), "--colour", "red"], 64,
                        "unknown option '--colour'; see 'tally report --help'")
        try expectError(["report", source, "--out", dir("out"), "--period", "2026-13"], 64,
                        "cannot read period '2026-13': use YYYY-MM, YYYY-MM-DD, YYYY-Www, yesterday, last-month, this-month "
                            + "or last-7-days; see 'tally report --help'")
        try expectError(["stats", source], 64, "give --user ID_OR_EMAIL (or --all-users --out DIR); see 'tally stats --help'")
        try expectError(["plan", "check"], 64, "missing expected argument '<file>'; see 'tally plan check --help'")
        try expectError(["reprot", source], 64, "unknown subcommand 'reprot'; did you mean 'report'?")
        #expect(!exists(dir("out")))
    }

    @Test func runErrorsAndCheckFindingsLookTheSame() throws {
        try expectError(["report", dir("missing.sqlite"), "--out", dir("out"), "--period", "2026-11"], 66,
                        "\(dir("missing.sqlite")): no such file")
        let config = dir.write("tally.yaml", "timezon: UTC\n")
        let keys = "sources, out, timezone, plan, ledger, fail_on_restatement, templates, formats, csv_bom, paper, stuck_after, users, log_level, log_format, "
            + "log_timestamps, jobs, strict, private, push_down"
        try expectError(["config", "check", config], 65, "\(config):1: unknown key 'timezon'; did you mean 'timezone'? (keys: \(keys))")
        try expectError(["sample", "--out", dir("file/sample"), "--jobs", "3"], 73, "\(dir("file/sample")): No such file or directory")
    }

    @Test func aJSONLogGetsItsErrorsAsJSON() throws {
        let result = try Tally.run(["report", history(), "--log-format", "json", "--out", dir("out"), "--colour", "red"])
        #expect(result.status == 64)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: String], "\(result.stderr)")
        #expect(object["level"] == "error")
        #expect(object["message"] == "unknown option '--colour'; see 'tally report --help'")
        #expect(object["ts"] != nil && object["run"] != nil)
    }

    @Test func anUnknownUserGetsTheNearestEmailOrID() throws {
        let path = dir.write("dump.json", dumpJSON(
            users: [("11111111-1111-4111-8111-111111111111", "alice@example.com"), ("22222222-2222-4222-8222-222222222222", "bob@example.com")],
            jobs: [jobJSON()]))
        let unknown = "no user with that id or email in the sources"
        try expectError(["stats", path, "--user", "alice@exampel.com"], 66,
                        "unknown user 'alice@exampel.com': \(unknown); did you mean 'alice@example.com'?")
        try expectError(["stats", path, "--user", "11111111-1111-4111-8111-11111111111"], 66,
                        "unknown user '11111111-1111-4111-8111-11111111111': \(unknown); did you mean '11111111-1111-4111-8111-111111111111'?")
        try expectError(["stats", path, "--user", "nobody@example.com"], 66, "unknown user 'nobody@example.com': \(unknown)")
        try expectError(reportArguments([path], out: dir("out"), ["--user", "bob@exampel.com"]), 66,
                        "unknown user 'bob@exampel.com': \(unknown); did you mean 'bob@example.com'?")
    }

    @Test func helpAndVersionStayOnStandardOutput() throws {
        let help = try Tally.run(["help", "report"])
        #expect(help.status == 0 && help.stderr.isEmpty)
        let sections = ["INPUTS:", "PERIOD:", "OUTPUTS:", "BILLING:", "LOGGING:"].map { help.out.range(of: "\n\($0)\n")?.lowerBound }
        #expect(sections.allSatisfy { $0 != nil }, "report --help groups its options: \(help.out)")
        #expect(sections.compactMap { $0 } == sections.compactMap { $0 }.sorted())
        let strict = try #require(help.out.range(of: "--strict"))
        let out = try #require(help.out.range(of: "--out <dir>"))
        #expect(strict.lowerBound < sections[1]! && out.lowerBound > sections[2]!)
        let version = try Tally.run(["--version"])
        #expect(version.status == 0 && version.out.hasPrefix("tally ") && version.stderr.isEmpty)
    }
}
