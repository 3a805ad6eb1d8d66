import Foundation

/// Writes a report's files into its staging directory on several threads.
///
/// Creating a file costs the file system far more than writing its bytes (ext4:
/// 0.3–0.7 ms an inode), and creations in one directory queue on that directory's
/// lock, so the work is cut into runs of files that alternate between directories.
/// `jobs.csv` is joined from its spools first, beside them.
enum ReportStaging {
    /// Files a run of file creations holds: small enough to share the work, large enough to stay in one directory a while.
    static let runLength = 128

    /// Writes `files` (relative names) into `directory`, and runs `joinJobs` (when given) beside them.
    ///
    /// `cancellation` is checked after every file (`Cancellation.checkpoint`).
    /// - Throws: the first failure in that order (`joinJobs` first), once every piece has finished;
    ///   the caller then discards the staging directory.
    static func write(
        _ files: [RenderedFile], joinJobs: (@Sendable () throws -> Void)?, into directory: ReportDirectory, width: Int,
        cancellation: Cancellation
    ) throws {
        try directory.makeDirectories(for: files.map(\.name))
        let runs = interleavedRuns(files.indices.map { files[$0].name })
        let pieces = (joinJobs == nil ? 0 : 1) + runs.count
        _ = try Parallel.map(pieces, width: width) { piece in
            if let joinJobs {
                if piece == 0 { return try joinJobs() }
                return try write(runs[piece - 1], of: files, into: directory, cancellation)
            }
            try write(runs[piece], of: files, into: directory, cancellation)
        }
    }

    private static func write(_ run: [Int], of files: [RenderedFile], into directory: ReportDirectory, _ cancellation: Cancellation) throws {
        for index in run {
            try directory.write(files[index].bytes, to: files[index].name, parentExists: true)
            try cancellation.checkpoint(files[index].name)
        }
    }

    /// Indices of `names` grouped by directory into runs of at most `runLength`, taking
    /// one run from each directory in turn; order within a directory is kept.
    static func interleavedRuns(_ names: [String]) -> [[Int]] {
        var byDirectory: [String: [Int]] = [:]
        var order: [String] = []
        for (index, name) in names.enumerated() {
            let directory = (name as NSString).deletingLastPathComponent
            if byDirectory[directory] == nil { order.append(directory) }
            byDirectory[directory, default: []].append(index)
        }
        var queues = order.map { byDirectory[$0]! }
        var runs: [[Int]] = []
        while queues.contains(where: { !$0.isEmpty }) {
            for k in queues.indices where !queues[k].isEmpty {
                let run = Array(queues[k].prefix(runLength))
                queues[k].removeFirst(run.count)
                runs.append(run)
            }
        }
        return runs
    }
}
