import Foundation
import Testing
@testable import TallyKit

@Suite struct ConfigLoaderTests {
    @Test func readsEveryKeyWithPathsRelativeToTheConfigDirectory() throws {
        let config = try ConfigFixture.parse(
            "sources: [history.sqlite, /data/export.ndjson.gz, '-']",
            "out: reports/%Y-%m",
            "timezone: Europe/Berlin",
            "plan: plan.yaml",
            "templates: /srv/templates",
            "formats: [html, csv]",
            "csv_bom: true",
            "stuck_after: 90m",
            "users: alice@example.com",
            "log_level: notice",
            "log_format: json",
            "jobs: 3",
            "strict: true",
            "private: false",
            "push_down: true")
        #expect(config.sources == ["/etc/tally/history.sqlite", "/data/export.ndjson.gz", "-"])
        #expect(config.out == "/etc/tally/reports/%Y-%m")
        #expect(config.timezone == "Europe/Berlin")
        #expect(config.plan == "/etc/tally/plan.yaml")
        #expect(config.templates == "/srv/templates")
        #expect(config.formats == [.html, .csv])
        #expect(config.csvBOM == true)
        #expect(config.stuckAfterMicros == Int64(90) * 60 * 1_000_000)
        #expect(config.users == ["alice@example.com"])
        #expect(config.logLevel == .notice)
        #expect(config.logFormat == .json)
        #expect(config.jobs == 3)
        #expect(config.strict == true)
        #expect(config.private == false)
        #expect(config.pushDown == true)
    }

    @Test func absentKeysStayUnset() throws {
        let config = try ConfigFixture.parse("# only a comment")
        #expect(config == TallyConfig(file: "tally.yaml"))
    }

    /// (lines, expected one-line error).
    static let errors: [([String], String)] = [
        (
            ["sources: [a.sqlite]", "out: reports", "timezon: UTC"],
            "tally.yaml:3: unknown key 'timezon'; did you mean 'timezone'? (keys: sources, out, timezone, plan, ledger, fail_on_restatement, "
                + "templates, formats, csv_bom, paper, stuck_after, users, log_level, log_format, log_timestamps, jobs, strict, private, push_down)"
        ),
        (["jobs: four"], "tally.yaml:1: jobs: expected a whole number, found 'four'"),
        (["jobs: 0"], "tally.yaml:1: jobs: must be at least 1, not 0"),
        (["strict: 'yes'"], "tally.yaml:1: strict: expected true or false, found 'yes'"),
        (["csv_bom:"], "tally.yaml:1: csv_bom: expected true or false, found no value"),
        (["sources:", "  a: b"], "tally.yaml:2: sources: expected a list of history files, found a mapping"),
        (["sources: [a.sqlite, [b]]"], "tally.yaml:1: sources[1]: expected a list of history files, found a list"),
        (["log_level: warn"], "tally.yaml:1: log_level: unknown value 'warn'; did you mean 'warning'? "
            + "(use trace, debug, info, notice, warning, error, critical)"),
        (["timezone: Mars/Olympus"], "tally.yaml:1: timezone: unknown time zone 'Mars/Olympus': use an IANA name "
            + "such as UTC, Europe/Berlin or America/New_York"),
        (["formats: html,pdf"], "tally.yaml:1: formats: unknown format 'pdf' (use html, csv, md, json)"),
        (["stuck_after: 6 hours"], "tally.yaml:1: stuck_after: '6 hours' is not a duration (e.g. 90m, 6h, 2d)"),
        (["out: reports/%Q"], "tally.yaml:1: out: --out 'reports/%Q': unknown directive %Q (use %Y %m %d %H %M %S %G %V %%)"),
        (["- a.sqlite"], "tally.yaml:1: expected a mapping of settings (key: value), found a list"),
        (["out: [unclosed"], "tally.yaml:2: YAML syntax error: did not find expected ',' or ']'"),
        (["plan: a.yaml", "plan: b.yaml"], "tally.yaml:1: duplicate key(s) 'plan' in one mapping"),
    ]

    @Test(arguments: errors) func badConfigIsOneLocatedLine(lines: [String], expected: String) throws {
        let error = try #require(ConfigFixture.error(lines))
        #expect(error.lines == [expected])
        #expect(error.exitStatus == .dataError)
    }

    /// (unknown key, suggested key): command-line spellings lead to the config key.
    @Test(arguments: [
        ("tz", "timezone"), ("csv-bom", "csv_bom"), ("format", "formats"), ("user", "users"),
        ("stuck-after", "stuck_after"), ("output", "out"), ("source", "sources"), ("log-format", "log_format"),
    ])
    func unknownKeySuggestsTheConfigKey(key: String, suggested: String) throws {
        let error = try #require(ConfigFixture.error(["\(key): x"])?.problems.first)
        #expect(error.line == 1)
        #expect(error.message.hasPrefix("unknown key '\(key)'; did you mean '\(suggested)'?"))
    }

    @Test func farOffKeyGetsNoSuggestion() throws {
        let error = try #require(ConfigFixture.error(["colour: blue"])?.problems.first)
        #expect(error.message.hasPrefix("unknown key 'colour' (keys: "))
    }

    @Test func loadResolvesPathsAgainstTheFilesDirectory() throws {
        let path = try ConfigFixture.write("sources: [h.sqlite]\nout: out/%Y\n", subdirectory: "etc%dir")
        let config = try ConfigLoader.load(path: path)
        let directory = (path as NSString).deletingLastPathComponent
        #expect(config.sources == [directory + "/h.sqlite"])
        // The directory's own '%' is escaped so that only the config's pattern is expanded.
        #expect(config.out == directory.replacingOccurrences(of: "%", with: "%%") + "/out/%Y")
    }

    @Test func missingFileIsCannotOpen() throws {
        #expect(throws: TallyError.cannotOpen(file: "/nonexistent/tally.yaml", message: "no such config file")) {
            try ConfigLoader.load(path: "/nonexistent/tally.yaml")
        }
    }

    @Test func configPathComesFromTheFlagThenTheEnvironment() {
        let environment = ["TALLY_CONFIG": "/etc/tally.yaml"]
        #expect(ConfigLoader.path(flag: "mine.yaml", environment: environment) == "mine.yaml")
        #expect(ConfigLoader.path(flag: nil, environment: environment) == "/etc/tally.yaml")
        #expect(ConfigLoader.path(flag: nil, environment: ["TALLY_CONFIG": ""]) == nil)
        #expect(ConfigLoader.path(flag: nil, environment: [:]) == nil)
    }
}
