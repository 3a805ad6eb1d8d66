/// How a scan of the sources runs.
public struct ScanOptions: Sendable {
    /// What to read (kinds, owner of unowned records).
    public var read: ReadOptions
    /// How many shards to read at once (1 is single-threaded).
    public var parallelism: Int
    /// Whether a skipped row is fatal (`--strict`, exit 65).
    public var strict: Bool
    /// Whether to merge rows that share an id. `nil`: only when it can happen
    /// (more than one source, or any JSON source; a SQLite `id` is a primary key).
    public var deduplicate: Bool?
    /// Counts rows read for a progress display, when set.
    public var progress: ScanProgress?

    /// Makes scan options.
    public init(
        read: ReadOptions = ReadOptions(), parallelism: Int = 1, strict: Bool = false, deduplicate: Bool? = nil,
        progress: ScanProgress? = nil
    ) {
        self.read = read
        self.parallelism = max(1, parallelism)
        self.strict = strict
        self.deduplicate = deduplicate
        self.progress = progress
    }
}

/// What a scan produced: the merged aggregate, the users and the diagnostics.
public struct ScanResult<Aggregate: Accumulator>: Sendable {
    public var aggregate: Aggregate
    public var users: UserDirectory
    public var diagnostics: ScanDiagnostics
}
