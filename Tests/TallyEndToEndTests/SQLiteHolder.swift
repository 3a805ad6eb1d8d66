import Foundation

/// A `sqlite3` shell in another process holding a write transaction open on a database.
final class SQLiteHolder {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    /// Opens `database` in the shell, runs `setup` (e.g. `PRAGMA journal_mode=WAL;`), then
    /// `BEGIN <mode>` and `write`, and returns once the transaction holds its lock.
    init(_ database: String, setup: String = "", mode: String = "EXCLUSIVE", write: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-batch", database]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        send("\(setup)\nBEGIN \(mode);\n\(write)\nSELECT 'locked';\n")
        var seen = ""
        while !seen.contains("locked") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
    }

    private func send(_ text: String) { input.fileHandleForWriting.write(Data(text.utf8)) }

    /// Commits (or rolls back) and ends the shell.
    func finish(commit: Bool = true) {
        send(commit ? "COMMIT;\n" : "ROLLBACK;\n")
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
