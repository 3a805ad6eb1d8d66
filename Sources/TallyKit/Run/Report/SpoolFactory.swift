import Foundation
import Synchronization

/// Makes the `jobs.csv` spools of a run inside its staging directory, and joins them.
///
/// The factory knows every spool it made, so the spools of a pass the scan threw
/// away (ids repeated, the shards were read again) are removed: by
/// `removeAll()` as soon as the scan says so, and in any case by `concatenate`,
/// which joins only the spools it is given (the final pass's) and removes the rest.
final class SpoolFactory: Sendable {
    private struct State {
        var next = 0
        var failure: TallyError?
        /// Paths of the spools made and not yet removed.
        var files: [String] = []
    }

    private let state = Mutex(State())
    private let directory: String
    private let writer: JobsCSVWriter
    private let header: [UInt8]

    init(directory: String, bom: Bool) {
        self.directory = directory
        self.writer = JobsCSVWriter(bom: bom)
        self.header = Array(writer.header.utf8)
    }

    /// A new spool (called once per shard and once for the merge target); nil when its file
    /// cannot be created, which `concatenate` then reports.
    func make() -> JobsSpool? {
        let path = state.withLock { state in
            defer { state.next += 1 }
            return directory + "/.jobs-\(state.next).part"
        }
        do {
            let file = try SpoolFile(creating: path)
            state.withLock { $0.files.append(path) }
            let writer = self.writer
            return JobsSpool(file: file, header: header) { writer.append($0, to: &$1) }
        } catch {
            state.withLock { state in
                state.failure = state.failure ?? TallyError.cannotWrite(path: directory, message: "cannot create a temporary file for jobs.csv")
            }
            return nil
        }
    }

    /// Removes every spool made so far: the scan threw their pass away.
    func removeAll() {
        let files = state.withLock { state in
            defer { state.files.removeAll() }
            return state.files
        }
        for path in files { unlink(path) }
    }

    /// Joins `spools`, in order, into `path` with permission `mode`, and removes every spool file.
    ///
    /// Every spool starts with the header: the first one holding rows (else the first)
    /// is renamed to `path`, and the rows of each later one are appended to it.
    /// `cancellation` is checked between spools. On failure `path` may be left partly
    /// written: it is in the staging directory, which the caller then discards.
    func concatenate(_ spools: [JobsSpool], into path: String, mode: mode_t, cancellation: Cancellation) throws {
        defer { removeAll() }
        if let failure = state.withLock({ $0.failure }) { throw failure }
        guard !spools.isEmpty else { return try AtomicFile.writeNew(header, to: path, mode: mode) }
        var spools = spools
        for k in spools.indices {
            spools[k].flush()
            if let failure = spools[k].failure { throw TallyError.cannotWrite(path: spools[k].file.path, message: failure) }
        }
        let start = spools.firstIndex(where: \.hasRows) ?? 0
        let base = spools[start]
        guard fchmod(base.file.descriptor, mode) == 0, rename(base.file.path, path) == 0 else {
            throw TallyError.cannotWrite(path: path, message: String(cString: strerror(errno)))
        }
        for spool in spools[(start + 1)...] where spool.hasRows {
            try cancellation.checkpoint("jobs.csv")
            if let failure = FileAppend.append(from: spool.file.descriptor, offset: spool.headerCount, end: spool.size, to: base.file.descriptor) {
                throw TallyError.cannotWrite(path: path, message: failure)
            }
        }
        if let failure = WriteFaultInjection.failure(for: path) { throw TallyError.cannotWrite(path: path, message: failure) }
        guard fsync(base.file.descriptor) == 0 else { throw TallyError.cannotWrite(path: path, message: String(cString: strerror(errno))) }
    }
}
