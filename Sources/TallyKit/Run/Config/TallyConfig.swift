import Foundation
import Logging

/// What a config file (`--config FILE`, `TALLY_CONFIG`) sets for `tally report`.
///
/// Every field is optional: an absent key leaves the decision to the command line
/// or the default. Paths are already resolved against the config file's directory.
package struct TallyConfig: Sendable, Equatable {
    /// The config file as given.
    package var file: String
    /// `sources`: history files (replaced as a whole by sources on the command line).
    package var sources: [String]?
    /// `out`: the output directory, possibly a strftime pattern (`reports/%Y-%m`).
    package var out: String?
    /// `timezone`: IANA zone of the period boundaries.
    package var timezone: String?
    /// `plan`: a plan file; invoices are written when set.
    package var plan: String?
    /// `ledger`: the ledger recording final invoices.
    package var ledger: String?
    /// `fail_on_restatement`: exit 1 rather than issue an adjustment note.
    package var failOnRestatement: Bool?
    /// `templates`: a directory of template overrides.
    package var templates: String?
    /// `formats`: the formats to write.
    package var formats: Set<ReportFormat>?
    /// `csv_bom`: start CSV files with a UTF-8 byte-order mark.
    package var csvBOM: Bool?
    /// `paper`: `a4` or `letter`, the printed size of the HTML pages.
    package var paper: PaperSize?
    /// `stuck_after`: pending or processing longer than this is stuck (microseconds).
    package var stuckAfterMicros: Int64?
    /// `users`: customers to report on, by id or email.
    package var users: [String]?
    /// `log_level`: least severe level logged.
    package var logLevel: Logger.Level?
    /// `log_format`: `text` or `json`.
    package var logFormat: LineLogHandler.Format?
    /// `log_timestamps`: `auto`, `always` or `never`.
    package var logTimestamps: LineLogHandler.Timestamps?
    /// `jobs`: threads reading the sources.
    package var jobs: Int?
    /// `strict`: any skipped row is fatal.
    package var strict: Bool?
    /// `private`: output files with mode 0600.
    package var `private`: Bool?
    /// `push_down`: let PostgreSQL compute the tallies.
    package var pushDown: Bool?

    /// Every key a config file may have, in documentation order.
    package static let keys = [
        "sources", "out", "timezone", "plan", "ledger", "fail_on_restatement", "templates", "formats", "csv_bom", "paper",
        "stuck_after", "users", "log_level", "log_format", "log_timestamps", "jobs", "strict", "private",
        "push_down",
    ]

    /// Command-line spellings that are not near their key by edit distance.
    static let aliases = [
        "tz": "timezone", "zone": "timezone", "time_zone": "timezone", "output": "out", "out_dir": "out",
        "output_dir": "out", "directory": "out", "plan_file": "plan", "ledger_file": "ledger", "template": "templates",
        "template_dir": "templates", "threads": "jobs", "parallelism": "jobs", "bom": "csv_bom",
    ]

    /// The valid key a misspelt `key` most likely means, if any.
    package static func suggestion(for key: String) -> String? {
        let normalized = key.lowercased().replacingOccurrences(of: "-", with: "_")
        if let alias = aliases[normalized] { return alias }
        if keys.contains(normalized) { return normalized }
        return Spelling.nearest(to: normalized, in: keys)
    }
}
