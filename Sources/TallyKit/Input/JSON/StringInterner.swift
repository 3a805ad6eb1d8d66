#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes `String`s from bytes, reusing one string per distinct short value (statuses, types, models, users).
///
/// An open-addressing table over a fixed byte arena: at most `capacity / 2`
/// strings of at most 64 bytes are kept (about 2 MB); past that, strings are
/// made afresh. Bounded memory whatever the data holds.
final class StringInterner {
    private let capacity: Int
    private let hashes: UnsafeMutablePointer<UInt64>
    private let offsets: UnsafeMutablePointer<Int32>
    private let arena: UnsafeMutablePointer<UInt8>
    private var strings: [String] = []
    private var arenaUsed = 0
    private static let maxBytes = 64

    /// Makes an interner with `capacity` slots (a power of two).
    init(capacity: Int = 1 << 15) {
        self.capacity = capacity
        hashes = .allocate(capacity: capacity)
        hashes.initialize(repeating: 0, count: capacity)
        offsets = .allocate(capacity: capacity)
        offsets.initialize(repeating: 0, count: capacity)
        arena = .allocate(capacity: capacity / 2 * Self.maxBytes)
    }

    deinit {
        hashes.deallocate()
        offsets.deallocate()
        arena.deallocate()
    }

    /// The string of `s`, shared with earlier calls for the same bytes.
    func string(_ s: UnsafeBufferPointer<UInt8>) -> String {
        let n = s.count
        guard n <= Self.maxBytes, let p = s.baseAddress else { return String(decoding: s, as: UTF8.self) }
        let hash = Self.hash(p, n) | 1
        let mask = capacity - 1
        var slot = Int(truncatingIfNeeded: hash >> 7) & mask
        while hashes[slot] != 0 {
            if hashes[slot] == hash {
                let index = Int(offsets[slot])
                let start = arena + index * Self.maxBytes
                if strings[index].utf8.count == n, memcmp(start, p, n) == 0 { return strings[index] }
            }
            slot = (slot + 1) & mask
        }
        let string = String(decoding: s, as: UTF8.self)
        if strings.count < capacity / 2 {
            (arena + strings.count * Self.maxBytes).update(from: p, count: n)
            hashes[slot] = hash
            offsets[slot] = Int32(strings.count)
            strings.append(string)
        }
        return string
    }

    /// The string of an id: UUIDs lowercased, other ids as they are.
    func id(_ s: UnsafeBufferPointer<UInt8>, intern: Bool) -> String {
        var upper = false
        for b in s { upper = upper || (b &- 0x41 < 6) }
        if upper, JSONBytes.isUUID(s) {
            let lower = s.map { $0 &- 0x41 < 6 ? $0 + 0x20 : $0 }
            return lower.withUnsafeBufferPointer { intern ? string($0) : String(decoding: $0, as: UTF8.self) }
        }
        return intern ? string(s) : String(decoding: s, as: UTF8.self)
    }

    /// A 64-bit hash of `n` bytes, eight at a time.
    private static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        while i < n {
            h = (h ^ UInt64(p[i])) &* 0x0100_0000_01B3
            i += 1
        }
        return h ^ (h >> 32)
    }
}
