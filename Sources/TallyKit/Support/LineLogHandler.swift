import Foundation
import Logging

/// A swift-log handler writing one line per message to standard error.
///
/// `text`: `tally: warning: message key=value…`, prefixed with an RFC 3339 UTC
/// timestamp and the run id (`2026-11-30T01:15:00.123Z [1f0c9a7e] tally: …`) when
/// `stamped`; `json`: one JSON object a line, always with `ts` and `run`
/// (`{"ts":"…","run":"…","level":"warning","message":"…","key":"value"}`) for log
/// shippers. The level check happens before any formatting (swift-log calls
/// `log(event:)` only for events at or above `logLevel`), so a quiet run pays nothing.
package struct LineLogHandler: LogHandler {
    /// Output formats.
    package enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    /// Whether text lines start with a timestamp and the run id.
    package enum Timestamps: String, Sendable, CaseIterable {
        /// When standard error is not a terminal (cron, systemd, a log file).
        case auto
        case always
        case never

        /// Whether lines are stamped when standard error is (`isTerminal`) or is not a terminal.
        package func stamps(isTerminal: Bool) -> Bool {
            switch self {
            case .auto: return !isTerminal
            case .always: return true
            case .never: return false
            }
        }
    }

    package var logLevel: Logger.Level
    package var metadata: Logger.Metadata = [:]
    private let format: Format
    private let stamped: Bool
    private let write: @Sendable (String) -> Void

    /// A handler at `level` in `format`, writing lines with `write` (stderr by default);
    /// `stamped` text lines start with the time and the run id (JSON lines always carry both).
    package init(
        level: Logger.Level, format: Format, stamped: Bool = false,
        write: @escaping @Sendable (String) -> Void = LineLogHandler.standardError
    ) {
        self.logLevel = level
        self.format = format
        self.stamped = stamped
        self.write = write
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line for the event, metadata keys sorted.
    package func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { $1 } }
        let keys = all.keys.sorted()
        switch format {
        case .text:
            let pairs = keys.map { " \($0)=\(all[$0]!)" }.joined()
            let prefix = stamped ? "\(LogTimestamp.now()) [\(Self.runID)] " : ""
            write("\(prefix)tally: \(event.level): \(event.message)\(pairs)\n")
        case .json:
            var line = "{\"ts\":\"\(LogTimestamp.now())\",\"run\":\"\(Self.runID)\""
            line += ",\"level\":\(JSONText.quoted(event.level.rawValue)),\"message\":\(JSONText.quoted(event.message.description))"
            for key in keys { line += ",\(JSONText.quoted(key)):\(JSONText.quoted(all[key]!.description))" }
            write(line + "}\n")
        }
    }

    /// The id every log line of this process carries: 8 random hex digits, new for each run,
    /// so that the lines of one run can be picked out of a shared log file.
    package static let runID: String = {
        let hex = String(UInt32.random(in: .min ... .max), radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }()

    /// Writes a string to standard error, unbuffered.
    package static let standardError: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data(text.utf8))
    }
}
