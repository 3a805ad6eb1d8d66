import Foundation

/// Recognises what a path holds by its first bytes, never by its name; a
/// PostgreSQL address (`postgresql://`, `postgres://`, `service=`) is a database.
public enum SourceOpener {
    /// The formats a source can be in.
    package enum Format: String, Sendable {
        case sqlite, json, gzip
    }

    /// Opens `path` (or standard input for `-`, spooled to `spoolDirectory`) as a
    /// source; a PostgreSQL address is connected to and its snapshot taken.
    ///
    /// Standard input is copied to a temporary file first (the system temporary
    /// directory by default); the file is removed when the returned source, its
    /// shards and their copies are all gone.
    /// - Throws: `TallyError.cannotOpen` when the path is missing, unreadable,
    ///   empty, or neither SQLite nor JSON, or the database cannot be read.
    public static func open(_ path: String, spoolDirectory: String? = nil) throws -> any HistorySource {
        try open(path, spoolDirectory: spoolDirectory, cancellation: nil)
    }

    /// `open(_:spoolDirectory:)`, where a cancelled run stops waiting for standard input.
    ///
    /// - Throws: also `Interrupted` when `cancellation` is set while spooling.
    package static func open(_ path: String, spoolDirectory: String? = nil, cancellation: Cancellation?) throws -> any HistorySource {
        if let address = PostgresAddress.parse(path) { return try PostgresSource(address) }
        let input: SpooledInput
        if path == "-" {
            input = try StandardInputSpool.spool(into: spoolDirectory, cancellation: cancellation)
        } else if isStream(path) {
            // A named pipe, `<(cmd)` or a device reads once, as standard input does.
            input = try StandardInputSpool.spool(stream: path, name: path, into: spoolDirectory, cancellation: cancellation)
        } else {
            return try open(file: path, name: path)
        }
        return SpooledSource(inner: try open(file: input.path, name: path), input: input)
    }

    /// Whether `path` exists and is neither a regular file nor a directory (a pipe, device or socket).
    private static func isStream(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    /// A source reading `file`, called `name` in messages, in the format its first bytes name.
    private static func open(file: String, name: String) throws -> any HistorySource {
        let head = try readHead(file, name: name)
        switch sniff(head) {
        case .sqlite:
            return SQLiteSource(path: file, name: name)
        case .gzip, .json:
            return JSONSource(path: file, name: name)
        case nil:
            if head.isEmpty { throw TallyError.cannotOpen(file: name, message: "empty file: not a history") }
            throw TallyError.cannotOpen(file: name, message: "not a history: neither a SQLite database nor JSON")
        }
    }

    /// The format named by a file's first bytes, if any.
    package static func sniff(_ head: [UInt8]) -> Format? {
        let sqliteMagic = Array("SQLite format 3\0".utf8)
        if head.count >= 16, Array(head[0..<16]) == sqliteMagic { return .sqlite }
        if head.count >= 2, head[0] == 0x1F, head[1] == 0x8B { return .gzip }
        var i = 0
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { i = 3 }
        while i < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[i]) { i += 1 }
        if i < head.count, head[i] == UInt8(ascii: "[") || head[i] == UInt8(ascii: "{") { return .json }
        return nil
    }

    private static func readHead(_ file: String, name: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw TallyError.cannotOpen(file: name, message: "no such file")
        }
        if isDirectory.boolValue { throw TallyError.cannotOpen(file: name, message: "is a directory, not a history") }
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw TallyError.cannotOpen(file: name, message: "cannot be opened for reading (permission denied?)")
        }
        defer { try? handle.close() }
        let data: Data?
        do { data = try handle.read(upToCount: 4096) } catch {
            throw TallyError.cannotOpen(file: name, message: "cannot be read: \(error.localizedDescription)")
        }
        return [UInt8](data ?? Data())
    }
}
