import Foundation

/// Generates the history's jobs on a second thread, in chunks, while the caller writes them.
///
/// Generation stays strictly sequential (one thread, one random stream), so the
/// rows and their order are the same as a single-threaded run; the bounded
/// queue (`depth` chunks) keeps memory flat.
final class SamplePipeline: @unchecked Sendable {
    /// A run of consecutive jobs with their documents.
    struct Chunk: Sendable {
        var jobs: [SampleJobRow] = []
        /// Documents of `jobs[k]` are `documents[bounds[k]..<bounds[k + 1]]`.
        var documents: [SampleDocumentRow] = []
        var bounds: [Int] = [0]
    }

    private let condition = NSCondition()
    private var queue: [Chunk] = []
    private var finished = false
    private var cancelled = false
    private var planted: [SampleAnomaly: [String]] = [:]
    private let depth = 4

    /// Starts generating `history`'s `jobs` jobs in chunks of `chunkSize` on a new thread.
    init(history: SampleHistory, jobs: Int, chunkSize: Int = 2048) {
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
            condition.lock()
            planted = history.planted
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Queues a chunk, waiting while the queue is full; `false` once the consumer has cancelled.
    private func push(_ chunk: Chunk) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= depth && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queue.append(chunk)
        condition.broadcast()
        return true
    }

    /// Stops the generating thread early (the consumer failed); queued chunks are dropped.
    func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, or `nil` once every job has been delivered.
    func next() -> Chunk? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let chunk = queue.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// The planted anomalies; valid once `next()` has returned `nil`.
    var plantedAnomalies: [SampleAnomaly: [String]] {
        condition.lock()
        defer { condition.unlock() }
        return planted
    }
}
