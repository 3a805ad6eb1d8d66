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
        let first = try Self.parse(captured.all[0])
        #expect(first == ["level": "info", "message": "source read", "source": "/data/\"odd\"\nname\t\u{1}.sqlite", "rows": "90"])
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

    @Test func levelDefaultsFollowTheTerminal() {
        let (terminal, onTerminal) = Self.logger(LogSettings(), isTerminal: true)
        let (cron, underCron) = Self.logger(LogSettings(), isTerminal: false)
        for logger in [terminal, cron] { logger.info("period") }
        #expect(onTerminal.all == ["tally: info: period\n"])
        #expect(underCron.all.isEmpty)
    }
}
