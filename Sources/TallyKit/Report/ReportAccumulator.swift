/// The one pass of `tally report`: usage analytics and per-user endpoint stats together.
public struct ReportAccumulator: Accumulator {
    public var usage: UsageAccumulator
    public var stats: EndpointStatsAccumulator

    /// Both aggregates, empty.
    public init(usage: UsageAccumulator, stats: EndpointStatsAccumulator) {
        self.usage = usage
        self.stats = stats
    }

    public mutating func add(_ job: JobRecord) {
        usage.add(job)
        stats.add(job)
    }

    public mutating func add(_ document: DocumentRecord) {
        usage.add(document)
    }

    public func discard() {
        usage.discard()
    }

    public mutating func merge(_ later: ReportAccumulator) {
        usage.merge(later.usage)
        stats.merge(later.stats)
    }
}
