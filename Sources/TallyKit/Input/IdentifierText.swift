/// The last id decoded from a column, reused while rows repeat it (a document's
/// job id repeats across the job's documents, but has too many values to intern).
struct RecentIdentifier {
    private var bytes: [UInt8] = []
    private var string = ""

    /// The id in `bytes`, lowercased when it is a UUID.
    mutating func string(_ new: UnsafeBufferPointer<UInt8>) -> String {
        if !bytes.isEmpty, ByteInterner.equal(bytes, new) { return string }
        bytes = Array(new)
        string = IdentifierText.string(new)
        return string
    }
}

/// Ids as the readers deliver them: UUIDs lowercased, anything else untouched.
enum IdentifierText {
    /// The id in `bytes` as a string, lowercased when it is a UUID.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard hasUppercaseHex(bytes), isUUID(bytes) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            for (i, b) in bytes.enumerated() { out[i] = b >= 0x41 && b <= 0x46 ? b | 0x20 : b }
            return bytes.count
        }
    }

    /// Whether any byte is `A`-`F` (checked first: ids are nearly always lowercase already).
    @inline(__always) private static func hasUppercaseHex(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b &- 0x41 < 6 { return true }
        return false
    }

    /// Whether the bytes spell `8-4-4-4-12` hexadecimal digits.
    static func isUUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 36 else { return false }
        for (i, b) in bytes.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if b != 0x2D { return false }
            } else if !((b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66)) {
                return false
            }
        }
        return true
    }
}
