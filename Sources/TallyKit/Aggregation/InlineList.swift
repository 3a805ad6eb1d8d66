/// A short list that keeps its first element inline, for values kept once per customer.
///
/// Most customers have one status and a job or two; an `Array` costs a heap block (32
/// bytes of header and the allocator's own) even for one element. Here the first element
/// lives in the value itself and only the second onwards go to an array.
struct InlineList<Element: Sendable>: Sendable, RandomAccessCollection, MutableCollection {
    private var head: Element?
    private var tail: [Element] = []

    /// An empty list.
    init() {}

    var startIndex: Int { 0 }
    var endIndex: Int { head == nil ? 0 : 1 + tail.count }

    subscript(position: Int) -> Element {
        get { position == 0 ? head! : tail[position - 1] }
        set {
            if position == 0 { head = newValue } else { tail[position - 1] = newValue }
        }
    }

    /// Adds `element` at the end.
    mutating func append(_ element: Element) {
        if head == nil { head = element } else { tail.append(element) }
    }

    /// Inserts `element` at `position` (0...count).
    mutating func insert(_ element: Element, at position: Int) {
        guard let first = head else { return head = element }
        if position == 0 {
            tail.insert(first, at: 0)
            head = element
        } else {
            tail.insert(element, at: position - 1)
        }
    }

    /// Removes the last element (the list must not be empty).
    mutating func removeLast() {
        if tail.isEmpty { head = nil } else { tail.removeLast() }
    }
}
