/// Reads every source into one mergeable aggregate: the read stage of every command.
///
/// Sources are split into shards (each source decides how: `HistorySource.shards`)
/// read on `parallelism` threads, each into its own accumulator, merged in shard
/// order. When ids can repeat (several sources, or one whose `idsMayRepeat`), the pass also collects a fingerprint of every id (8
/// bytes a row); if none repeats, that one pass is the result. Otherwise the
/// shards are read again holding back the rows whose fingerprint repeats, and
/// only the winner of each id (the latest `updated_at`, else the last one read)
/// is added, the rest counted.
package enum HistoryScan {
    /// Scans `sources` into accumulators made by `makeAccumulator`.
    ///
    /// - Throws: the sources' errors; `TallyError.badData` for a skipped row under `--strict`.
    package static func run<A: Accumulator>(
        _ sources: [any HistorySource], options: ScanOptions, makeAccumulator: @Sendable () -> A
    ) throws -> ScanResult<A> {
        var shards: [any HistorySource] = []
        for source in sources { shards += try source.shards(options.parallelism) }
        let deduplicate = options.deduplicate ?? (sources.count > 1 || sources.contains { $0.idsMayRepeat })
        var firstPass = options
        if !deduplicate { firstPass.read.documentIDs = false }  // a heap String per document nobody reads
        var outcomes = try pass(shards, options: firstPass, duplicates: [], collect: deduplicate, makeAccumulator)
        if deduplicate {
            var all: [RecordFingerprint] = []
            for k in outcomes.indices {
                all += outcomes[k].fingerprints ?? []
                outcomes[k].fingerprints = nil
            }
            let duplicates = DuplicateFinder.repeated(in: &all)
            if !duplicates.isEmpty {
                outcomes = []
                options.passDiscarded?()
                outcomes = try pass(shards, options: options, duplicates: duplicates, collect: false, makeAccumulator)
            }
        }

        // The first shard's aggregate is the base the others merge into (merging it into an
        // empty one copied every customer); each shard is let go once merged.
        outcomes.reverse()
        var aggregate = outcomes.last?.accumulator ?? makeAccumulator()
        var users = UserDirectory()
        var diagnostics = ScanDiagnostics()
        diagnostics.sourceOrder = sources.map(\.name)
        var held: [HeldRecord] = []
        var first = true
        while let outcome = outcomes.popLast() {
            if !first { aggregate.merge(outcome.accumulator) }
            first = false
            users.merge(outcome.users)
            diagnostics.merge(outcome.diagnostics)
            held += outcome.held
        }
        let (winners, merged) = DuplicateFinder.resolve(held)
        for winner in winners {
            switch winner.record {
            case .job(let job): aggregate.add(job)
            case .document(let document): aggregate.add(document)
            case .user(let user): users.add(user)
            }
        }
        for (kind, n) in merged { diagnostics.duplicatesMerged[kind, default: 0] += n }
        return ScanResult(aggregate: aggregate, users: users, diagnostics: diagnostics)
    }

    /// Reads every shard on `options.parallelism` threads into its own visitor.
    private static func pass<A: Accumulator>(
        _ shards: [any HistorySource], options: ScanOptions, duplicates: Set<RecordFingerprint>, collect: Bool,
        _ makeAccumulator: @Sendable () -> A
    ) throws -> [ShardVisitor<A>] {
        try Parallel.map(shards.count, width: options.parallelism) { index in
            var visitor = ShardVisitor(
                accumulator: makeAccumulator(), duplicates: duplicates, strict: options.strict, shard: index,
                progress: options.progress, cancellation: options.cancellation)
            if collect { visitor.fingerprints = [] }
            // Through `any HistorySource` the read is compiled for any visitor: every row went
            // through witness tables and value-witness copies. The concrete type lets the
            // compiler specialise the SQLite read for this visitor and accumulator.
            if let sqlite = shards[index] as? SQLiteSource {
                try sqlite.read(options.read, into: &visitor)
            } else {
                try shards[index].read(options.read, into: &visitor)
            }
            visitor.finish()
            return visitor
        }
    }
}

/// A row whose id may repeat, kept until every source has been read.
struct HeldRecord: Sendable {
    var record: HistoryRecord
    /// Reading order: shard index, then position within the shard.
    var order: (shard: Int, sequence: Int)
}

