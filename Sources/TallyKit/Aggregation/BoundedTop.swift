/// The newest `limit` items seen, by `RecencyKey`, in bounded memory.
package typealias NewestHeap<Element: Sendable> = BoundedTop<RecencyKey, Element>

/// The `limit` items with the greatest keys seen, in bounded memory.
///
/// A binary min-heap on the key: adding is O(log limit), and the smallest kept
/// item is evicted first. Merging two heaps keeps the greatest `limit` of both,
/// so the result never depends on the order items arrived in (keys must be unique
/// for that; `RecencyKey` ends with the id).
package struct BoundedTop<Key: Comparable & Sendable, Element: Sendable>: Sendable {
    /// How many items are kept at most.
    package let limit: Int
    private var heap: [(key: Key, element: Element)] = []

    /// An empty heap keeping at most `limit` items.
    package init(limit: Int) {
        self.limit = limit
    }

    /// Offers an item; it is kept if it is among the newest `limit`.
    package mutating func add(_ element: Element, key: Key) {
        guard limit > 0 else { return }
        if heap.count < limit {
            heap.append((key, element))
            siftUp(heap.count - 1)
        } else if heap[0].key < key {
            heap[0] = (key, element)
            siftDown(0)
        }
    }

    /// Whether an item would be kept: there is room, or `beatsOldest` holds for the
    /// smallest kept key. Lets a caller skip building an element that would be dropped.
    @inline(__always)
    package func admits(_ beatsOldest: (Key) -> Bool) -> Bool {
        guard limit > 0 else { return false }
        return heap.count < limit || beatsOldest(heap[0].key)
    }

    /// Whether an item with `key` would be kept, so callers build it only then.
    package func accepts(_ key: Key) -> Bool {
        limit > 0 && (heap.count < limit || heap[0].key < key)
    }

    /// Adds every item of another heap.
    package mutating func merge(_ other: BoundedTop<Key, Element>) {
        for item in other.heap { add(item.element, key: item.key) }
    }

    /// The kept items, greatest key (newest) first.
    package var newestFirst: [(key: Key, element: Element)] {
        heap.sorted { $1.key < $0.key }
    }

    /// Number of items kept.
    package var count: Int { heap.count }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].key < heap[parent].key else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].key < heap[smallest].key { smallest = left }
            if right < heap.count, heap[right].key < heap[smallest].key { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
