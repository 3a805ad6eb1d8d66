import CJSONIndex

/// Scratch memory of the indexed scanner: room for the members of one object.
final class JSONScanScratch {
    private(set) var members: UnsafeMutablePointer<JSONMember>
    private(set) var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
        members = .allocate(capacity: capacity)
    }

    deinit { members.deallocate() }

    /// Doubles the room for members (an object with more members than ever before).
    func grow() {
        members.deallocate()
        capacity *= 2
        members = .allocate(capacity: capacity)
    }
}

extension JSONScanner {
    /// `scanValue`, fast: a simdjson-style scan in C (`tally_json_scan`) instead of a walk over every byte.
    ///
    /// The C scan takes the common case only: an object or array of ASCII text
    /// within the nesting limit that ends inside the buffer. It declines anything
    /// else (invalid JSON, non-ASCII bytes, a value cut by the end of the buffer),
    /// and `scanValue` scans that again, so errors, positions and members are
    /// always exactly `scanValue`'s. Bytes up to `readableEnd` (at least `end`)
    /// may be read past the value.
    mutating func scanValueIndexed(
        collect: Bool, into members: inout [JSONMember], stack: UnsafeMutablePointer<UInt8>,
        scratch: JSONScanScratch, readableEnd: Int? = nil
    ) throws(JSONScanError) {
        while true {
            var count = 0
            let stop = tally_json_scan(
                base, i, end, max(readableEnd ?? end, end), collect ? 1 : 0, stack, Self.maxDepth, scratch.members,
                scratch.capacity, &count)
            if stop >= 0 {
                members.append(contentsOf: UnsafeBufferPointer(start: scratch.members, count: count))
                i = stop
                return
            }
            guard stop == TALLY_JSON_SCAN_MEMBERS_FULL else { break }
            scratch.grow()
        }
        try scanValue(collect: collect, into: &members, stack: stack)
    }
}
