/// Turns rows of the PostgreSQL SELECTs into records, sharing interned strings
/// across rows so repeated values allocate nothing.
///
/// The mapping is the SQLite reader's: a `uuid` spelled lowercase, NULL user_id
/// anonymous (an absent column means `ReadOptions.ownerOfUnownedRecords`), a
/// NULL counter zero (`integer` sums are 64-bit downstream), `jsonb` read as its
/// JSON text, timestamps to the microsecond.
struct PostgresRowDecoder {
    private var userIDs = ByteInterner(lowercasesUUIDs: true)
    private var userUUIDs = UUIDInterner()
    private var jobIDs = RecentIdentifier()
    /// The last job id of a document (documents of a job usually come together).
    private var jobUUIDs = UUIDInterner(capacity: 0)
    private var types = ByteInterner(lowercasesUUIDs: false, capacity: 256)
    private var statuses = ByteInterner(lowercasesUUIDs: false, capacity: 256)
    private var sources = ByteInterner(lowercasesUUIDs: false, capacity: 256)
    private var mimeTypes = ByteInterner(lowercasesUUIDs: false, capacity: 1024)
    private var messages = ByteInterner(lowercasesUUIDs: false, capacity: 4096)
    private var joinedUserIDs = ByteInterner(lowercasesUUIDs: true)
    private var joinedUUIDs = UUIDInterner()
    /// The `processing_metadata` values of the current document (storage reused across rows).
    private var metadata: [JSONTextFields.Value?] = []
    private let owner: String?
    private let jobsHaveUserID: Bool
    private let documentsHaveUserID: Bool
    private let documentIDs: Bool
    /// How each column of the current SELECT arrives.
    private let wires: [PostgresWire?]

    /// Makes a decoder for rows of `select`.
    init(_ select: PostgresSelect, schema: PostgresSchema, options: ReadOptions) {
        wires = select.wires
        owner = options.ownerOfUnownedRecords
        jobsHaveUserID = schema.jobs.has("user_id")
        documentsHaveUserID = schema.documents?.has("user_id") ?? false
        documentIDs = options.documentIDs
    }

    /// The job in a row of `PostgresSchema.jobsSelect`.
    ///
    /// Inlined into the COPY loop: the record is then built where the visitor
    /// takes it, not copied through `DecodedRow` (a third of the memcpy per row).
    @inline(__always)
    mutating func job(_ row: PostgresRow) -> DecodedRow<HistoryRecord> {
        guard let id = identifier(row, 1) else { return .skip(.missingID, detail: "id: \(row.describe(1, wires[1]))") }
        guard case .value(let createdAt) = row.instant(12, wires[12]) else {
            return .skip(.badCreatedAt, detail: "created_at: \(row.describe(12, wires[12]))")
        }
        let counts: (total: Int64, processed: Int64, failed: Int64)
        let times: (started: Instant?, completed: Instant?, updated: Instant?)
        do {
            counts = (
                try row.count(5, wires[5], "total_documents"), try row.count(6, wires[6], "processed_count"),
                try row.count(7, wires[7], "failed_count")
            )
        } catch {
            return .skip(.badCounter, detail: error.detail)
        }
        do {
            times = (
                try row.checkedInstant(10, wires[10], "started_at"), try row.checkedInstant(11, wires[11], "completed_at"),
                try row.checkedInstant(13, wires[13], "updated_at")
            )
        } catch {
            return .skip(.badValue, detail: error.detail)
        }
        return .record(
            .job(JobRecord(
                id: id, userID: Self.userID(row, 2, wires[2], present: jobsHaveUserID, owner: owner, &userIDs, &userUUIDs),
                jobType: Self.value(row, 3, wires[3], &types) ?? "batch",
                status: Self.value(row, 4, wires[4], &statuses) ?? "pending",
                totalDocuments: counts.total, processedCount: counts.processed, failedCount: counts.failed,
                modelName: model(row), errorMessage: Self.value(row, 9, wires[9], &messages),
                startedAt: times.started, completedAt: times.completed, createdAt: createdAt, updatedAt: times.updated)))
    }

