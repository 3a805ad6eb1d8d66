import ArgumentParser
import Foundation
import Logging
import TallyKit

/// The history inputs every command reads.
struct SourceOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "History files: SQLite databases or JSON exports (array, NDJSON, jobs page, full dump), gzip allowed; '-' reads standard input; a PostgreSQL database by its address (postgresql://USER@HOST/DB, postgres://..., service=NAME).",
        valueName: "source"),
        completion: .file())
    var sources: [String] = []
}

/// How the sources are read: strictly or not, by how many threads.
struct ScanFlags: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Treat any skipped row as fatal (exit 65) instead of a counted warning (default: --no-strict).")
    var strict: Bool?

    @Flag(help: "Count an NDJSON source's last line that is cut short (no newline, unfinished JSON: a file still being written) as a skipped row instead of failing (exit 65).")
    var lenient = false

    @Option(name: .customLong("jobs"), help: ArgumentHelp("Threads reading the sources (default: the number of cores).", valueName: "n"))
    var parallelism: Int?

    @Flag(help: "Let PostgreSQL compute the numbers (GROUP BY in the database; one PostgreSQL source; stats needs --all-users). Same output as streaming.")
    var pushDown = false

    func validate() throws {
        if let parallelism, parallelism < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}

/// Logging flags shared by every command.
struct LoggingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Least severe log level shown (default: info on a terminal, warning otherwise).", valueName: "level"))
    var logLevel: Logger.Level?

    @Option(help: ArgumentHelp("Log line format; json writes one JSON object a line, with ts and run (default: text).", valueName: "format"))
    var logFormat: LineLogHandler.Format?

    @Option(help: ArgumentHelp("Start text log lines with the UTC time (RFC 3339) and the run id: auto (when stderr is not a terminal), always or never (default: auto).", valueName: "when"))
    var logTimestamps: LineLogHandler.Timestamps?

    @Flag(help: "Silence warnings; only errors are logged.")
    var quiet = false

    /// The settings these flags give (a config file may fill in what is unset).
    var settings: LogSettings {
        LogSettings(level: logLevel, format: logFormat, timestamps: logTimestamps, quiet: quiet)
    }

    /// A logger configured from these options alone.
    func makeLogger() -> Logger { settings.makeLogger() }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
extension LineLogHandler.Format: ExpressibleByArgument {}
extension LineLogHandler.Timestamps: ExpressibleByArgument {}
