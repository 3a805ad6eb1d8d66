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
///
/// A look-up touches two cache lines, not four: the slot holds the hash and the
/// string, and the bytes are compared with the string's own UTF-8 (which the
/// string's retain reads anyway). Only a value whose string differs from its bytes
/// (a UUID lowercased, invalid UTF-8 repaired) keeps its bytes apart, in `keys`.
struct ByteInterner {
    /// One slot of the open-addressed table (32 bytes: two to a cache line).
    private struct Slot {
        var hash: UInt64 = 0
        var string = ""
        /// The value's length in bytes; -1 for an empty slot.
        var length: Int32 = -1
        /// Where the value's bytes start in `keys`, or -1 when they are the string's UTF-8.
        var keyOffset: Int32 = -1
    }

    private var slots: [Slot]
    /// The bytes of values whose string differs from them.
    private var keys: [UInt8] = []
    private var count = 0
    /// Up to 16 bytes packed into two zero-padded words, with their length.
    private struct ShortKey: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = -1
    }

    /// The last four short values returned (oldest replaced first), so a repeat costs compares, not a hash.
    private var recentKeys = [ShortKey](repeating: ShortKey(), count: 4)
    private var recentStrings = [String](repeating: "", count: 4)
    private var recentNext = 0
    /// The last value longer than 16 bytes returned (a user id repeated by a job's documents).
    private var lastBytes: [UInt8] = []
    private var lastString = ""
    private var hasLast = false
    private var mask: Int
    /// The table's size once `capacity` values are kept (it starts small and doubles).
    private let maxSlots: Int
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
        maxSlots = size
        let first = min(size, 64)
        slots = Array(repeating: Slot(), count: first)
        mask = first - 1
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
        let length = Int32(truncatingIfNeeded: bytes.count)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let found = slots.withUnsafeBufferPointer { table -> String? in
                while table[slot].length >= 0 {
                    if table[slot].hash == hash, table[slot].length == length, matches(table[slot], bytes) {
                        return table[slot].string
                    }
                    slot = (slot + 1) & mask
                }
                return nil
            }
            if let found { return found }
            let string = decode(bytes)
            guard count < capacity else { return string }
            if (count + 1) * 2 > slots.count, slots.count < maxSlots {
                grow()
                slot = Int(truncatingIfNeeded: hash) & mask
                continue  // find the empty slot in the larger table
            }
            var offset: Int32 = -1
            if !Self.isUTF8(of: string, bytes) {
                offset = Int32(keys.count)
                keys.append(contentsOf: bytes)
            }
            slots[slot] = Slot(hash: hash, string: string, length: length, keyOffset: offset)
            count += 1
            return string
        }
    }

    /// Doubles the table, placing every value again.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        mask = slots.count - 1
        for entry in old where entry.length >= 0 {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot].length >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// Whether `slot` holds `bytes` (lengths already equal).
    @inline(__always) private func matches(_ slot: Slot, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        if slot.keyOffset >= 0 {
            return keys.withUnsafeBufferPointer { memcmp($0.baseAddress! + Int(slot.keyOffset), base, bytes.count) == 0 }
        }
        return Self.isUTF8(of: slot.string, bytes)
    }

    /// Whether `string`'s UTF-8 is exactly `bytes`.
    @inline(__always) private static func isUTF8(of string: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return string.isEmpty }
        return string.utf8.withContiguousStorageIfAvailable {
            $0.count == bytes.count && memcmp($0.baseAddress!, base, bytes.count) == 0
        } ?? string.utf8.elementsEqual(bytes)
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
