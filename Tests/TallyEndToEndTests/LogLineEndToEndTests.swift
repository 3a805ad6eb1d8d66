import Foundation
import Testing

/// Log lines as a nightly run leaves them in a log file: off a terminal every text line
/// starts with an RFC 3339 UTC time and the run's id; JSON lines always carry `ts` and `run`.
@Suite struct LogLineEndToEndTests {
    let dir = TempDir()

    func history() -> String { dir.write("jobs.ndjson", ndjson([jobJSON()])) }

    @Test func textLinesOffATerminalCarryTimeAndRunID() throws {
        let before = Date()
        let (result, _) = try runReport([history()], out: dir("out"), ["--log-level", "info"])
        let lines = result.errorLines
        #expect(lines.count >= 5, "\(result.stderr)")
        var runs = Set<Substring>()
        for line in lines {
            let match = try #require(line.prefixMatch(of: #/(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) \[([0-9a-f]{8})\] tally: info: /#), "\(line)")
            let stamp = try #require(ISO8601DateFormatter.withFraction.date(from: String(match.1)))
            #expect(stamp.timeIntervalSince(before) > -1 && stamp.timeIntervalSinceNow < 1, "\(match.1) is not now")
            runs.insert(match.2)
        }
        #expect(runs.count == 1, "one run, one id: \(runs)")
        #expect(result.messages.contains { $0.hasPrefix("tally: info: run summary ") })

        let (again, _) = try runReport([history()], out: dir("out"), ["--log-level", "info"])
        let next = try #require(again.errorLines.first?.prefixMatch(of: #/\S+ \[([0-9a-f]{8})\]/#))
        #expect(!runs.contains(next.1), "every run gets its own id")
    }

    @Test func neverLeavesTheLinesBare() throws {
        let (result, _) = try runReport([history()], out: dir("out"), ["--log-level", "info", "--log-timestamps", "never"])
        #expect(!result.errorLines.isEmpty)
        #expect(result.errorLines.allSatisfy { $0.hasPrefix("tally: info: ") }, "\(result.stderr)")
    }

    @Test func theConfigFileCanTurnThemOff() throws {
        let config = dir.write("tally.yaml", "log_timestamps: never\nlog_level: info\n")
        let (result, _) = try runReport([history()], out: dir("out"), ["--config", config])
        #expect(!result.errorLines.isEmpty)
        #expect(result.errorLines.allSatisfy { $0.hasPrefix("tally: info: ") }, "\(result.stderr)")
    }

    @Test func jsonLinesAlwaysCarryTimeAndRunID() throws {
        let (result, _) = try runReport([history()], out: dir("out"), ["--log-level", "info", "--log-format", "json", "--log-timestamps", "never"])
        #expect(!result.errorLines.isEmpty)
        var runs = Set<String>()
        for line in result.errorLines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], "\(line)")
            #expect(ISO8601DateFormatter.withFraction.date(from: object["ts"] ?? "") != nil, "\(line)")
            runs.insert(object["run"] ?? "")
        }
        #expect(runs.count == 1 && runs.first?.count == 8, "\(runs)")
    }
}

extension ISO8601DateFormatter {
    /// RFC 3339 with fractional seconds (`2026-11-30T01:15:00.123Z`).
    nonisolated(unsafe) static let withFraction: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
}
