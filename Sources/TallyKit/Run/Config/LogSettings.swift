import Foundation
import Logging

/// Log level, format and timestamps for a run: command-line flags over the config file over the defaults.
package struct LogSettings: Sendable, Equatable {
    /// `--log-level` / `log_level`; `nil`: info on a terminal, warning otherwise.
    package var level: Logger.Level?
    /// `--log-format` / `log_format`; `nil`: text.
    package var format: LineLogHandler.Format?
    /// `--log-timestamps` / `log_timestamps`; `nil`: auto (stamped when stderr is not a terminal).
    package var timestamps: LineLogHandler.Timestamps?
    /// `--quiet`: errors only, whatever the level says.
    package var quiet: Bool

    /// Makes settings; every value optional.
    package init(
        level: Logger.Level? = nil, format: LineLogHandler.Format? = nil, timestamps: LineLogHandler.Timestamps? = nil,
        quiet: Bool = false
    ) {
        self.level = level
        self.format = format
        self.timestamps = timestamps
        self.quiet = quiet
    }

    /// These settings with unset values taken from `config`.
    package func over(_ config: TallyConfig?) -> LogSettings {
        LogSettings(
            level: level ?? config?.logLevel, format: format ?? config?.logFormat,
            timestamps: timestamps ?? config?.logTimestamps, quiet: quiet)
    }

    /// The level in force: `--quiet` wins, then the set level, then the terminal-dependent default.
    package func effectiveLevel(isTerminal: Bool) -> Logger.Level {
        quiet ? .error : (level ?? (isTerminal ? .info : .warning))
    }

    /// A logger writing lines with `write` (standard error by default).
    package func makeLogger(
        isTerminal: Bool = isatty(2) != 0, write: @escaping @Sendable (String) -> Void = LineLogHandler.standardError
    ) -> Logger {
        let level = effectiveLevel(isTerminal: isTerminal)
        let format = format ?? .text
        let stamped = (timestamps ?? .auto).stamps(isTerminal: isTerminal)
        return Logger(label: "tally") { _ in LineLogHandler(level: level, format: format, stamped: stamped, write: write) }
    }
}
