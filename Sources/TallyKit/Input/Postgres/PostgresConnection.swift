import CLibPQ
import Foundation

/// One libpq connection, used by one thread at a time and closed when released.
///
/// `@unchecked Sendable` because the snapshot's pool hands a connection from one
/// reader thread to the next under its mutex; libpq allows a connection to move
/// between threads as long as only one uses it at a time.
///
/// Every error is one line naming the source (its password-free name) with
/// libpq's or the server's message, any password scrubbed from it, and exit 66
/// (`TallyError.cannotOpen`): the server refused, went away, or cancelled the
/// read (a standby's recovery conflict), before or after rows were delivered.
final class PostgresConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    /// The database the connection goes to.
    let address: PostgresAddress
    /// Whether the connection is still usable for another statement (false after
    /// a COPY was abandoned half-way or the server went away).
    private(set) var isReusable = true

    /// Connects as `psql` would: libpq reads the address, the `PG*` variables,
    /// `~/.pgpass` and the service file.
    ///
    /// tally only adds its application name, a 10 s connect timeout unless the
    /// address or `PGCONNECT_TIMEOUT` sets one, and UTF-8 as the client encoding.
    ///
    /// - Throws: `TallyError.cannotOpen` when the connection fails.
    init(_ address: PostgresAddress) throws {
        self.address = address
        var pairs: [(String, String)] = [("fallback_application_name", "tally")]
        if ProcessInfo.processInfo.environment["PGCONNECT_TIMEOUT"] == nil { pairs.append(("connect_timeout", "10")) }
        pairs.append(("dbname", address.conninfo))
        pairs.append(("client_encoding", "UTF8"))
        let keys = pairs.map { strdup($0.0) }
        let values = pairs.map { strdup($0.1) }
        defer { (keys + values).forEach { free($0) } }
        let connection = (keys.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { k in
            (values.map { UnsafePointer($0) } + [nil]).withUnsafeBufferPointer { v in
                PQconnectdbParams(k.baseAddress, v.baseAddress, 1)
            }
        }
        guard let connection else { throw TallyError.cannotOpen(file: address.displayName, message: "cannot connect: out of memory") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.oneLine(PQerrorMessage(connection))
            PQfinish(connection)
            throw TallyError.cannotOpen(file: address.displayName, message: "cannot connect: \(address.scrub(message))")
        }
        handle = connection
    }

    deinit { PQfinish(handle) }

    /// The server's version number (`150004` for 15.4).
    var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Runs statements that return no rows.
    ///
    /// - Throws: `TallyError.cannotOpen` with the server's message.
    func execute(_ sql: String) throws {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, expecting: PGRES_COMMAND_OK)
    }

    /// Runs a query with text parameters and returns its rows as text (`nil` for NULL).
    ///
    /// For catalog look-ups and other small answers; rows are held in memory.
    ///
    /// - Throws: `TallyError.cannotOpen` with the server's message.
    func query(_ sql: String, _ parameters: [String?] = []) throws -> [[String?]] {
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let result = copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { values in
            PQexecParams(handle, sql, Int32(parameters.count), nil, values.baseAddress, nil, nil, 0)
        }
        defer { PQclear(result) }
        try check(result, expecting: PGRES_TUPLES_OK)
        return (0..<PQntuples(result)).map { row in
            (0..<PQnfields(result)).map { column in
                PQgetisnull(result, row, column) != 0 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
    }

    /// Runs `COPY (query) TO STDOUT`, handing each message's bytes to `body` as they arrive.
    ///
    /// Memory stays one row: libpq delivers the server's CopyData messages one by
    /// one. When `body` throws, the COPY is abandoned and the connection is no
    /// longer reusable.
    ///
    /// - Throws: what `body` throws; `TallyError.cannotOpen` when the COPY cannot
    ///   start (no table, no privilege) or breaks off mid-way.
    func copyOut(_ sql: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let start = PQexec(handle, sql)
        let status = PQresultStatus(start)
        guard status == PGRES_COPY_OUT else {
            defer { PQclear(start) }
            try check(start, expecting: PGRES_COPY_OUT)
            return
        }
        PQclear(start)
        isReusable = false
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let count = PQgetCopyData(handle, &buffer, 0)
            if count > 0, let buffer {
                defer { PQfreemem(buffer) }
                try body(UnsafeRawBufferPointer(start: buffer, count: Int(count)))
                continue
            }
            if let buffer { PQfreemem(buffer) }
            break
        }
        var failure: String?
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) != PGRES_COMMAND_OK, failure == nil { failure = Self.oneLine(PQresultErrorMessage(result)) }
            PQclear(result)
        }
        if let failure {
            throw TallyError.cannotOpen(file: address.displayName, message: "reading broke off: \(address.scrub(failure))")
        }
        isReusable = PQstatus(handle) == CONNECTION_OK
    }

    /// Throws the server's message unless `result` has the `expected` status.
    private func check(_ result: OpaquePointer?, expecting expected: ExecStatusType) throws {
        guard let result else {
            isReusable = false
            throw TallyError.cannotOpen(file: address.displayName, message: address.scrub(Self.oneLine(PQerrorMessage(handle))))
        }
        guard PQresultStatus(result) == expected else {
            if PQstatus(handle) != CONNECTION_OK { isReusable = false }
            throw TallyError.cannotOpen(file: address.displayName, message: address.scrub(Self.oneLine(PQresultErrorMessage(result))))
        }
    }

    /// A libpq message (several lines, `ERROR:  ` prefixes, tabs) as one line.
    static func oneLine(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown error" }
        let lines = String(cString: message).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let text = lines.joined(separator: "; ")
        for prefix in ["ERROR:  ", "FATAL:  "] where text.hasPrefix(prefix) { return String(text.dropFirst(prefix.count)) }
        return text.isEmpty ? "unknown error" : text
    }

    /// `name` as a quoted SQL identifier.
    static func identifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// `text` as a quoted SQL string literal.
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
