/// A key that sorts the other way round, to keep the oldest or smallest items in a `BoundedTop`.
package struct Reversed<Base: Comparable & Sendable>: Comparable, Sendable {
    package var base: Base

    /// Wraps a key.
    package init(_ base: Base) {
        self.base = base
    }

    package static func < (lhs: Reversed, rhs: Reversed) -> Bool { rhs.base < lhs.base }
}
