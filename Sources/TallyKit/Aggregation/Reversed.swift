/// A key that sorts the other way round, to keep the oldest or smallest items in a `BoundedTop`.
public struct Reversed<Base: Comparable & Sendable>: Comparable, Sendable {
    public var base: Base

    /// Wraps a key.
    public init(_ base: Base) {
        self.base = base
    }

    public static func < (lhs: Reversed, rhs: Reversed) -> Bool { rhs.base < lhs.base }
}
