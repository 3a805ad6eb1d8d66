/// Everything `tally report` was asked to do. "Now", the zone and the period are inputs.
package struct ReportRequest: Sendable {
    /// Source paths (`-` is standard input).
    package var sources: [String]
    /// The output directory (after strftime expansion; see `OutputPathPattern`).
    package var outDirectory: String
    /// The period; `nil` means `this-month`.
    package var period: PeriodSpec?
    /// IANA zone id; `nil`: the plan's `timezone`, else UTC.
    package var zoneID: String?
    /// "Now": relative periods, active and stuck jobs, the generated-at line.
    package var asOf: Instant
    /// Customers to report on, by id or email (empty: everyone).
    package var users: [String]
    /// A directory whose templates override the built-in ones by file name.
    package var templatesDirectory: String?
    /// The formats to write.
    package var formats: Set<ReportFormat>
    /// Prefix CSV files with a UTF-8 byte-order mark (for Excel).
    package var csvBOM: Bool
    /// `--paper`: the printed size of the HTML pages.
    package var paper: PaperSize = .a4
    package var strict: Bool
    /// A cut-short last NDJSON line is a counted skip (`--lenient`), not an error.
    package var lenient = false
    /// Let the database compute the tallies (`--push-down`: one PostgreSQL source, no plan).
    package var pushDown = false
    package var parallelism: Int
    /// Jobs pending or processing longer than this are stuck (microseconds).
    package var stuckAfterMicros: Int64
    /// A plan file: when set, invoices are written too.
    package var planPath: String?
    /// The ledger recording final invoices (`--ledger`); none: final invoices are not recorded.
    package var ledgerPath: String?
    /// Exit 1, writing nothing, when a final invoice would need an adjustment note.
    package var failOnRestatement = false
    /// Output file mode (0644, or 0600 for `--private`).
    package var fileMode: UInt32
    /// Draw a progress line on stderr while reading (the command line sets it when stderr is a terminal).
    package var showProgress = false

    /// Makes a request with the documented defaults.
    package init(
        sources: [String], outDirectory: String, period: PeriodSpec? = nil, zoneID: String? = nil, asOf: Instant,
        users: [String] = [], templatesDirectory: String? = nil, formats: Set<ReportFormat> = Set(ReportFormat.allCases),
        csvBOM: Bool = false, strict: Bool = false, parallelism: Int = 1, stuckAfterMicros: Int64 = 6 * 3_600_000_000,
        planPath: String? = nil, fileMode: UInt32 = 0o644
    ) {
        self.sources = sources
        self.outDirectory = outDirectory
        self.period = period
        self.zoneID = zoneID
        self.asOf = asOf
        self.users = users
        self.templatesDirectory = templatesDirectory
        self.formats = formats
        self.csvBOM = csvBOM
        self.strict = strict
        self.parallelism = parallelism
        self.stuckAfterMicros = stuckAfterMicros
        self.planPath = planPath
        self.fileMode = fileMode
    }
}

/// What a report run wrote, for the run summary.
package struct ReportOutcome: Sendable {
    /// The directory the report is in.
    package var directory: String
    /// Files written (relative names) and their sizes in bytes.
    package var files: [(name: String, bytes: Int)]
    /// The period that was reported.
    package var period: ReportPeriod
    /// Rows read per source.
    package var sources: [SourceRead]
    package var skippedRows: Int64
    package var duplicatesMerged: Int64
    package var customers: Int
    package var invoices: Int
    /// Folders whose files were counted rather than listed (the billing pages, unless logging at debug).
    package var countedFolders: [WrittenFiles.Folder] = []
}
