import Logging

/// The one info line that closes a successful `tally report` run.
public enum RunSummary {
    /// Logs rows read per source, skipped and merged rows, customers, invoices and files written.
    ///
    /// Lists are `name:count` pairs joined by commas, so text logs keep one `=` per field.
    public static func log(_ outcome: ReportOutcome, logger: Logger) {
        let files = outcome.files.filter { !$0.name.hasPrefix("stats/") }.sorted { $0.name < $1.name }
        let stats = outcome.files.filter { $0.name.hasPrefix("stats/") }
        logger.info("run summary", metadata: [
            "period": "\(outcome.period.label)",
            "directory": "\(outcome.directory)",
            "sources": "\(outcome.sources.map { "\($0.name):\($0.rows)" }.joined(separator: ","))",
            "rows": "\(outcome.sources.reduce(Int64(0)) { $0 + $1.rows })",
            "skipped": "\(outcome.skippedRows)",
            "merged": "\(outcome.duplicatesMerged)",
            "customers": "\(outcome.customers)",
            "invoices": "\(outcome.invoices)",
            "files": "\(files.map { "\($0.name):\($0.bytes)" }.joined(separator: ","))",
            "stats_files": "\(stats.count)",
            "bytes": "\(outcome.files.reduce(0) { $0 + $1.bytes })",
        ])
    }
}
