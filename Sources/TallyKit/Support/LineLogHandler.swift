import Foundation
import Logging

/// A swift-log handler writing one line per message to standard error.
///
/// `text`: `tally: warning: message key=value…`; `json`: one JSON object a line
/// (`{"level":"warning","message":"…","key":"value"}`) for log shippers. No
/// timestamps: cron and journald add their own, and output stays reproducible.
package struct LineLogHandler: LogHandler {
    /// Output formats.
    package enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    package var logLevel: Logger.Level
    package var metadata: Logger.Metadata = [:]
    private let format: Format
    private let write: @Sendable (String) -> Void

    /// A handler at `level` in `format`, writing lines with `write` (stderr by default).
    package init(level: Logger.Level, format: Format, write: @escaping @Sendable (String) -> Void = LineLogHandler.standardError) {
        self.logLevel = level
        self.format = format
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
            write("tally: \(event.level): \(event.message)\(pairs)\n")
        case .json:
            var line = "{\"level\":\(JSONText.quoted(event.level.rawValue)),\"message\":\(JSONText.quoted(event.message.description))"
            for key in keys { line += ",\(JSONText.quoted(key)):\(JSONText.quoted(all[key]!.description))" }
            write(line + "}\n")
        }
    }

    /// Writes a string to standard error, unbuffered.
    package static let standardError: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data(text.utf8))
    }
}
