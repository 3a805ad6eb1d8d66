/// Finds ids read more than once and picks the row that wins for each.
enum DuplicateFinder {
    /// The fingerprints that occur more than once in `all` (job and document ids of every shard), sorting `all`.
    ///
    /// Memory: 8 bytes per row (the array, sorted in place), the one part of tally
    /// that grows with the number of rows, and only when deduplication is needed
    /// (several sources, or JSON).
    static func repeated(in all: inout [RecordFingerprint]) -> Set<RecordFingerprint> {
        all.sort()
        var repeated: Set<RecordFingerprint> = []
        var i = 1
        while i < all.count {
            if all[i] == all[i - 1] { repeated.insert(all[i]) }
            i += 1
        }
        return repeated
    }

    /// The winning row of each id among held rows, in reading order, and how many rows were merged away per kind.
    ///
    /// A job with the latest `updated_at` wins (a row with one beats a row without);
    /// otherwise, and for documents, the last one read wins.
    static func resolve(_ held: [HeldRecord]) -> (winners: [HeldRecord], merged: [RecordKind: Int64]) {
        var best: [String: HeldRecord] = [:]
        var merged: [RecordKind: Int64] = [:]
        for candidate in held {
            let key = Self.key(candidate.record)
            guard let current = best[key] else {
                best[key] = candidate
                continue
            }
            merged[kind(candidate.record), default: 0] += 1
            if beats(candidate, current) { best[key] = candidate }
        }
        let winners = best.values.sorted { ($0.order.shard, $0.order.sequence) < ($1.order.shard, $1.order.sequence) }
        return (winners, merged)
    }

    private static func beats(_ a: HeldRecord, _ b: HeldRecord) -> Bool {
        if case .job(let x) = a.record, case .job(let y) = b.record, x.updatedAt != y.updatedAt {
            guard let xu = x.updatedAt else { return false }
            guard let yu = y.updatedAt else { return true }
            return xu > yu
        }
        return (a.order.shard, a.order.sequence) > (b.order.shard, b.order.sequence)
    }

    private static func key(_ record: HistoryRecord) -> String {
        switch record {
        case .job(let j): return "j" + j.id
        case .document(let d): return "d" + d.id
        case .user(let u): return "u" + u.id
        }
    }

    private static func kind(_ record: HistoryRecord) -> RecordKind {
        switch record {
        case .job: return .job
        case .document: return .document
        case .user: return .user
        }
    }
}
