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
/// the last four short values and the last long one are checked first, which is
/// most rows of a column with few values (sources, statuses) or of a run (a job's
/// documents share their user).
struct ByteInterner {
    private struct Entry {
        var hash: UInt64
        /// The value's bytes are `arena[offset..<offset + count]`: beside the hash, so a
        /// probe that misses reads no other object.
        var offset: Int32
        var count: Int32
        var string: String
    }

    /// Up to 16 bytes packed into two zero-padded words, with their length.
    private struct ShortKey: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = -1
    }

    private var entries: [Entry] = []
    /// The bytes of every entry, one after another.
    private var arena: [UInt8] = []
    private var slots: [Int32]
    /// The last four short values returned (oldest replaced first), so a repeat costs compares, not a hash.
    private var recentKeys = [ShortKey](repeating: ShortKey(), count: 4)
    private var recentStrings = [String](repeating: "", count: 4)
    private var recentNext = 0
    /// The last value longer than 16 bytes returned (a user id repeated by a job's documents).
    private var lastBytes: [UInt8] = []
    private var lastString = ""
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
    }

    /// The string for `bytes`, shared with earlier equal values.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count <= maxLength else { return decode(bytes) }
        guard bytes.count <= 16 else { return long(bytes) }
        let key = Self.pack(bytes)
        for k in 0..<4 where recentKeys[k] == key { return recentStrings[k] }
        let string = lookUp(bytes)
        recentKeys[recentNext] = key
        recentStrings[recentNext] = string
        recentNext = (recentNext + 1) & 3
        return string
    }

    /// A value of 17 to `maxLength` bytes: the last one again, or looked up.
    private mutating func long(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
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
            if entries[index].hash == hash, Int(entries[index].count) == bytes.count,
               inArena(at: Int(entries[index].offset), bytes) {
                return entries[index].string
            }
            slot = (slot + 1) & mask
        }
        let string = decode(bytes)
        if entries.count < capacity {
            slots[slot] = Int32(entries.count)
            entries.append(Entry(hash: hash, offset: Int32(arena.count), count: Int32(bytes.count), string: string))
            arena.append(contentsOf: bytes)
        }
        return string
    }

    /// Whether `arena` holds `bytes` at `offset`.
    @inline(__always) private func inArena(at offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + offset, base, bytes.count) == 0 }
    }

    private func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        lowercasesUUIDs ? IdentifierText.string(bytes) : String(decoding: bytes, as: UTF8.self)
    }

    /// Up to 16 bytes as two zero-padded words and their length.
    @inline(__always) private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> ShortKey {
        var words: (UInt64, UInt64) = (0, 0)
        if let base = bytes.baseAddress {
            withUnsafeMutableBytes(of: &words) { $0.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
        }
        return ShortKey(low: words.0, high: words.1, count: bytes.count)
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
