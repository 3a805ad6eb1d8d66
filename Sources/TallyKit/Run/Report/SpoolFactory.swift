import Foundation

/// Makes one `jobs.csv` spool per shard inside the staging directory, and joins them.
final class SpoolFactory: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var failure: TallyError?
    private let directory: String
    private let writer: JobsCSVWriter
    private let header: [UInt8]

    init(directory: String, bom: Bool) {
        self.directory = directory
        self.writer = JobsCSVWriter(bom: bom)
        self.header = Array(writer.header.utf8)
    }

    /// A new spool (called once per shard and once for the merge target).
    func make() -> JobsSpool? {
        lock.lock()
        let n = next
        next += 1
        lock.unlock()
        let writer = self.writer
        do {
            return try JobsSpool(path: directory + "/.jobs-\(n).part", header: header) { writer.append($0, to: &$1) }
        } catch {
            lock.lock(); defer { lock.unlock() }
            failure = failure ?? TallyError.cannotWrite(path: directory, message: "cannot create a temporary file for jobs.csv")
            return nil
        }
    }

    /// Joins the spools, in order, into `path` with permission `mode`, and removes them.
    ///
    /// Every spool starts with the header: the first one holding rows (else the first)
    /// is renamed to `path`, and the rows of each later one are appended to it.
    /// On failure `path` may be left partly written: it is in the staging directory,
    /// which the caller then discards.
    func concatenate(_ spools: [JobsSpool], into path: String, mode: mode_t) throws {
        if let failure { throw failure }
        guard let first = spools.first else { return try AtomicFile.writeNew(header, to: path, mode: mode) }
        defer { for spool in spools { spool.remove() } }
        for spool in spools {
            spool.flush()
            if let failure = spool.failure { throw TallyError.cannotWrite(path: spool.path, message: failure) }
        }
        let base = spools.first(where: \.hasRows) ?? first
        guard fchmod(base.fd, mode) == 0, rename(base.path, path) == 0 else {
            throw TallyError.cannotWrite(path: path, message: String(cString: strerror(errno)))
        }
        for spool in spools.drop(while: { $0 !== base }).dropFirst() where spool.hasRows {
            if let failure = FileAppend.append(from: spool.fd, offset: spool.headerCount, end: spool.size, to: base.fd) {
                throw TallyError.cannotWrite(path: path, message: failure)
            }
        }
        if let failure = WriteFaultInjection.failure(for: path) { throw TallyError.cannotWrite(path: path, message: failure) }
        guard fsync(base.fd) == 0 else { throw TallyError.cannotWrite(path: path, message: String(cString: strerror(errno))) }
    }
}
