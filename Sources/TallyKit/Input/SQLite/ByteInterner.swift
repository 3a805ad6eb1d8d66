/// Turns repeated column bytes (statuses, types, user ids, models) into one shared
/// `String`, so a column with few distinct values allocates nothing per row.
///
/// Memory is bounded: at most `capacity` values of at most `maxLength` bytes are
/// kept; anything else is decoded afresh each time.
struct ByteInterner {
    private struct Entry {
        var hash: UInt64
        var bytes: [UInt8]
        var string: String
    }

    private var entries: [Entry] = []
    private var slots: [Int32]
    private let mask: Int
    private let capacity: Int
    private let maxLength: Int
    /// Whether UUIDs are lowercased (ids); other values are kept as they are.
    private let lowercasesUUIDs: Bool

    /// Makes an empty interner.
    init(lowercasesUUIDs: Bool, capacity: Int = 8192, maxLength: Int = 200) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        self.slots = Array(repeating: -1, count: size)
        self.mask = size - 1
        self.capacity = capacity
        self.maxLength = maxLength
        self.lowercasesUUIDs = lowercasesUUIDs
    }

    /// The string for `bytes`, shared with earlier equal values.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count <= maxLength else { return decode(bytes) }
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while case let index = Int(slots[slot]), index >= 0 {
            if entries[index].hash == hash, entries[index].bytes.elementsEqual(bytes) {
                return entries[index].string
            }
            slot = (slot + 1) & mask
        }
        let string = decode(bytes)
        if entries.count < capacity {
            slots[slot] = Int32(entries.count)
            entries.append(Entry(hash: hash, bytes: Array(bytes), string: string))
        }
        return string
    }

    private func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        lowercasesUUIDs ? IdentifierText.string(bytes) : String(decoding: bytes, as: UTF8.self)
    }

    /// FNV-1a: fast on short values, and collisions only cost a comparison.
    @inline(__always) private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}

/// Ids as the readers deliver them: UUIDs lowercased, anything else untouched.
enum IdentifierText {
    /// The id in `bytes` as a string, lowercased when it is a UUID.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard isUUID(bytes), bytes.contains(where: { $0 >= 0x41 && $0 <= 0x46 }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            for (i, b) in bytes.enumerated() { out[i] = b >= 0x41 && b <= 0x46 ? b | 0x20 : b }
            return bytes.count
        }
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
