import ArgumentParser
import Foundation
import Logging
import TallyKit

/// The history inputs every command reads.
struct SourceOptions: ParsableArguments {
    @Argument(help: "History files: SQLite databases or JSON exports (array, NDJSON, jobs page, full dump), gzip allowed; '-' reads standard input.")
    var sources: [String]

    @Flag(help: "Treat any skipped row as fatal (exit 65) instead of a counted warning.")
    var strict = false

    @Option(name: .customLong("jobs"), help: "Threads reading the sources (default: the number of cores).")
    var parallelism: Int = TallyDefaults.parallelism

    func validate() throws {
        guard !sources.isEmpty else { throw ValidationError("give at least one SOURCE") }
        guard parallelism >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }
}

/// Logging flags shared by every command.
struct LoggingOptions: ParsableArguments {
    @Option(help: "Least severe log level shown: trace, debug, info, notice, warning, error, critical (default: info on a terminal, warning otherwise).")
    var logLevel: Logger.Level?

    @Option(help: "Log line format: text or json (one JSON object a line).")
    var logFormat: LineLogHandler.Format = .text

    @Flag(help: "Silence warnings; only errors are logged.")
    var quiet = false

    /// A logger configured from these options.
    func makeLogger() -> Logger {
        let level = quiet ? .error : (logLevel ?? (isatty(2) != 0 ? .info : .warning))
        let format = logFormat
        return Logger(label: "tally") { _ in LineLogHandler(level: level, format: format) }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
extension LineLogHandler.Format: ExpressibleByArgument {}
