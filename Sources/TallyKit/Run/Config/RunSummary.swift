import Logging

/// The one info line that closes a successful `tally report` run.
package enum RunSummary {
    /// Logs rows read per source, skipped and merged rows, customers, invoices and files written.
    ///
    /// Lists are `name:count` pairs joined by commas, so text logs keep one `=` per field.
    /// `files` lists the top-level files with their sizes; each subfolder (`invoices/`,
    /// `stats/`) gets `<folder>_files` and `<folder>_bytes` instead of one entry per file.
    package static func log(_ outcome: ReportOutcome, logger: Logger) {
        let written = WrittenFiles(outcome.files, counted: outcome.countedFolders)
        var metadata: Logger.Metadata = [
            "period": "\(outcome.period.label)",
            "directory": "\(outcome.directory)",
            "sources": "\(outcome.sources.map { "\($0.name):\($0.rows)" }.joined(separator: ","))",
            "rows": "\(outcome.sources.reduce(Int64(0)) { $0 + $1.rows })",
            "skipped": "\(outcome.skippedRows)",
            "merged": "\(outcome.duplicatesMerged)",
            "customers": "\(outcome.customers)",
            "invoices": "\(outcome.invoices)",
            "files": "\(written.topLevelList)",
            "stats_files": "0",
            "bytes": "\(outcome.files.reduce(0) { $0 + $1.bytes } + outcome.countedFolders.reduce(0) { $0 + $1.bytes })",
        ]
        for folder in written.folders {
            metadata[folder.name + "_files"] = "\(folder.files)"
            metadata[folder.name + "_bytes"] = "\(folder.bytes)"
        }
        logger.info("run summary", metadata: metadata)
    }
}
