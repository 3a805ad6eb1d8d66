import CSQLite3

/// Notices a SQLite file changed under a read by something that ignores SQLite's locks
/// (`cp` or `truncate` over it, another file renamed in its place).
///
/// Within a read transaction in rollback-journal mode nobody may write the file:
/// writers wait for the read's lock. So when its size or modification time differs
/// after the read from what it was once the read held its lock, the file was
/// rewritten under the read, and the rows read may be torn: exit 66, as for JSON. In
/// WAL mode checkpoints legitimately write the file during reads (and readers stay
/// consistent), so only a replaced file counts there. A file deleted during the read
/// is read whole from the open descriptor.
struct SQLiteFileWatch {
    private let path: String
    private let name: String
    /// The file once the read holds its lock; nil in WAL mode (no in-place check).
    private let during: FileSnapshot?

    /// Starts watching inside the connection's read transaction (after the schema was read).
    ///
    /// - Throws: the "changed" error when the file at `path` is no longer the one the
    ///   source was opened on (`opened`), a shard opening another file's rows.
    init(_ connection: SQLiteConnection, path: String, name: String, opened: FileSnapshot?) throws {
        self.path = path
        self.name = name
        let now = FileSnapshot(path: path)
        if let opened, let now, now.inode != opened.inode || now.device != opened.device {
            throw opened.changedError(name, now: now)
        }
        during = try Self.journalMode(connection) == "wal" ? nil : now
    }

    /// The error to report when the file changed in place during the read; nil when it did not.
    func changed() -> TallyError? {
        guard let during, let now = FileSnapshot(path: path), now.inode == during.inode, now.device == during.device,
              now != during
        else { return nil }
        return during.changedError(name, now: now)
    }

    private static func journalMode(_ connection: SQLiteConnection) throws -> String {
        try connection.withStatement("PRAGMA journal_mode") { statement in
            guard statement.step() == SQLITE_ROW else { return "" }
            return statement.string(0)?.lowercased() ?? ""
        }
    }
}
