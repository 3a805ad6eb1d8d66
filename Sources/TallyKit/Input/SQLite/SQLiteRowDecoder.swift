import CSQLite3

/// Turns rows of the schema's SELECTs into records, sharing interned strings
/// across rows so repeated values allocate nothing.
///
/// The mapping is the JSON reader's: ids lowercased when UUIDs, NULL user_id
/// anonymous (an absent column means `ReadOptions.ownerOfUnownedRecords`), a
/// NULL counter zero and a non-integer one a skipped row.
struct SQLiteRowDecoder {
    private var userIDs = ByteInterner(lowercasesUUIDs: true)
    private var jobIDs = RecentIdentifier()
    private var types = ByteInterner(lowercasesUUIDs: false, capacity: 256)
    private var statuses = ByteInterner(lowercasesUUIDs: false, capacity: 256)
    private var sources = ByteInterner(lowercasesUUIDs: false, capacity: 256)
    private var mimeTypes = ByteInterner(lowercasesUUIDs: false, capacity: 1024)
    private var messages = ByteInterner(lowercasesUUIDs: false, capacity: 4096)
    /// The job joined to the previous document (documents of a job usually come together).
    private var lastJob: (rowid: Int64, context: JobContext)?
    /// Decodes the joined job columns.
    private var joinedJobs: JobContextDecoder
    /// How documents find their job when `SQLiteSchema.looksUpJobs` (no job columns in the scan).
    var jobLookup: SQLiteJobLookup?
    private let owner: String?
    private let jobsHaveUserID: Bool
    private let documentsHaveUserID: Bool
    /// Whether documents get `title` and `jobID` (`ReadOptions.documentDetails`).
    private let documentDetails: Bool
    /// The `processing_metadata` values of the current document, or `config`'s of the current job (storage reused across rows).
    private var metadata: [JSONTextFields.Value?] = []
    /// Whether documents get their `id` (`ReadOptions.documentIDs`); else it is empty.
    private let documentIDs: Bool

    /// Makes a decoder for one read of a database with `schema`.
    init(schema: SQLiteSchema, options: ReadOptions) {
        self.owner = options.ownerOfUnownedRecords
        self.jobsHaveUserID = schema.jobs.contains("user_id")
        self.documentsHaveUserID = schema.documents?.contains("user_id") ?? false
        self.documentDetails = options.documentDetails
        self.documentIDs = options.documentIDs
        self.joinedJobs = JobContextDecoder(schema: schema, options: options)
    }

    /// Columns of `SQLiteSchema.jobsSQL`.
    private enum Job {
        static let id: Int32 = 1, userID: Int32 = 2, jobType: Int32 = 3, status: Int32 = 4
        static let config: Int32 = 8, error: Int32 = 9, started: Int32 = 10, completed: Int32 = 11
        static let created: Int32 = 12, updated: Int32 = 13
    }

    /// The job in the current row of the jobs scan.
    mutating func job(_ row: SQLiteStatement) -> DecodedRow<HistoryRecord> {
        guard let id = identifier(row, Job.id) else { return .skip(.missingID, detail: "id: \(row.describe(Job.id))") }
        guard case .value(let createdAt) = row.instant(Job.created) else {
            return .skip(.badCreatedAt, detail: "created_at: \(row.describe(Job.created))")
        }
        let counts: (total: Int64, processed: Int64, failed: Int64)
        do {
            counts = (
                try row.count(5, "total_documents"), try row.count(6, "processed_count"),
                try row.count(7, "failed_count")
            )
        } catch {
            return .skip(.badCounter, detail: error.detail)
        }
        let times: (started: Instant?, completed: Instant?, updated: Instant?)
        do {
            times = (
                try row.checkedInstant(Job.started, "started_at"), try row.checkedInstant(Job.completed, "completed_at"),
                try row.checkedInstant(Job.updated, "updated_at")
            )
        } catch {
            return .skip(.badValue, detail: error.detail)
        }
        return .record(
            .job(JobRecord(
                id: id, userID: userID(row, Job.userID, columnPresent: jobsHaveUserID),
                jobType: Self.value(row, Job.jobType, &types) ?? "batch",
                status: Self.value(row, Job.status, &statuses) ?? "pending",
                totalDocuments: counts.total, processedCount: counts.processed, failedCount: counts.failed,
                modelName: model(row), errorMessage: message(row, Job.error),
                startedAt: times.started, completedAt: times.completed, createdAt: createdAt, updatedAt: times.updated)))
    }

    /// Columns of `SQLiteSchema.documentsSQL`.
    private enum Document {
        static let id: Int32 = 1, jobID: Int32 = 2, userID: Int32 = 3, title: Int32 = 4, source: Int32 = 5
        static let size: Int32 = 6, mime: Int32 = 7, status: Int32 = 8, metadata: Int32 = 9
        static let error: Int32 = 10, processed: Int32 = 11, created: Int32 = 12
        /// The joined job's `rowid`; its user_id, status, created_at, started_at and completed_at follow.
        static let jobRowid: Int32 = 13
    }

