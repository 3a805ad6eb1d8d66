/// How a scan of the sources runs.
package struct ScanOptions: Sendable {
    /// What to read (kinds, owner of unowned records).
    package var read: ReadOptions
    /// How many shards to read at once (1 is single-threaded).
    package var parallelism: Int
    /// Whether a skipped row is fatal (`--strict`, exit 65).
    package var strict: Bool
    /// Whether to merge rows that share an id. `nil`: only when it can happen
    /// (more than one source, or any source whose `idsMayRepeat`).
    package var deduplicate: Bool?
    /// Counts rows read for a progress display, when set.
    package var progress: ScanProgress?
    /// Checked every 4,096 rows (and at every skipped row) of every shard: a cancelled
    /// run's scan stops with `Interrupted`.
    package var cancellation: Cancellation?
    /// Called when the scan throws its first pass away (ids repeat, so the shards are
    /// read again), before the second: a run removes what it wrote for that pass.
    package var passDiscarded: (@Sendable () -> Void)?

    /// Makes scan options.
    package init(
        read: ReadOptions = ReadOptions(), parallelism: Int = 1, strict: Bool = false, deduplicate: Bool? = nil,
        progress: ScanProgress? = nil, cancellation: Cancellation? = nil, passDiscarded: (@Sendable () -> Void)? = nil
    ) {
        self.read = read
        self.parallelism = max(1, parallelism)
        self.strict = strict
        self.deduplicate = deduplicate
        self.progress = progress
        self.cancellation = cancellation
        self.passDiscarded = passDiscarded
    }
}

/// What a scan produced: the merged aggregate, the users and the diagnostics.
package struct ScanResult<Aggregate: Accumulator>: Sendable {
    package var aggregate: Aggregate
    package var users: UserDirectory
    package var diagnostics: ScanDiagnostics
}
