#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The job contexts of the last `capacity` job ids looked up, oldest evicted first,
/// so a job whose documents interleave with other jobs' is looked up once.
///
/// Keys are a job id cell's storage class and bytes; a job that was not found is
/// remembered as `nil`. Memory is fixed by `capacity` (ids longer than
/// `maxKeyLength` bytes are not kept), whatever the number of jobs. Linear
/// probing with backward-shift deletion; the keys live in one arena.
struct JobContextCache {
    /// What the cache knows about a key.
    enum Lookup: Equatable {
        /// Never looked up, or evicted.
        case unknown
        /// Looked up: the job's context, `nil` when there was no such job.
        case known(JobContext?)
    }

    private struct Entry {
        var hash: UInt64
        var type: Int32
        var length: Int32
        var context: JobContext?
    }

    /// The longest id kept (a UUID is 36 bytes).
    static let maxKeyLength = 64

    /// How many ids are kept at most.
    let capacity: Int
    /// Insertion order: entry `i`'s key is at `keys[i * maxKeyLength...]`.
    private var entries: [Entry] = []
    private var keys: [UInt8]
    /// Hash slots holding an entry index, -1 when empty.
    private var slots: [Int32]
    private let mask: Int
    /// The entry the next insertion replaces once the cache is full.
    private var oldest = 0

    /// Makes an empty cache for `capacity` ids (at least one).
    init(capacity: Int) {
        let capacity = max(1, capacity)
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        self.capacity = capacity
        self.keys = Array(repeating: 0, count: capacity * Self.maxKeyLength)
        self.slots = Array(repeating: -1, count: size)
        self.mask = size - 1
        entries.reserveCapacity(capacity)
    }

    /// The number of ids kept.
    var count: Int { entries.count }

    /// The hash of a key, for `find` and `insert`.
    @inline(__always) static func hash(type: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        ByteInterner.hash(bytes) &+ UInt64(truncatingIfNeeded: type) &* 0x9E37_79B9_7F4A_7C15
    }

    /// What is known about the id with storage class `type` and `bytes`.
    func find(type: Int32, _ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Lookup {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while case let index = Int(slots[slot]), index >= 0 {
            if matches(index, type: type, bytes, hash: hash) { return .known(entries[index].context) }
            slot = (slot + 1) & mask
        }
        return .unknown
    }

    /// Remembers the context of an id that `find` does not know, evicting the oldest when full.
    mutating func insert(type: Int32, _ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, context: JobContext?) {
        guard bytes.count <= Self.maxKeyLength else { return }
        let entry = Entry(hash: hash, type: type, length: Int32(bytes.count), context: context)
        let index: Int
        if entries.count < capacity {
            index = entries.count
            entries.append(entry)
        } else {
            index = oldest
            removeSlot(of: index)
            entries[index] = entry
            oldest = (oldest + 1) % capacity
        }
        if let base = bytes.baseAddress, !bytes.isEmpty {
            keys.withUnsafeMutableBufferPointer {
                ($0.baseAddress! + index * Self.maxKeyLength).update(from: base, count: bytes.count)
            }
        }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    @inline(__always) private func matches(_ index: Int, type: Int32, _ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64)
        -> Bool
    {
        let entry = entries[index]
        guard entry.hash == hash, entry.type == type, Int(entry.length) == bytes.count else { return false }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        return keys.withUnsafeBufferPointer {
            memcmp($0.baseAddress! + index * Self.maxKeyLength, base, bytes.count) == 0
        }
    }

    /// Empties the slot of entry `index` and shifts later entries of its probe run back.
    private mutating func removeSlot(of index: Int) {
        var hole = Int(truncatingIfNeeded: entries[index].hash) & mask
        while Int(slots[hole]) != index { hole = (hole + 1) & mask }
        var next = hole
        while true {
            next = (next + 1) & mask
            let moving = Int(slots[next])
            if moving < 0 { break }
            let home = Int(truncatingIfNeeded: entries[moving].hash) & mask
            // The entry may fill the hole only if its home is not cyclically in (hole, next].
            let stays = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next)
            if stays { continue }
            slots[hole] = slots[next]
            hole = next
        }
        slots[hole] = -1
    }
}
