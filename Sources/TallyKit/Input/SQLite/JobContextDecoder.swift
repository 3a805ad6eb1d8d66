import CSQLite3

/// Decodes a job's context from `rowid, user_id, status, created_at,
/// started_at, completed_at` (the join's columns from `first`, or a lookup's from 0).
struct JobContextDecoder {
    private var userIDs = ByteInterner(lowercasesUUIDs: true)
    private var statuses = ByteInterner(lowercasesUUIDs: false, capacity: 256)
    private let owner: String?
    private let hasUserID: Bool

    /// Makes a decoder for one read of a database with `schema`.
    init(schema: SQLiteSchema, options: ReadOptions) {
        self.owner = options.ownerOfUnownedRecords
        self.hasUserID = schema.jobs.contains("user_id")
    }

    /// The context in the row's columns from `first` on.
    mutating func context(_ row: SQLiteStatement, at first: Int32 = 0) -> JobContext {
        let userID: String?
        if !hasUserID {
            userID = owner
        } else {
            userID = row.type(first + 1) == SQLITE_NULL ? nil : userIDs.string(row.bytes(first + 1))
        }
        return JobContext(
            userID: userID,
            status: row.type(first + 2) == SQLITE_NULL ? "pending" : statuses.string(row.bytes(first + 2)),
            createdAt: row.optionalInstant(first + 3),
            startedAt: row.optionalInstant(first + 4),
            completedAt: row.optionalInstant(first + 5))
    }
}
