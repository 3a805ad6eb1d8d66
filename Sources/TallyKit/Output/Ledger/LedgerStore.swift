import Foundation

/// The ledger file: one SQLite database recording what was finalized.
///
/// Append-only: triggers refuse every UPDATE and DELETE, and an entry may only
/// be appended as the next number naming the hash of the one before (its lines
/// only to the newest entry). Each entry's SHA-256 covers the one before
/// (`LedgerChain`), so an edit made around the triggers shows in `verify`.
///
/// A writer holds SQLite's write lock from opening to `commit` or `rollback`:
/// a second writer waits `busyMilliseconds`, then fails with exit 73. The file
/// is in WAL mode, so readers (`tally ledger list`) are never blocked, and an
/// interrupted or killed writer leaves the ledger exactly as before its run.
package final class LedgerStore {
    /// The file as given.
    package let path: String
    let db: LedgerDatabase
    private var tail: (seq: Int64, hash: String)
    private var writing: Bool

    /// How long a writer waits for another run's lock before giving up.
    package static let busyMilliseconds: Int32 = 5_000

    private init(path: String, db: LedgerDatabase, writing: Bool) throws {
        self.path = path
        self.db = db
        self.writing = writing
        tail = (0, LedgerChain.genesis)
        try db.query("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1") { row in
            self.tail = (row.integer(0), row.text(1) ?? "")
            return false
        }
    }

    deinit { rollback() }

    /// Opens (creating it and its tables when missing) the ledger at `path` and takes its write lock.
    ///
    /// - Throws: `TallyError.cannotWrite` (73) when another run holds the lock or the
    ///   file cannot be written; `badData` (65) when the file is some other database.
    package static func openForWriting(path: String) throws -> LedgerStore {
        let db = try LedgerDatabase(path: path, create: true, busyMilliseconds: busyMilliseconds)
        try db.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
        // The tables first, in a transaction of their own: a run that then fails leaves an empty ledger.
        try db.execute("BEGIN IMMEDIATE")
        do {
            try LedgerSchema.create(in: db)
            try db.execute("COMMIT")
            try db.execute("BEGIN IMMEDIATE")
            return try LedgerStore(path: path, db: db, writing: true)
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// Opens an existing ledger to read it.
    ///
    /// - Throws: `TallyError.cannotOpen` (66) when it is missing or not a ledger.
    package static func openForReading(path: String) throws -> LedgerStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw TallyError.cannotOpen(file: path, message: "no such ledger")
        }
        let db = try LedgerDatabase(path: path, create: false, busyMilliseconds: busyMilliseconds)
        guard try LedgerSchema.exists(in: db) else { throw TallyError.cannotOpen(file: path, message: "not a tally ledger") }
        return try LedgerStore(path: path, db: db, writing: false)
    }

    /// Makes the entries appended since opening permanent and releases the lock.
    package func commit() throws {
        guard writing else { return }
        try db.execute("COMMIT")
        writing = false
    }

    /// Forgets the entries appended since opening and releases the lock.
    package func rollback() {
        guard writing else { return }
        try? db.execute("ROLLBACK")
        writing = false
    }

    /// Appends `entry` (with its lines) as the next entry; returns it with `seq`, `prevHash` and `hash` set.
    ///
    /// - Throws: `TallyError.cannotWrite` when the file cannot be written.
    @discardableResult
    package func append(_ entry: LedgerEntry) throws -> LedgerEntry {
        precondition(writing, "append outside a write")
        var entry = entry
        entry.seq = tail.seq + 1
        entry.prevHash = tail.hash
        entry.hash = LedgerChain.hash(of: entry)
        try db.query(LedgerSchema.insertEntry, [.integer(entry.seq)] + entry.values.map(LedgerValue.text) + [.text(entry.hash)])
        for (index, line) in entry.lines.enumerated() {
            try db.query(LedgerSchema.insertLine, [.integer(entry.seq), .integer(Int64(index + 1))] + line.values.map(LedgerValue.text))
            for (row, tier) in line.tiers.enumerated() {
                try db.query(
                    LedgerSchema.insertTier,
                    [.integer(entry.seq), .integer(Int64(index + 1)), .integer(Int64(row + 1))] + tier.values.map(LedgerValue.text))
            }
        }
        tail = (entry.seq, entry.hash)
        return entry
    }

    /// How many entries of these kinds there are.
    package func count(kinds: [String]) throws -> Int64 {
        var count: Int64 = 0
        let marks = kinds.map { _ in "?" }.joined(separator: ",")
        try db.query("SELECT count(*) FROM entries WHERE kind IN (\(marks))", kinds.map { .text($0) }) { row in
            count = row.integer(0)
            return false
        }
        return count
    }

    /// Which entries `entries(_:_:)` visits: every one, or those of a kind, period, customer or number.
    package struct Filter: Sendable {
        package var kinds: [String]?
        package var periodStart: String?
        package var periodEnd: String?
        package var customerID: String?
        package var number: String?

        /// A filter; every part optional.
        package init(
            kinds: [String]? = nil, periodStart: String? = nil, periodEnd: String? = nil, customerID: String? = nil,
            number: String? = nil
        ) {
            self.kinds = kinds
            self.periodStart = periodStart
            self.periodEnd = periodEnd
            self.customerID = customerID
            self.number = number
        }
    }

    /// Calls `body` with each entry (lines included) matching `filter`, in order, until it returns false.
    package func entries(_ filter: Filter = Filter(), _ body: (LedgerEntry) throws -> Bool) throws {
        var conditions: [String] = []
        var arguments: [LedgerValue] = []
        if let kinds = filter.kinds {
            conditions.append("kind IN (\(kinds.map { _ in "?" }.joined(separator: ",")))")
            arguments += kinds.map { .text($0) }
        }
        for (column, value) in [
            ("period_start", filter.periodStart), ("period_end", filter.periodEnd), ("customer_id", filter.customerID),
            ("number", filter.number),
        ] {
            guard let value else { continue }
            conditions.append("\(column) = ?")
            arguments.append(.text(value))
        }
        let condition = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let columns = (["seq"] + LedgerEntry.columns + ["hash"]).joined(separator: ", ")
        try db.query("SELECT \(columns) FROM entries\(condition) ORDER BY seq", arguments) { row in
            let values = (1...LedgerEntry.columns.count).map { row.text(Int32($0)) }
            var entry = LedgerEntry(seq: row.integer(0), values: values, hash: row.text(Int32(LedgerEntry.columns.count + 1)) ?? "")
            entry.lines = try lines(of: entry.seq)
            return try body(entry)
        }
    }

    private func lines(of seq: Int64) throws -> [LedgerLine] {
        var lines: [LedgerLine] = []
        try db.query(LedgerSchema.selectLines, [.integer(seq)]) { row in
            lines.append(
                LedgerLine(
                    kind: row.text(0) ?? "", metric: row.text(1), model: row.text(2), quantity: row.text(3) ?? "",
                    unitPrice: row.text(4), exactAmount: row.text(5) ?? "", amount: row.text(6) ?? ""))
            return true
        }
        guard !lines.isEmpty else { return lines }
        try db.query(LedgerSchema.selectTiers, [.integer(seq)]) { row in
            let line = Int(row.integer(0)) - 1
            if lines.indices.contains(line) {
                lines[line].tiers.append(
                    LedgerTier(
                        tier: row.text(1) ?? "", range: row.text(2) ?? "", quantity: row.text(3) ?? "",
                        unitPrice: row.text(4) ?? "", flatFee: row.text(5) ?? "", amount: row.text(6) ?? ""))
            }
            return true
        }
        return lines
    }
}
