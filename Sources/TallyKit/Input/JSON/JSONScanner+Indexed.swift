import CJSONIndex

/// The members of a scanned object, in scratch memory valid until the next scan into it.
typealias JSONMembers = UnsafeBufferPointer<JSONMember>

/// Where a scan leaves the members of an object: one per nesting level of the reader.
final class JSONScanScratch {
    private var storage: UnsafeMutablePointer<JSONMember>
    private var capacity: Int
    /// The byte-by-byte scanner's members, when it scans.
    private var fallback: [JSONMember] = []

    init(capacity: Int = 64) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// Doubles the room for members (an object with more members than ever before).
    private func grow() {
        storage.deallocate()
        capacity *= 2
        storage = .allocate(capacity: capacity)
    }

    /// Scans the value at `scanner.i` as `scanValue` does, returning the outer object's members.
    ///
    /// A simdjson-style scan in C (`tally_json_scan`) takes the common case: an
    /// object or array of ASCII text within the nesting limit that ends inside the
    /// buffer. It declines anything else (invalid JSON, non-ASCII bytes, a value cut
    /// by the end of the buffer) and `scanValue` scans that again, so errors,
    /// positions and members are always exactly `scanValue`'s. Bytes up to
    /// `readableEnd` (at least the scanner's end) may be read past the value.
    func scan(
        _ scanner: inout JSONScanner, collect: Bool, stack: UnsafeMutablePointer<UInt8>, readableEnd: Int? = nil
    ) throws(JSONScanError) -> JSONMembers {
        while true {
            var count = 0
            let stop = tally_json_scan(
                scanner.base, scanner.i, scanner.end, max(readableEnd ?? scanner.end, scanner.end), collect ? 1 : 0,
                stack, JSONScanner.maxDepth, storage, capacity, &count)
            if stop >= 0 {
                scanner.i = stop
                return JSONMembers(start: storage, count: count)
            }
            guard stop == TALLY_JSON_SCAN_MEMBERS_FULL else { break }
            grow()
        }
        fallback.removeAll(keepingCapacity: true)
        try scanner.scanValue(collect: collect, into: &fallback, stack: stack)
        while capacity < fallback.count { grow() }
        fallback.withUnsafeBufferPointer { storage.update(from: $0.baseAddress!, count: $0.count) }
        return JSONMembers(start: storage, count: fallback.count)
    }
}
