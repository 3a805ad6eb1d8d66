/// The one pass of `tally report`: usage analytics and per-user endpoint stats together.
public struct ReportAccumulator: Accumulator {
    public var usage: UsageAccumulator
    public var stats: EndpointStatsAccumulator

    /// Both aggregates, empty.
    public init(usage: UsageAccumulator, stats: EndpointStatsAccumulator) {
        self.usage = usage
        self.stats = stats
    }

    /// Gives a job to both aggregates.
    public mutating func add(_ job: JobRecord) {
        usage.add(job)
        stats.add(job)
    }

    /// Gives a document to the usage aggregate (stats count jobs only).
    public mutating func add(_ document: DocumentRecord) {
        usage.add(document)
    }

    /// Removes the usage part's temporary files.
    public func discard() {
        usage.discard()
    }

    /// Folds in a later shard.
    public mutating func merge(_ later: ReportAccumulator) {
        usage.merge(later.usage)
        stats.merge(later.stats)
    }
}