    /// The document in the current row of the documents scan, with its job's context.
    ///
    /// - Throws: the SQLite error code when looking its job up fails.
    mutating func document(_ row: SQLiteStatement) throws(SQLiteLookupFailure) -> DecodedRow<HistoryRecord> {
        guard let id = documentIDs ? identifier(row, Document.id) : presence(row, Document.id) else {
            return .skip(.missingID, detail: "id: \(row.describe(Document.id))")
        }
        let fileSize: Int64?
        switch row.counter(Document.size) {
        case .value(let n): fileSize = n
        case .null: fileSize = nil
        case .bad: return .skip(.badCounter, detail: "file_size: \(row.describe(Document.size))")
        }
        let job = try jobContext(row)
        let metadataText =
            row.type(Document.metadata) == SQLITE_TEXT
            ? row.bytes(Document.metadata) : UnsafeBufferPointer(start: nil, count: 0)
        let meta = ProcessingMetadata(metadataText, storage: &metadata)
        let processedAt: Instant?, createdAt: Instant?
        do {
            processedAt = try row.checkedInstant(Document.processed, "processed_at")
        } catch {
            return .skip(.badValue, detail: error.detail)
        }
        do {
            createdAt = try row.checkedInstant(Document.created, "created_at")
        } catch {
            return .skip(.badCreatedAt, detail: error.detail)
        }
        let status = Self.value(row, Document.status, &statuses) ?? "pending"
        // A failed document's id is read in any case: the error group pages list it.
        let failed = status == "failed"
        return .record(
            .document(DocumentRecord(
                id: failed && !documentIDs ? identifier(row, Document.id) ?? id : id,
                jobID: documentDetails ? recentIdentifier(row, Document.jobID) : nil,
                userID: userID(row, Document.userID, columnPresent: documentsHaveUserID),
                title: documentDetails ? row.string(Document.title) : nil, fileSourceType: Self.value(row, Document.source, &sources),
                fileSize: fileSize, mimeType: Self.value(row, Document.mime, &mimeTypes),
                status: status,
                processingTime: meta.processingTime, tokensUsed: meta.tokensUsed, extractionMethod: meta.extractionMethod,
                errorMessage: message(row, Document.error), processedAt: processedAt, createdAt: createdAt, job: job)))
    }

    /// The user in the current row of the users scan.
    mutating func user(_ row: SQLiteStatement) -> DecodedRow<HistoryRecord> {
        guard let id = identifier(row, 1) else { return .skip(.missingID, detail: "id: \(row.describe(1))") }
        let active: Bool? = row.type(4) == SQLITE_INTEGER ? row.int64(4) != 0 : nil
        return .record(.user(UserRecord(id: id, email: row.string(2), fullName: row.string(3), isActive: active)))
    }

    /// The document's job's context: looked up, or joined and decoded once for a
    /// run of documents of the same job.
    private mutating func jobContext(_ row: SQLiteStatement) throws(SQLiteLookupFailure) -> JobContext? {
        if jobLookup != nil { return try jobLookup!.context(of: row, Document.jobID) }
        guard row.type(Document.jobRowid) != SQLITE_NULL else { return nil }
        let rowid = row.int64(Document.jobRowid)
        if let last = lastJob, last.rowid == rowid { return last.context }
        let context = joinedJobs.context(row, at: Document.jobRowid)
        lastJob = (rowid, context)
        return context
    }

    // MARK: cells

    private static let modelKeys = [Array("model_name".utf8)]

    /// `config.model_name` when `config` is JSON text holding a string there (`metadata`'s storage reused).
    private mutating func model(_ row: SQLiteStatement) -> String? {
        guard row.type(Job.config) == SQLITE_TEXT,
              JSONTextFields.values(in: row.bytes(Job.config), keys: Self.modelKeys, into: &metadata),
              case .string(let name) = metadata[0]
        else { return nil }
        return name
    }

    /// A row's own id (unique, so not interned); `nil` when NULL or empty.
    private func identifier(_ row: SQLiteStatement, _ column: Int32) -> String? {
        guard let bytes = row.text(column), !bytes.isEmpty else { return nil }
        return IdentifierText.string(bytes)
    }

    /// An empty string when the cell holds an id, `nil` when NULL or empty (a row's id nobody reads).
    private func presence(_ row: SQLiteStatement, _ column: Int32) -> String? {
        guard let bytes = row.text(column), !bytes.isEmpty else { return nil }
        return ""
    }

    /// An id that repeats across rows (a document's job): interned.
    private mutating func recentIdentifier(_ row: SQLiteStatement, _ column: Int32) -> String? {
        row.text(column).map { jobIDs.string($0) }
    }

    private mutating func userID(_ row: SQLiteStatement, _ column: Int32, columnPresent: Bool) -> String? {
        guard columnPresent else { return owner }
        guard let bytes = row.text(column) else { return nil }
        return userIDs.string(bytes)
    }

    private static func value(_ row: SQLiteStatement, _ column: Int32, _ interner: inout ByteInterner) -> String? {
        guard let bytes = row.text(column) else { return nil }
        return interner.string(bytes)
    }

    private mutating func message(_ row: SQLiteStatement, _ column: Int32) -> String? {
        guard let bytes = row.text(column) else { return nil }
        return messages.string(bytes)
    }
}
