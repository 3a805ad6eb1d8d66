import Dispatch
import Foundation
import Synchronization

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

/// A slot per piece of work and the next ticket, behind one mutex: the only shared mutable state of `Parallel.map`.
private final class ResultBox<T: Sendable>: Sendable {
    private struct State {
        var results: [Result<T, any Error>?]
        var ticket = 0
    }

    private let state: Mutex<State>

    init(count: Int) { state = Mutex(State(results: Array(repeating: nil, count: count))) }

    func set(_ i: Int, _ r: sending Result<T, any Error>) {
        state.withLock { $0.results[i] = r }
    }

    func takeTicket(below count: Int) -> Int? {
        state.withLock { state in
            guard state.ticket < count else { return nil }
            defer { state.ticket += 1 }
            return state.ticket
        }
    }

    func values() throws -> [T] {
        try state.withLock { state in try state.results.map { try $0!.get() } }
    }
}
