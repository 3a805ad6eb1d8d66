/// A dictionary that remembers where its last key lives, so a run of records
/// with the same key (the documents of one job share their user) skips hashing.
///
/// The readers intern repeated strings, so the key check is usually an identity
/// compare. Every insertion goes through this type and refreshes the remembered
/// index; a `Dictionary.Index` stays valid until the next insertion or removal.
struct RecentKeyDictionary<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// The entries.
    private(set) var storage: [Key: Value] = [:]
    private var lastKey: Key?
    private var lastIndex: Dictionary<Key, Value>.Index?

    /// An empty dictionary.
    init() {}

    /// Runs `body` on the value for `key`, inserting `make()` first when absent.
    @inline(__always)
    mutating func update<R>(_ key: Key, default make: @autoclosure () -> Value, _ body: (inout Value) -> R) -> R {
        if let index = lastIndex, lastKey == key { return body(&storage.values[index]) }
        let index = slot(key, make)
        return body(&storage.values[index])
    }

    /// Makes sure `key` has an entry (`make()` when absent), remembering where it is.
    @inline(__always)
    mutating func touch(_ key: Key, default make: @autoclosure () -> Value) {
        if lastIndex != nil, lastKey == key { return }
        _ = slot(key, make)
    }

    private mutating func slot(_ key: Key, _ make: () -> Value) -> Dictionary<Key, Value>.Index {
        var index = storage.index(forKey: key)
        if index == nil {
            storage[key] = make()
            index = storage.index(forKey: key)
        }
        lastKey = key
        lastIndex = index
        return index!
    }

    /// The value for `key`, if any.
    subscript(key: Key) -> Value? { storage[key] }

    /// Folds `value` into the entry for `key` with `combine` (inserting `make()` first when absent).
    mutating func merge(_ key: Key, _ value: Value, default make: @autoclosure () -> Value, _ combine: (inout Value, Value) -> Void) {
        update(key, default: make()) { combine(&$0, value) }
    }
}