    /// The document in a row of `PostgresSchema.documentsSelect`, with its joined job's context.
    @inline(__always)
    mutating func document(_ row: PostgresRow) -> DecodedRow<HistoryRecord> {
        // Without `documentIDs` an id only has to be there: "" stands for it.
        let present = row.bytes(1).map { !$0.isEmpty } ?? false
        guard present, let id = documentIDs ? identifier(row, 1) : "" else {
            return .skip(.missingID, detail: "id: \(row.describe(1, wires[1]))")
        }
        let fileSize: Int64?
        switch row.counter(6, wires[6]) {
        case .value(let n): fileSize = n
        case .null: fileSize = nil
        case .bad: return .skip(.badCounter, detail: "file_size: \(row.describe(6, wires[6]))")
        }
        let meta = ProcessingMetadata(row.text(9, wires[9]) ?? UnsafeBufferPointer(start: nil, count: 0), storage: &metadata)
        let processedAt: Instant?, createdAt: Instant?
        do {
            processedAt = try row.checkedInstant(11, wires[11], "processed_at")
        } catch {
            return .skip(.badValue, detail: error.detail)
        }
        do {
            createdAt = try row.checkedInstant(12, wires[12], "created_at")
        } catch {
            return .skip(.badCreatedAt, detail: error.detail)
        }
        let status = Self.value(row, 8, wires[8], &statuses) ?? "pending"
        // A failed document's id is read in any case: the error group pages list it.
        return .record(
            .document(DocumentRecord(
                id: status == "failed" && !documentIDs ? identifier(row, 1) ?? id : id,
                jobID: Self.recentID(row, 2, wires[2], &jobIDs, &jobUUIDs),
                userID: Self.userID(row, 3, wires[3], present: documentsHaveUserID, owner: owner, &userIDs, &userUUIDs),
                title: row.text(4, wires[4]).map { String(decoding: $0, as: UTF8.self) },
                fileSourceType: Self.value(row, 5, wires[5], &sources),
                fileSize: fileSize, mimeType: Self.value(row, 7, wires[7], &mimeTypes),
                status: status,
                processingTime: meta.processingTime, tokensUsed: meta.tokensUsed, extractionMethod: meta.extractionMethod,
                errorMessage: Self.value(row, 10, wires[10], &messages), processedAt: processedAt, createdAt: createdAt,
                job: jobContext(row))))
    }

    /// The user in a row of `PostgresSchema.usersSelect`.
    mutating func user(_ row: PostgresRow) -> DecodedRow<HistoryRecord> {
        guard let id = identifier(row, 1) else { return .skip(.missingID, detail: "id: \(row.describe(1, wires[1]))") }
        return .record(.user(UserRecord(
            id: id, email: row.text(2, wires[2]).map { String(decoding: $0, as: UTF8.self) },
            fullName: row.text(3, wires[3]).map { String(decoding: $0, as: UTF8.self) }, isActive: row.bool(4, wires[4]))))
    }

    /// The joined job's context (columns 13 on: joined, user_id, status, created_at, started_at, completed_at).
    private mutating func jobContext(_ row: PostgresRow) -> JobContext? {
        guard row.bool(13, wires[13]) == true else { return nil }
        return JobContext(
            userID: Self.userID(row, 14, wires[14], present: jobsHaveUserID, owner: owner, &joinedUserIDs, &joinedUUIDs),
            status: Self.value(row, 15, wires[15], &statuses) ?? "pending",
            createdAt: row.optionalInstant(16, wires[16]), startedAt: row.optionalInstant(17, wires[17]),
            completedAt: row.optionalInstant(18, wires[18]))
    }

    // MARK: fields

    private static let modelKeys = [Array("model_name".utf8)]

    /// `config.model_name` when `config` holds a string there.
    private func model(_ row: PostgresRow) -> String? {
        guard let text = row.text(8, wires[8]) else { return nil }
        if case .string(let name) = JSONTextFields.values(in: text, keys: Self.modelKeys)?[0] { return name }
        return nil
    }

    /// A row's own id (unique, so not interned); `nil` when NULL or empty.
    private func identifier(_ row: PostgresRow, _ i: Int) -> String? {
        if wires[i] == .uuid { return row.bytes(i).flatMap { $0.count == 16 ? UUIDInterner.spell($0) : nil } }
        guard let bytes = row.text(i, wires[i]), !bytes.isEmpty else { return nil }
        return IdentifierText.string(bytes)
    }

    /// A user id: interned by its 16 bytes when a `uuid`, by its text otherwise.
    private static func userID(
        _ row: PostgresRow, _ i: Int, _ wire: PostgresWire?, present: Bool, owner: String?, _ text: inout ByteInterner,
        _ uuids: inout UUIDInterner
    ) -> String? {
        guard present else { return owner }
        if wire == .uuid { return row.bytes(i).flatMap { $0.count == 16 ? uuids.string($0) : nil } }
        return row.text(i, wire).map { text.string($0) }
    }

    /// An id that repeats in consecutive rows (a document's job).
    private static func recentID(
        _ row: PostgresRow, _ i: Int, _ wire: PostgresWire?, _ text: inout RecentIdentifier, _ uuids: inout UUIDInterner
    ) -> String? {
        if wire == .uuid { return row.bytes(i).flatMap { $0.count == 16 ? uuids.string($0) : nil } }
        return row.text(i, wire).map { text.string($0) }
    }

    private static func value(_ row: PostgresRow, _ i: Int, _ wire: PostgresWire?, _ interner: inout ByteInterner) -> String? {
        row.text(i, wire).map { interner.string($0) }
    }
}
