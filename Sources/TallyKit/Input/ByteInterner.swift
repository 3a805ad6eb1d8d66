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
    /// The last value returned, so a repeat (a run of documents of one user) costs one compare, not a hash.
    private var lastBytes: [UInt8] = []
    private var lastString = ""
    /// Whether `lastBytes` holds a value yet.
    private var hasLast = false
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
        lastBytes.reserveCapacity(maxLength)
    }

    /// The string for `bytes`, shared with earlier equal values.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count <= maxLength else { return decode(bytes) }
        if hasLast, Self.equal(lastBytes, bytes) { return lastString }
        let string = lookUp(bytes)
        lastBytes.removeAll(keepingCapacity: true)
        lastBytes.append(contentsOf: bytes)
        lastString = string
        hasLast = true
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
