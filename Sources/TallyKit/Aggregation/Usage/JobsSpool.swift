import Foundation

/// A temporary file collecting one shard's `jobs.csv` rows while it is read.
///
/// Each shard writes its own spool; the report joins them in shard order,
/// which is reading order, so `--jobs 1` and `--jobs N` give the same file.
/// Every spool starts with the file's header, so the first spool holding rows
/// becomes `jobs.csv` by a rename and only the later ones are copied onto it.
/// The one reference type in the aggregates: it owns a file descriptor, used by
/// one shard's thread at a time.
package final class JobsSpool: @unchecked Sendable {
    /// Where the rows go.
    package let path: String
    /// The length of the header every spool starts with.
    package let headerCount: Int
    let fd: Int32
    private var buffer: [UInt8]
    private var removed = false
    /// Bytes written to the file so far (header included); `size` adds what is still buffered.
    private var flushed = 0
    private let format: @Sendable (JobRecord, inout [UInt8]) -> Void
    /// The first write error (a full disk), reported when the spools are joined.
    package private(set) var failure: String?

    /// A new spool file at `path` (which must not exist) starting with `header`, formatting each job with `format`.
    ///
    /// - Throws: `TallyError.cannotWrite` when the file cannot be created.
    package init(path: String, header: [UInt8], format: @escaping @Sendable (JobRecord, inout [UInt8]) -> Void) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw TallyError.cannotWrite(path: path, message: "cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.fd = fd
        self.headerCount = header.count
        self.buffer = header
        self.format = format
    }

    /// Appends one job's row.
    package func add(_ job: JobRecord) {
        guard !removed else { return }
        format(job, &buffer)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// The file's length once flushed, header included.
    package var size: Int { flushed + buffer.count }

    /// Whether any job's row was added.
    package var hasRows: Bool { size > headerCount }

    /// Writes buffered rows to the file; a write error is kept in `failure` (never a trap).
    package func flush() {
        guard !buffer.isEmpty, failure == nil else { return }
        if let failure = FileAppend.writeAll(fd, buffer, count: buffer.count) {
            self.failure = failure
        } else {
            flushed += buffer.count
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Deletes the spool file (its pass was thrown away, or it was joined); later rows are dropped.
    package func remove() {
        buffer.removeAll()
        removed = true
        unlink(path)
    }

    deinit {
        if !removed { flush() }
        close(fd)
    }
}