/// Feeds one shard's records to its accumulator, holding back possible duplicates.
struct ShardVisitor<A: Accumulator>: RecordVisitor, Sendable {
    var accumulator: A
    var users = UserDirectory()
    var diagnostics = ScanDiagnostics()
    var held: [HeldRecord] = []
    /// The fingerprint of every job and document id read, when collecting (`nil`: not).
    var fingerprints: [RecordFingerprint]?
    let duplicates: Set<RecordFingerprint>
    let strict: Bool
    let shard: Int
    let progress: ScanProgress?
    let cancellation: Cancellation?
    private var sequence = 0
    private var unreported: Int64 = 0
    /// Rows read from `countedSource` not yet in `diagnostics`, by `RecordKind` position:
    /// two dictionary look-ups per row were 1% of a scan.
    private var counted: (user: Int64, job: Int64, document: Int64) = (0, 0, 0)
    private var countedSource = ""

    init(
        accumulator: A, duplicates: Set<RecordFingerprint>, strict: Bool, shard: Int, progress: ScanProgress? = nil,
        cancellation: Cancellation? = nil
    ) {
        self.accumulator = accumulator
        self.duplicates = duplicates
        self.strict = strict
        self.shard = shard
        self.progress = progress
        self.cancellation = cancellation
    }

    /// Hands on what is still held back: row counts to `diagnostics`, progress to the display.
    mutating func finish() {
        flushCounts()
        flushProgress()
    }

    /// Hands rows counted since the last report to the progress display.
    mutating func flushProgress() {
        progress?.add(unreported)
        unreported = 0
    }

    mutating func visit(_ record: consuming HistoryRecord, at location: RecordLocation) throws {
        sequence += 1
        unreported += 1
        if unreported >= 65_536 { flushProgress() }
        // A relaxed atomic load every 4,096 rows: a signal stops the scan within
        // milliseconds (a debug build's second), at no measurable cost.
        if sequence & 4095 == 0 { try cancellation?.check() }
        switch consume record {
        case .user(let user):
            countRead(.user, location.source)
            users.add(user)
        case .job(let job):
            if let problem = RecordBounds.violation(job) { return try skip(outOfRange(.job, location, problem)) }
            countRead(.job, location.source)
            fingerprints?.append(RecordFingerprint(kind: .job, id: job.id))
            if isPossibleDuplicate(.job, job.id) { hold(.job(job)) } else { accumulator.add(job) }
        case .document(let document):
            if let problem = RecordBounds.violation(document) { return try skip(outOfRange(.document, location, problem)) }
            countRead(.document, location.source)
            fingerprints?.append(RecordFingerprint(kind: .document, id: document.id))
            if isPossibleDuplicate(.document, document.id) { hold(.document(document)) } else { accumulator.add(document) }
        }
    }

    /// The skip note of a row whose counter is outside `RecordBounds`.
    private func outOfRange(_ kind: RecordKind, _ location: RecordLocation, _ problem: String) -> SkippedRecord {
        SkippedRecord(location: location, kind: kind, reason: .counterOutOfRange, detail: problem)
    }

    mutating func skip(_ skipped: SkippedRecord) throws {
        try cancellation?.check()
        diagnostics.countSkip(skipped)
        if strict {
            throw TallyError.badData(
                file: skipped.location.source, location: skipped.location.positionDescription,
                message: "\(skipped.kind.rawValue) \(skipped.reason.rawValue)"
                    + (skipped.detail.isEmpty ? "" : " (\(skipped.detail))") + "; fatal under --strict")
        }
    }

    /// Counts a row read locally; a change of source hands the previous one's counts on first.
    @inline(__always)
    private mutating func countRead(_ kind: RecordKind, _ source: String) {
        if source != countedSource {
            flushCounts()
            countedSource = source
        }
        switch kind {
        case .user: counted.user += 1
        case .job: counted.job += 1
        case .document: counted.document += 1
        }
    }

    /// Adds the local row counts to `diagnostics` (`ScanDiagnostics.countRead`, in bulk).
    private mutating func flushCounts() {
        for (kind, n) in [(RecordKind.user, counted.user), (.job, counted.job), (.document, counted.document)] where n > 0 {
            diagnostics.rowsRead[countedSource, default: [:]][kind, default: 0] += n
        }
        counted = (0, 0, 0)
    }

    private func isPossibleDuplicate(_ kind: RecordKind, _ id: String) -> Bool {
        !duplicates.isEmpty && duplicates.contains(RecordFingerprint(kind: kind, id: id))
    }

    private mutating func hold(_ record: HistoryRecord) {
        held.append(HeldRecord(record: record, order: (shard, sequence)))
    }
}
