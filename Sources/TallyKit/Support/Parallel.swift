import Dispatch
import Foundation

/// Runs independent pieces of work on several threads and returns their results in order.
package enum Parallel {
    /// Calls `body` for each index in `0..<count`, at most `width` at a time, and
    /// returns the results in index order. The first error (by index) is rethrown
    /// after every piece has finished, so the outcome never depends on timing.
    package static func map<T: Sendable>(
        _ count: Int, width: Int, _ body: @Sendable (Int) throws -> T
    ) throws -> [T] {
        let box = ResultBox<T>(count: count)
        if width <= 1 || count <= 1 {
            for i in 0..<count { box.set(i, Result { try body(i) }) }
        } else {
            let next = ResultBox<Int>(count: 0)
            DispatchQueue.concurrentPerform(iterations: min(width, count)) { _ in
                while let i = next.takeTicket(below: count) {
                    box.set(i, Result { try body(i) })
                }
            }
        }
        return try box.values()
    }
}

/// A lock-protected slot per piece of work; the only shared mutable state of `Parallel.map`.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<T, any Error>?]
    private var ticket = 0

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<T, any Error>) {
        lock.lock(); defer { lock.unlock() }
        results[i] = r
    }

    func takeTicket(below count: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard ticket < count else { return nil }
        defer { ticket += 1 }
        return ticket
    }

    func values() throws -> [T] {
        lock.lock(); defer { lock.unlock() }
        return try results.map { try $0!.get() }
    }
}
