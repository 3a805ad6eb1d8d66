/// Finds ids read more than once and picks the row that wins for each.
enum DuplicateFinder {
    /// The fingerprints of job and document ids that occur more than once across `shards`.
    ///
    /// Memory: 8 bytes per row while it runs (a sorted array of fingerprints), the
    /// one part of tally that grows with the number of rows, and only when
    /// deduplication is needed (several sources, or JSON).
    static func fingerprints(in shards: [any HistorySource], options: ScanOptions) throws -> Set<RecordFingerprint> {
        var kinds = options.read
        kinds.kinds.remove(.user)
        let read = kinds
        let perShard = try Parallel.map(shards.count, width: options.parallelism) { index in
            var collector = FingerprintCollector()
            try shards[index].read(read, into: &collector)
            return collector.fingerprints
        }
        var all = perShard.flatMap { $0 }
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

/// Collects the fingerprint of every job and document id a shard holds.
struct FingerprintCollector: RecordVisitor {
    var fingerprints: [RecordFingerprint] = []

    mutating func visit(_ record: HistoryRecord, at location: RecordLocation) throws {
        switch record {
        case .job(let job): fingerprints.append(RecordFingerprint(kind: .job, id: job.id))
        case .document(let document): fingerprints.append(RecordFingerprint(kind: .document, id: document.id))
        case .user: break
        }
    }

    mutating func skip(_ skipped: SkippedRecord) throws {}
}
