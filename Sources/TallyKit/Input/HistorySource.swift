/// Receives the records of a source in the order they are read.
///
/// Sources call `visit` for every usable record and `skip` for every row they
/// could not use; either may throw to stop the read (`--strict`, cancellation).
public protocol RecordVisitor {
    /// One usable record and where it came from.
    mutating func visit(_ record: consuming HistoryRecord, at location: RecordLocation) throws
    /// One unusable row.
    mutating func skip(_ skipped: SkippedRecord) throws
}

/// What a read needs, so sources can skip work nobody uses.
public struct ReadOptions: Sendable, Equatable {
    /// Which kinds of record to deliver.
    public var kinds: Set<RecordKind>
    /// The owner of jobs and documents whose `user_id` key is absent (an API
    /// export is one user's). A `user_id` that is present and `null` stays anonymous.
    public var ownerOfUnownedRecords: String?
    /// Whether jobs need `modelName` and `errorMessage`; when false a reader may
    /// leave them `nil` and skip reading them (`tally stats` uses neither).
    public var jobDetails: Bool
    /// Whether documents need `title` and `jobID`; when false a reader may leave
    /// them `nil` (no report reads either: a document finds its job through `job`).
    public var documentDetails: Bool
    /// Whether documents need their `id`; when false a reader may leave it empty
    /// (still skipping rows without one). Only deduplication reads document ids.
    public var documentIDs = true
    /// Whether the last line of an NDJSON file may be cut short (no newline and its JSON
    /// unfinished, as a file still being written or cut by a full disk leaves it): a counted
    /// skip (`--lenient`). When false it is fatal (bad data): the file is not whole.
    public var lenient = false
    /// When set, only one user's endpoint stats are wanted (`tally stats --user`):
    /// a source may deliver just the jobs the filter names, read through an index.
    package var onlyJobsFor: JobOwnerFilter?
    /// When set, the database computed the aggregates of every usable row (`--push-down`):
    /// a source delivers users and only the rows its decoder would skip, for their diagnostics.
    package var onlySkippedRows = false

    /// Makes read options; by default every kind is read, with every field.
    public init(
        kinds: Set<RecordKind> = Set(RecordKind.allCases), ownerOfUnownedRecords: String? = nil, jobDetails: Bool = true,
        documentDetails: Bool = true
    ) {
        self.kinds = kinds
        self.ownerOfUnownedRecords = ownerOfUnownedRecords
        self.jobDetails = jobDetails
        self.documentDetails = documentDetails
    }
}

/// A history: a SQLite database, a JSON export, or any other store of the upstream's records.
///
/// Sources are values that can be read more than once (standard input is spooled
/// to a temporary file first), and can be split into shards read in parallel.
/// A source describes itself (`formatName`, `idsMayRepeat`, `shards(_:)`), so the
/// scan and the report never ask which concrete type it is.
public protocol HistorySource: Sendable {
    /// The name the user gave it (a path, or `-`), used in every message.
    var name: String { get }

    /// The format as the report's sources section names it, lowercase: `sqlite`, `json`.
    var formatName: String { get }

    /// Whether this source may hold the same job or document id more than once.
    ///
    /// A table whose `id` is its primary key cannot (false); a JSON export can
    /// (true). The scan merges rows sharing an id, keeping the latest, when any
    /// source says true or when several sources are read together. Shards of a
    /// source that says false never share an id.
    var idsMayRepeat: Bool { get }

    /// Reads the records, in source order, into `visitor`.
    ///
    /// - Throws: `TallyError.cannotOpen` when the file is unreadable or not a
    ///   history; `TallyError.badData` when its syntax breaks mid-way.
    func read(_ options: ReadOptions, into visitor: inout some RecordVisitor) throws

    /// Splits the source into at most `count` parts that together read exactly
    /// the same records. Sources that cannot split return `[self]`.
    func shards(_ count: Int) throws -> [any HistorySource]
}

extension HistorySource {
    /// Unless a source knows its ids are unique, the scan looks for repeats (the safe side).
    public var idsMayRepeat: Bool { true }

    /// A source that cannot split reads as one shard.
    public func shards(_ count: Int) throws -> [any HistorySource] { [self] }
}
