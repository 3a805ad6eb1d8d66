/// Why a row cannot be used: the reason and the key and value at fault.
struct RowSkip: Error {
    var reason: SkipReason
    var detail: String
}

/// A scanned object: its members and, per key of a `JSONKeyTable`, which member holds it.
///
/// A key that repeats keeps its last value (as JavaScript's `JSON.parse` does).
struct JSONObject {
    let base: UnsafePointer<UInt8>
    let members: JSONMembers
    private var slots = SIMD16<Int32>(repeating: -1)
    let names: [String]

    /// Looks up the keys of `names` among `members`, guessing from `order` when given.
    init(base: UnsafePointer<UInt8>, members: JSONMembers, keys: JSONKeyTable, names: [String], order: JSONKeyOrder? = nil) {
        self.base = base
        self.members = members
        self.names = names
        keys.assign(members, in: base, to: &slots, order: order)
    }

    /// The value of key number `key`, nil when absent.
    subscript(_ key: Int) -> JSONValue? {
        let m = Int(slots[key])
        return m < 0 ? nil : JSONValue(members[m], in: base)
    }

    /// Whether key number `key` is present (even as null).
    func has(_ key: Int) -> Bool { slots[key] >= 0 }

    /// `key: value` for skip notes.
    func detail(_ key: Int, _ value: JSONValue?) -> String {
        "\(names[key]): \(value?.excerpt ?? "missing")"
    }

    /// A required id, unique per row (UUIDs lowercased): a non-empty string.
    func id(_ key: Int) throws(RowSkip) -> String {
        try requiredID(key) { IdentifierText.string($0) }
    }

    /// A required id that repeats across rows, interned by `ids` (a `lowercasesUUIDs` interner).
    func id(_ key: Int, _ ids: inout ByteInterner) throws(RowSkip) -> String {
        try requiredID(key) { ids.string($0) }
    }

    /// A required id that nobody reads: checked as `id(_:)` checks it, returned empty.
    func presentID(_ key: Int) throws(RowSkip) -> String {
        guard let v = self[key], !v.isNull else { throw RowSkip(reason: .missingID, detail: detail(key, nil)) }
        guard v.isString else { throw RowSkip(reason: .badValue, detail: detail(key, v)) }
        guard v.end - v.start > 2 else { throw RowSkip(reason: .missingID, detail: detail(key, v)) }
        return ""
    }

    private func requiredID(_ key: Int, _ decode: (UnsafeBufferPointer<UInt8>) -> String) throws(RowSkip) -> String {
        guard let v = self[key], !v.isNull else { throw RowSkip(reason: .missingID, detail: detail(key, nil)) }
        guard v.isString else { throw RowSkip(reason: .badValue, detail: detail(key, v)) }
        let id = v.withContent(decode)
        guard !id.isEmpty else { throw RowSkip(reason: .missingID, detail: detail(key, v)) }
        return id
    }

    /// An owner id interned by `ids` (a `lowercasesUUIDs` interner): `absent` when the key is missing, nil when null.
    func owner(_ key: Int, absent: String?, _ ids: inout ByteInterner) throws(RowSkip) -> String? {
        guard let v = self[key] else { return absent }
        if v.isNull { return nil }
        guard v.isString else { throw RowSkip(reason: .badValue, detail: detail(key, v)) }
        return v.withContent { ids.string($0) }
    }

    /// An optional string.
    func string(_ key: Int) throws(RowSkip) -> String? {
        guard let v = self[key], !v.isNull else { return nil }
        guard v.isString else { throw RowSkip(reason: .badValue, detail: detail(key, v)) }
        return v.string
    }

    /// An optional string nobody reads: checked as `string(_:)` checks it, returned as nil.
    func checkString(_ key: Int) throws(RowSkip) -> String? {
        guard let v = self[key], !v.isNull else { return nil }
        guard v.isString else { throw RowSkip(reason: .badValue, detail: detail(key, v)) }
        return nil
    }

    /// An optional string whose values repeat across rows, interned by `strings`.
    func string(_ key: Int, _ strings: inout ByteInterner) throws(RowSkip) -> String? {
        guard let v = self[key], !v.isNull else { return nil }
        guard v.isString else { throw RowSkip(reason: .badValue, detail: detail(key, v)) }
        return v.withContent { strings.string($0) }
    }

    /// An optional counter: a JSON integer that fits Int64.
    func counter(_ key: Int) throws(RowSkip) -> Int64? {
        guard let v = self[key], !v.isNull else { return nil }
        guard let n = v.int64 else { throw RowSkip(reason: .badCounter, detail: detail(key, v)) }
        return n
    }

    /// An optional timestamp: a string in an upstream spelling, or Unix seconds.
    func timestamp(_ key: Int, bad reason: SkipReason) throws(RowSkip) -> Instant? {
        guard let v = self[key], !v.isNull else { return nil }
        let instant: Instant?
        if v.isString {
            instant = v.withContent { TimestampParser.parse($0) }
        } else if let seconds = v.double {
            instant = TimestampParser.instant(unixSeconds: seconds)
        } else {
            instant = nil
        }
        guard let instant else { throw RowSkip(reason: reason, detail: detail(key, v)) }
        return instant
    }

    /// An optional boolean: `true`/`false` or the integers 0 and 1 (SQLite's spelling).
    func bool(_ key: Int) throws(RowSkip) -> Bool? {
        guard let v = self[key], !v.isNull else { return nil }
        if let b = v.bool { return b }
        switch v.int64 {
        case 0: return false
        case 1: return true
        default: throw RowSkip(reason: .badValue, detail: detail(key, v))
        }
    }
}
