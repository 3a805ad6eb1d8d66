/// A map for keys with few distinct values (statuses, job types, models, source
/// types), updated once or more per record without hashing.
///
/// The first `linearLimit` keys are found by a linear scan: the readers intern
/// these strings, so a hit is an identity compare, cheaper than hashing the key.
/// Keys beyond that (free-form data can have many) are found through a dictionary.
struct FewKeyDictionary<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// How many keys are scanned linearly before the dictionary is asked.
    static var linearLimit: Int { 8 }

    /// The keys in first-seen order.
    private(set) var keys: [Key] = []
    /// The values, in the order of `keys`.
    private(set) var values: [Value] = []
    /// Positions of the keys after the first `linearLimit`.
    private var later: [Key: Int] = [:]

    /// An empty map.
    init() {}

    /// Runs `body` on the value for `key`, appending `make()` first when absent.
    @inline(__always)
    mutating func update<R>(_ key: Key, default make: @autoclosure () -> Value, _ body: (inout Value) -> R) -> R {
        let scanned = min(keys.count, Self.linearLimit)
        var i = 0
        while i < scanned {
            if keys[i] == key { return body(&values[i]) }
            i += 1
        }
        if let position = later[key] { return body(&values[position]) }
        if keys.count >= Self.linearLimit { later[key] = keys.count }
        keys.append(key)
        values.append(make())
        return body(&values[values.count - 1])
    }

    /// The value for `key`, if any.
    subscript(key: Key) -> Value? {
        if let i = keys.prefix(Self.linearLimit).firstIndex(of: key) { return values[i] }
        return later[key].map { values[$0] }
    }

    /// The entries as a dictionary, for reports.
    var dictionary: [Key: Value] {
        Dictionary(uniqueKeysWithValues: zip(keys, values))
    }

    /// Folds in another map, combining values of the same key with `combine`.
    mutating func merge(_ other: FewKeyDictionary, default make: @autoclosure () -> Value, _ combine: (inout Value, Value) -> Void) {
        for (key, value) in zip(other.keys, other.values) {
            update(key, default: make()) { combine(&$0, value) }
        }
    }
}
