/// A map for keys with few distinct values (statuses, job types, models, source
/// types, error groups), updated once or more per record, in bounded memory.
///
/// The first `linear` keys are found by a linear scan: the readers intern these
/// strings, so a hit is an identity compare, cheaper than hashing the key. Keys
/// beyond that (free-form data can have many) are found through a dictionary.
///
/// At most `limit` keys are kept: the `limit` smallest by `precedes`; every other
/// key's value is folded into `other` (shown under `otherKey`). What is kept then
/// depends only on the set of keys seen, never on their order, so shards merge
/// exactly into what one pass would have counted.
struct FewKeyDictionary<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// How many keys are kept at most.
    let limit: Int
    /// How many keys are scanned linearly before the dictionary is asked.
    let linear: Int
    /// The name the folded values are reported under.
    let otherKey: Key
    /// The key order that decides which keys are kept (the smallest).
    private let precedes: @Sendable (Key, Key) -> Bool
    /// Folds a value into another (kept values into `other`, shards into each other).
    private let fold: @Sendable (inout Value, Value) -> Void

    /// The kept keys in first-seen order (a folded key's place goes to its successor).
    private(set) var keys: [Key] = []
    /// The values, in the order of `keys`.
    private(set) var values: [Value] = []
    /// Positions of the keys after the first `linear`.
    private var later: [Key: Int] = [:]
    /// The values of the keys past the limit, folded together; `nil` until the first.
    private(set) var other: Value?
    /// Positions of `keys`, greatest key on top, once the map is full.
    private var greatest: [Int] = []

    /// An empty map keeping at most `limit` keys (the smallest by `precedes`).
    init(
        limit: Int, linear: Int = 8, otherKey: Key, precedes: @escaping @Sendable (Key, Key) -> Bool,
        fold: @escaping @Sendable (inout Value, Value) -> Void
    ) {
        self.limit = max(1, limit)
        self.linear = linear
        self.otherKey = otherKey
        self.precedes = precedes
        self.fold = fold
    }

    /// Whether any key was folded into `other`.
    var isCapped: Bool { other != nil }

    /// Runs `body` on the value for `key`, adding `make()` first when absent (or on
    /// `other` when the key is past the limit).
    @inline(__always)
    mutating func update<R>(_ key: Key, default make: @autoclosure () -> Value, _ body: (inout Value) -> R) -> R {
        let scanned = min(keys.count, linear)
        var i = 0
        while i < scanned {
            if keys[i] == key { return body(&values[i]) }
            i += 1
        }
        if let position = later[key] { return body(&values[position]) }
        let position = slot(for: key, make)
        if position >= 0 { return body(&values[position]) }
        if other == nil { other = make() }
        return body(&other!)
    }

    /// The place of a key not yet kept: appended while there is room, else the greatest
    /// key's place when `key` precedes it (that key's value folded), else -1 (`other`).
    private mutating func slot(for key: Key, _ make: () -> Value) -> Int {
        if keys.count < limit {
            if keys.count >= linear { later[key] = keys.count }
            keys.append(key)
            values.append(make())
            return keys.count - 1
        }
        if greatest.isEmpty { greatest = Array(keys.indices); for k in stride(from: limit / 2, through: 0, by: -1) { siftDown(k) } }
        let top = greatest[0]
        guard precedes(key, keys[top]) else { return -1 }
        Self.foldInto(&other, values[top], fold)
        if top >= linear { later[keys[top]] = nil; later[key] = top }
        keys[top] = key
        values[top] = make()
        siftDown(0)
        return top
    }

    /// The value for `key`, if kept.
    subscript(key: Key) -> Value? {
        if let i = keys.prefix(linear).firstIndex(of: key) { return values[i] }
        return later[key].map { values[$0] }
    }

    /// The kept entries and `other` (under `otherKey`, folded into a kept key of that name), for reports.
    var dictionary: [Key: Value] {
        var all = Dictionary(uniqueKeysWithValues: zip(keys, values))
        if let other {
            if var named = all[otherKey] {
                fold(&named, other)
                all[otherKey] = named
            } else {
                all[otherKey] = other
            }
        }
        return all
    }

    /// Folds in another map of the same kind.
    mutating func merge(_ other: FewKeyDictionary, default make: @autoclosure () -> Value) {
        for (key, value) in zip(other.keys, other.values) {
            let fold = self.fold
            update(key, default: make()) { fold(&$0, value) }
        }
        if let theirs = other.other { Self.foldInto(&self.other, theirs, fold) }
    }

    private static func foldInto(_ target: inout Value?, _ value: Value, _ fold: (inout Value, Value) -> Void) {
        if target == nil { target = value } else { fold(&target!, value) }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var top = parent
            if left < greatest.count, precedes(keys[greatest[top]], keys[greatest[left]]) { top = left }
            if right < greatest.count, precedes(keys[greatest[top]], keys[greatest[right]]) { top = right }
            if top == parent { return }
            greatest.swapAt(parent, top)
            parent = top
        }
    }
}

extension FewKeyDictionary {
    /// How many names (statuses, job types, models...) a report's tables keep before "other".
    static var nameLimit: Int { 100 }
}

extension FewKeyDictionary where Key == String, Value == Int64 {
    /// Counts per name, at most `nameLimit` names (the first in code-point order) and `other`.
    static func counts(other: String) -> FewKeyDictionary {
        FewKeyDictionary(limit: nameLimit, otherKey: other, precedes: { $0 < $1 }, fold: { $0 += $1 })
    }
}
