/// A 64-bit fingerprint of a record's kind and id, used to find duplicate ids
/// without keeping every id in memory.
///
/// Collisions are harmless: rows whose fingerprints collide are only held back
/// and then compared by their full ids.
package struct RecordFingerprint: Hashable, Comparable, Sendable {
    package var value: UInt64

    /// The fingerprint of `id` for records of `kind` (FNV-1a then a 64-bit finaliser).
    package init(kind: RecordKind, id: String) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        h = (h ^ UInt64(kind == .job ? 1 : 2)) &* 0x0000_0100_0000_01B3
        for byte in id.utf8 {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        value = h
    }

    package static func < (lhs: RecordFingerprint, rhs: RecordFingerprint) -> Bool { lhs.value < rhs.value }
}

/// Newest-first order of jobs: later `created_at` first, equal instants by id descending.
///
/// `upstream.md`: equal created_at instants have no defined order upstream; tally
/// breaks ties by id, descending, so its output is deterministic.
package struct RecencyKey: Comparable, Hashable, Sendable {
    package var createdAt: Instant
    package var id: String

    /// `a < b` means `a` is older than `b` (comes after it newest first).
    package static func < (lhs: RecencyKey, rhs: RecencyKey) -> Bool {
        if lhs.createdAt != rhs.createdAt { return lhs.createdAt < rhs.createdAt }
        return lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8)
    }

    /// `self < RecencyKey(createdAt: createdAt, id: id)`, without making the key.
    @inline(__always)
    package func isOlder(than createdAt: Instant, _ id: String) -> Bool {
        if self.createdAt != createdAt { return self.createdAt < createdAt }
        return self.id.utf8.lexicographicallyPrecedes(id.utf8)
    }
}
