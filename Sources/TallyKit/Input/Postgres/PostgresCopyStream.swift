/// Splits the messages of a binary `COPY ... TO STDOUT (FORMAT binary)` into rows.
///
/// The format: an 11-byte signature, a 32-bit flags word and a header extension
/// (sent with the first row), then per row a 16-bit field count and for each
/// field a 32-bit length (-1 for NULL) and its bytes, all big-endian; a count
/// of -1 ends the data. The server sends each row as one CopyData message,
/// which libpq hands over whole; anything else is reported, never guessed at.
struct PostgresCopyStream {
    /// Fields per row (the SELECT's columns).
    let fieldCount: Int
    /// Where each field of the current row starts in its message (-1 for NULL) and its length.
    private let fields: FieldTable
    private var headerPending = true
    /// Whether the end-of-data marker was seen.
    private(set) var finished = false

    /// Makes a parser for rows of `fieldCount` fields.
    init(fieldCount: Int) {
        self.fieldCount = fieldCount
        self.fields = FieldTable(count: fieldCount)
    }

    private static let signature: [UInt8] = [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00]

    /// Hands every row in one message to `body`.
    ///
    /// - Throws: `Malformed` when the bytes are not the binary COPY format with
    ///   `fieldCount` fields; what `body` throws.
    mutating func rows(in message: UnsafeRawBufferPointer, _ body: (PostgresRow) throws -> Void) throws {
        guard let base = message.baseAddress else { return }
        let end = message.count
        var at = 0
        if headerPending {
            guard end >= 19, message.prefix(11).elementsEqual(Self.signature) else { throw Malformed(what: "header") }
            let extensionLength = Int(Self.int32(base, 15))
            guard extensionLength >= 0, end >= 19 + extensionLength else { throw Malformed(what: "header") }
            at = 19 + extensionLength
            headerPending = false
        }
        let table = fields.pointer
        while at < end {
            guard !finished, end - at >= 2 else { throw Malformed(what: "row") }
            let count = Int(Int16(bigEndian: base.loadUnaligned(fromByteOffset: at, as: Int16.self)))
            at += 2
            if count == -1 {
                finished = true
                continue
            }
            guard count == fieldCount else { throw Malformed(what: "row of \(count) fields, expected \(fieldCount)") }
            // `at` stays within `0...end` (checked before every step), so the arithmetic cannot overflow.
            var i = 0
            while i < count {
                guard end &- at >= 4 else { throw Malformed(what: "field") }
                let length = Int(Self.int32(base, at))
                at &+= 4
                if length < 0 {
                    table[i] = (-1, 0)
                } else {
                    guard end &- at >= length else { throw Malformed(what: "field") }
                    table[i] = (at, length)
                    at &+= length
                }
                i &+= 1
            }
            try body(PostgresRow(message: message, fields: UnsafeBufferPointer(start: table, count: count)))
        }
    }

    @inline(__always) private static func int32(_ base: UnsafeRawPointer, _ at: Int) -> Int32 {
        Int32(bigEndian: base.loadUnaligned(fromByteOffset: at, as: Int32.self))
    }

    /// COPY data that does not follow the binary format.
    struct Malformed: Error {
        var what: String
    }

    /// The field positions of the current row, allocated once per stream.
    private final class FieldTable {
        let pointer: UnsafeMutablePointer<(start: Int, count: Int)>

        init(count: Int) {
            pointer = .allocate(capacity: max(count, 1))
            pointer.initialize(repeating: (-1, 0), count: max(count, 1))
        }

        deinit { pointer.deallocate() }
    }
}

/// One row of a binary COPY; valid only inside the `rows` callback.
struct PostgresRow {
    let message: UnsafeRawBufferPointer
    let fields: UnsafeBufferPointer<(start: Int, count: Int)>

    /// The field's bytes, `nil` for NULL.
    @inline(__always) func bytes(_ i: Int) -> UnsafeRawBufferPointer? {
        let field = fields[i]
        guard field.start >= 0 else { return nil }
        return UnsafeRawBufferPointer(rebasing: message[field.start..<(field.start + field.count)])
    }

    /// Whether the field is NULL.
    @inline(__always) func isNull(_ i: Int) -> Bool { fields[i].start < 0 }

    /// A big-endian integer field of `count` bytes (2, 4 or 8), `nil` for NULL or another width.
    @inline(__always) func integer(_ i: Int) -> Int64? {
        guard let bytes = bytes(i) else { return nil }
        switch bytes.count {
        case 8: return Int64(bigEndian: bytes.loadUnaligned(as: Int64.self))
        case 4: return Int64(Int32(bigEndian: bytes.loadUnaligned(as: Int32.self)))
        case 2: return Int64(Int16(bigEndian: bytes.loadUnaligned(as: Int16.self)))
        default: return nil
        }
    }
}
