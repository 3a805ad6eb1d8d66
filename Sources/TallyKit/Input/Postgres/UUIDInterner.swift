/// Turns repeated `uuid` values (user ids) into one shared lowercase `String`,
/// keyed by their 16 raw bytes, so a repeat neither formats nor allocates.
///
/// Bounded like `ByteInterner`: at most `capacity` values are kept; others are
/// spelled afresh each time.
struct UUIDInterner {
    private var keys: [(UInt64, UInt64)]
    private var strings: [String?]
    private let mask: Int
    private let capacity: Int
    private var count = 0
    private var last: (key: (UInt64, UInt64), string: String)?

    /// Makes an empty interner keeping at most `capacity` values.
    init(capacity: Int = 8192) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: (0, 0), count: size)
        strings = Array(repeating: nil, count: size)
        mask = size - 1
        self.capacity = capacity
    }

    /// The lowercase spelling of the 16 bytes in `raw`.
    mutating func string(_ raw: UnsafeRawBufferPointer) -> String {
        let key = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        if let last, last.key == key { return last.string }
        var slot = Int(truncatingIfNeeded: (key.0 ^ (key.1 &* 0x9E37_79B9_7F4A_7C15)) >> 17) & mask
        while let found = strings[slot] {
            if keys[slot] == key {
                last = (key, found)
                return found
            }
            slot = (slot + 1) & mask
        }
        let string = Self.spell(raw)
        if count < capacity {
            keys[slot] = key
            strings[slot] = string
            count += 1
        }
        last = (key, string)
        return string
    }

    /// A new string of the 36-character lowercase form of 16 uuid bytes.
    static func spell(_ raw: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: 36) { out in
            PostgresRow.spellUUID(raw, into: out)
            return 36
        }
    }
}
