import Foundation
import Synchronization

/// One consistent view of a PostgreSQL database for a whole run, and the
/// connections that read it.
///
/// The first connection begins `ISOLATION LEVEL REPEATABLE READ, READ ONLY` and
/// exports its snapshot with `pg_export_snapshot()`; it stays open, idle in
/// that transaction, until the run lets go of the source (a snapshot can be
/// imported only while its transaction lives). Every reader's connection
/// imports it (`SET TRANSACTION SNAPSHOT`), as pg_dump's parallel workers do,
/// so all shards, both passes of a deduplicating scan, the user prepass and any
/// GROUP BY run through `withConnection` see exactly the same commits. Works on
/// a hot standby too (PostgreSQL 10 and later).
final class PostgresSnapshot: Sendable {
    let address: PostgresAddress
    /// The exported snapshot's id.
    let id: String
    /// The tables as the snapshot sees them.
    let schema: PostgresSchema
    /// The exporting connection (used only while locked, never lent to a reader) and
    /// the connections inside the snapshot free for the next reader.
    private let state: Mutex<(exporter: PostgresConnection, idle: [PostgresConnection])>

    /// Connects, begins the transaction, exports its snapshot and reads the schema.
    ///
    /// - Throws: `TallyError.cannotOpen` when the server cannot be reached, refuses
    ///   the role, or holds no history.
    init(_ address: PostgresAddress) throws {
        self.address = address
        let exporter = try PostgresConnection(address)
        // Idle in its transaction by design while the readers work: no server timeout may end it.
        try exporter.execute("SET idle_in_transaction_session_timeout = 0; BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        guard let id = try exporter.query("SELECT pg_export_snapshot()").first?.first ?? nil else {
            throw TallyError.cannotOpen(file: address.displayName, message: "the server exported no snapshot")
        }
        self.id = id
        schema = try PostgresSchema(exporter)
        state = Mutex((exporter, []))
        #if DEBUG
            Self.testPause()
        #endif
    }

    /// Runs `body` with a connection that reads the snapshot (a free one, or a new one that imports it).
    ///
    /// The connection goes back to the pool when `body` returns; when it throws,
    /// or leaves the connection unusable, the connection is closed.
    ///
    /// - Throws: `TallyError.cannotOpen` when no connection can be made; what `body` throws.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try state.withLock { $0.idle.popLast() } ?? open()
        let result = try body(connection)
        if connection.isReusable { state.withLock { $0.idle.append(connection) } }
        return result
    }

    /// Runs `body` on the exporting connection, one caller at a time (catalog look-ups).
    func withExporter<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try state.withLock { try body($0.exporter) }
    }

    /// A new connection inside the snapshot. Synchronised sequential scans are off
    /// so a whole-table COPY always starts at block 0 (reading order is stable).
    private func open() throws -> PostgresConnection {
        let connection = try PostgresConnection(address)
        try connection.execute(
            "SET synchronize_seqscans = off; BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; "
                + "SET TRANSACTION SNAPSHOT \(PostgresConnection.literal(id))")
        return connection
    }

    #if DEBUG
    /// A test seam (debug builds only, like `TestPause`): when `TALLY_TEST_PAUSE_AFTER_SNAPSHOT` names a path, creates
    /// that file once the snapshot is exported and waits (up to 30 s) until a test
    /// deletes it, so the test can commit writes the run must not see.
    private static func testPause() {
        guard let flag = ProcessInfo.processInfo.environment["TALLY_TEST_PAUSE_AFTER_SNAPSHOT"], !flag.isEmpty else { return }
        _ = FileManager.default.createFile(atPath: flag, contents: Data("\(getpid())\n".utf8))
        for _ in 0..<300 where FileManager.default.fileExists(atPath: flag) { usleep(100_000) }
    }
    #endif
}
