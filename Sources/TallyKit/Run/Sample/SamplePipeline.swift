import Foundation
import Synchronization

/// Generates the history's jobs on a second thread, in chunks, while the caller writes them.
///
/// Generation stays strictly sequential (one thread, one random stream), so the
/// rows and their order are the same as a single-threaded run; the bounded
/// queue (`depth` chunks) keeps memory flat.
final class SamplePipeline: Sendable {
    /// A run of consecutive jobs with their documents.
    struct Chunk: Sendable {
        var jobs: [SampleJobRow] = []
        /// Documents of `jobs[k]` are `documents[bounds[k]..<bounds[k + 1]]`.
        var documents: [SampleDocumentRow] = []
        var bounds: [Int] = [0]
    }

    private struct State {
        var queue: [Chunk] = []
        var finished = false
        var cancelled = false
        var planted: [SampleAnomaly: [String]] = [:]
    }

    private let state = Mutex(State())
    /// Free places in the queue (`depth` at most): the generator waits on it.
    private let space: DispatchSemaphore
    /// Chunks queued, plus one once generation has finished: the consumer waits on it.
    private let ready = DispatchSemaphore(value: 0)
    private static let depth = 4

    /// Starts generating `history`'s `jobs` jobs in chunks of `chunkSize` on a new thread.
    init(history: SampleHistory, jobs: Int, chunkSize: Int = 2048) {
        space = DispatchSemaphore(value: Self.depth)
        let thread = Thread { [self] in
            var history = history
            var documents: [SampleDocumentRow] = []
            var chunk = Chunk()
            for index in 0..<jobs {
                chunk.jobs.append(history.makeJob(index: index, documents: &documents))
                chunk.documents.append(contentsOf: documents)
                chunk.bounds.append(chunk.documents.count)
                if chunk.jobs.count == chunkSize || index == jobs - 1 {
                    guard push(chunk) else { break }
                    chunk = Chunk()
                }
            }
            let planted = history.planted
            state.withLock { state in
                state.planted = planted
                state.finished = true
            }
            ready.signal()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Queues a chunk, waiting while the queue is full; `false` once the consumer has cancelled.
    private func push(_ chunk: Chunk) -> Bool {
        space.wait()
        let queued = state.withLock { state -> Bool in
            guard !state.cancelled else { return false }
            state.queue.append(chunk)
            return true
        }
        if queued { ready.signal() }
        return queued
    }

    /// Stops the generating thread early (the consumer failed); queued chunks are dropped.
    func cancel() {
        state.withLock { state in
            state.cancelled = true
            state.queue.removeAll()
        }
        space.signal()
    }

    /// The next chunk, or `nil` once every job has been delivered.
    func next() -> Chunk? {
        ready.wait()
        let chunk = state.withLock { state -> Chunk? in
            state.queue.isEmpty ? nil : state.queue.removeFirst()
        }
        if chunk == nil {
            ready.signal()  // finished: every later call returns nil too
        } else {
            space.signal()
        }
        return chunk
    }

    /// The planted anomalies; valid once `next()` has returned `nil`.
    var plantedAnomalies: [SampleAnomaly: [String]] {
        state.withLock { $0.planted }
    }
}
