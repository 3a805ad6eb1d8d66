#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns repeated column bytes (statuses, types, user ids, models) into one shared
/// `String`, so a column with few distinct values allocates nothing per row.
///
/// The one interner of both readers (SQLite cells and JSON string contents).
/// Memory is bounded: at most `capacity` values of at most `maxLength` bytes are
/// kept; anything else is decoded afresh each time. Use one interner per column:
/// the last short value is checked first, which is most rows of a skewed column.
struct ByteInterner {
    private struct Entry {
        var hash: UInt64
        var bytes: [UInt8]
        var string: String
    }

    private var entries: [Entry] = []
    private var slots: [Int32]
    /// The last short value (up to 16 bytes) returned, packed, so a repeat costs two compares.
    private var lastKey: (UInt64, UInt64) = (0, 0)
    private var lastCount = -1
    private var lastString = ""
    private let mask: Int
    private let capacity: Int
    private let maxLength: Int
    /// Whether UUIDs are lowercased (ids); other values are kept as they are.
    private let lowercasesUUIDs: Bool

    /// Makes an empty interner.
    ///
    /// - Parameters:
    ///   - lowercasesUUIDs: whether values are ids (`IdentifierText`: UUIDs lowercased).
    ///   - capacity: the most distinct values kept.
    ///   - maxLength: the longest value (in bytes) kept.
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
        guard bytes.count <= 16 else { return lookUp(bytes) }
        let key = Self.pack(bytes)
        if bytes.count == lastCount, key == lastKey { return lastString }
        let string = lookUp(bytes)
        (lastKey, lastCount, lastString) = (key, bytes.count, string)
        return string
    }

    private mutating func lookUp(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while case let index = Int(slots[slot]), index >= 0 {
            if entries[index].hash == hash, Self.equal(entries[index].bytes, bytes) {
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

    /// Up to 16 bytes as two zero-padded words.
    @inline(__always) private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var key: (UInt64, UInt64) = (0, 0)
        if let base = bytes.baseAddress {
            withUnsafeMutableBytes(of: &key) { $0.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
        }
        return key
    }

    @inline(__always) static func equal(_ stored: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == bytes.count else { return false }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        return stored.withUnsafeBufferPointer { memcmp($0.baseAddress!, base, bytes.count) == 0 }
    }

    /// FNV-1a over 8-byte words, then MurmurHash3's finalizer so the low bits
    /// (the slot) depend on every byte.
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
            i += 8
        }
        while i < bytes.count {
            h = (h ^ UInt64(base[i])) &* 0x100_0000_01b3
            i += 1
        }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        return h ^ (h >> 33)
    }
}
