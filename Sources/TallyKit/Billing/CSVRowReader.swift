import Foundation

/// Reads a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks)
/// one record at a time, in constant memory.
///
/// A UTF-8 byte-order mark is skipped; records end with CRLF or LF; blank lines are skipped.
struct CSVRowReader {
    /// The file as given, for messages.
    let path: String

    /// Calls `body` with each record's first line and fields.
    ///
    /// - Throws: `TallyError.cannotOpen` (66) when the file cannot be read, a
    ///   `FileProblem` for a quote left open, or what `body` throws.
    func forEachRecord(_ body: (_ line: Int, _ fields: [String]) throws -> Void) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw TallyError.cannotOpen(file: path, message: "cannot read customers file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var parser = Parser()
        var first = true
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else {
                throw TallyError.cannotOpen(file: path, message: "cannot read customers file: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            var start = 0
            if first, n >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            first = false
            for byte in buffer[start..<n] {
                if let record = parser.feed(byte) { try body(record.line, record.fields) }
            }
        }
        if parser.inQuotes {
            throw FileProblem(file: path, line: parser.recordLine, keyPath: nil, message: "a quoted field is never closed")
        }
        if let record = parser.finish() { try body(record.line, record.fields) }
    }

    /// The byte-level state machine.
    struct Parser {
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var quoteSeen = false
        var line = 1
        var recordLine = 1
        var hasContent = false

        /// Takes one byte; returns a record when it ended one.
        mutating func feed(_ byte: UInt8) -> (line: Int, fields: [String])? {
            if inQuotes {
                if byte == 0x22 { inQuotes = false; quoteSeen = true } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                return nil
            }
            switch byte {
            case 0x22:
                if quoteSeen { field.append(0x22) }
                inQuotes = true
                quoteSeen = false
                hasContent = true
            case 0x2C:
                endField()
                hasContent = true
            case 0x0D:
                quoteSeen = false
            case 0x0A:
                line += 1
                return finish()
            default:
                quoteSeen = false
                field.append(byte)
                hasContent = true
            }
            return nil
        }

        mutating func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            quoteSeen = false
        }

        /// Ends the current record (at a line break or the end of the file); `nil` for a blank line.
        mutating func finish() -> (line: Int, fields: [String])? {
            defer { recordLine = line }
            guard hasContent || !field.isEmpty else { return nil }
            endField()
            let record = (recordLine, fields)
            fields.removeAll(keepingCapacity: true)
            hasContent = false
            return record
        }
    }
}
