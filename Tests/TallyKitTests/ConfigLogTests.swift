import Foundation
import Logging
import Synchronization
import Testing
@testable import TallyKit

/// Log lines captured from a `LineLogHandler`.
final class CapturedLines: Sendable {
    private let lines = Mutex<[String]>([])

    /// Appends one written chunk.
    func append(_ text: String) { lines.withLock { $0.append(text) } }

    /// Everything written so far.
    var all: [String] { lines.withLock { $0 } }
}

@Suite struct ConfigLogTests {
    static func logger(_ settings: LogSettings, isTerminal: Bool = false) -> (Logger, CapturedLines) {
        let captured = CapturedLines()
        return (settings.makeLogger(isTerminal: isTerminal) { captured.append($0) }, captured)
    }

    static func parse(_ line: String) throws -> [String: String] {
        #expect(line.hasSuffix("\n"))
        #expect(line.dropLast().contains("\n") == false)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(object as? [String: String])
    }

    @Test func jsonLogLinesParseAsJSON() throws {
        let (logger, captured) = Self.logger(LogSettings(level: .info, format: .json))
        logger.info("source read", metadata: ["source": "/data/\"odd\"\nname\t\u{1}.sqlite", "rows": "90"])
        logger.warning("skipped row", metadata: ["reason": "bad timestamp: 'é→'"])
        logger.debug("not shown")
        #expect(captured.all.count == 2)
        var first = try Self.parse(captured.all[0])
        #expect(first.removeValue(forKey: "run") == LineLogHandler.runID)
        #expect(first.removeValue(forKey: "ts")?.wholeMatch(of: Self.rfc3339) != nil)
        #expect(first == ["level": "info", "message": "source read", "source": "/data/\"odd\"\nname\t\u{1}.sqlite", "rows": "90"])
        #expect(captured.all[0].hasPrefix("{\"ts\":\""), "ts comes first, for people reading the raw log")
        let second = try Self.parse(captured.all[1])
        #expect(second["reason"] == "bad timestamp: 'é→'")
    }

    @Test func runSummaryIsOneJSONLine() throws {
        let (logger, captured) = Self.logger(LogSettings(format: .json), isTerminal: true)
        let period = ReportPeriod(
            from: Instant(seconds: 0), to: Instant(seconds: 86_400), label: "1970-01-01", zoneID: "UTC",
            asOf: Instant(seconds: 86_400), previousFrom: Instant(seconds: -86_400), previousTo: Instant(seconds: 0))
        let outcome = ReportOutcome(
            directory: "/srv/reports/1970-01", files: [
                ("usage.html", 1200), ("stats/u1.json", 40), ("invoices/b.html", 700), ("jobs.csv", 300), ("invoices/a.html", 500),
            ],
            period: period, sources: [SourceRead(name: "a.sqlite", format: "sqlite", rows: 7), SourceRead(name: "b.ndjson", format: "json", rows: 5)],
            skippedRows: 2, duplicatesMerged: 1, customers: 3, invoices: 3)
        RunSummary.log(outcome, logger: logger)
        let line = try Self.parse(try #require(captured.all.first))
        #expect(line["message"] == "run summary")
        #expect(line["sources"] == "a.sqlite:7,b.ndjson:5")
        #expect(line["rows"] == "12")
        #expect(line["skipped"] == "2")
        #expect(line["merged"] == "1")
        #expect(line["customers"] == "3")
        #expect(line["invoices"] == "3")
        #expect(line["files"] == "jobs.csv:300,usage.html:1200", "subfolders are summarised, not listed")
        #expect(line["stats_files"] == "1")
        #expect(line["stats_bytes"] == "40")
        #expect(line["invoices_files"] == "2")
        #expect(line["invoices_bytes"] == "1200")
        #expect(line["bytes"] == "2740")
    }

    /// An RFC 3339 UTC timestamp with milliseconds.
    static var rfc3339: Regex<Substring> { #/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/# }

    @Test func textLinesAreStampedOffATerminal() throws {
        let (cron, underCron) = Self.logger(LogSettings(level: .info), isTerminal: false)
        let (terminal, onTerminal) = Self.logger(LogSettings(level: .info), isTerminal: true)
        for logger in [cron, terminal] {
            logger.info("scan done", metadata: ["seconds": "0.175"])
            logger.error("boom")
        }
        #expect(onTerminal.all == ["tally: info: scan done seconds=0.175\n", "tally: error: boom\n"])
        #expect(underCron.all.count == 2)
        for (line, rest) in zip(underCron.all, onTerminal.all) {
            let match = try #require(line.wholeMatch(of: #/(\S+) \[([0-9a-f]{8})\] (.*\n)/#), "\(line)")
            #expect(match.1.wholeMatch(of: Self.rfc3339) != nil)
            #expect(match.2 == LineLogHandler.runID)
            #expect(match.3 == rest)
        }
    }

    @Test func timestampSettingOverridesTheTerminal() {
        let (always, onTerminal) = Self.logger(LogSettings(level: .info, timestamps: .always), isTerminal: true)
        let (never, underCron) = Self.logger(LogSettings(level: .info, timestamps: .never), isTerminal: false)
        always.info("a")
        never.info("b")
        #expect(onTerminal.all.first?.contains(" [\(LineLogHandler.runID)] tally: info: a") == true)
        #expect(underCron.all == ["tally: info: b\n"])
        let config = TallyConfig(file: "t.yaml", logTimestamps: .never)
        #expect(LogSettings().over(config).timestamps == .never)
        #expect(LogSettings(timestamps: .always).over(config).timestamps == .always)
    }

    @Test func timestampsAreRFC3339UTC() {
        #expect(LogTimestamp.format(seconds: 1_795_914_900, milliseconds: 7) == "2026-11-29T01:15:00.007Z")
        #expect(LogTimestamp.format(seconds: 0, milliseconds: 999) == "1970-01-01T00:00:00.999Z")
        #expect(LogTimestamp.now().wholeMatch(of: Self.rfc3339) != nil)
        #expect(LineLogHandler.runID.wholeMatch(of: #/[0-9a-f]{8}/#) != nil)
    }

    @Test func levelDefaultsFollowTheTerminal() {
        let (terminal, onTerminal) = Self.logger(LogSettings(), isTerminal: true)
        let (cron, underCron) = Self.logger(LogSettings(), isTerminal: false)
        for logger in [terminal, cron] { logger.info("period") }
        #expect(onTerminal.all == ["tally: info: period\n"])
        #expect(underCron.all.isEmpty)
    }
}
