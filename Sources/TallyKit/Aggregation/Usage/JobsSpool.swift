import Foundation

/// A temporary file collecting one shard's `jobs.csv` rows while it is read.
///
/// Each shard writes its own spool; the report concatenates them in shard order,
/// which is reading order, so `--jobs 1` and `--jobs N` give the same file.
/// The one reference type in the aggregates: it owns a file handle, used by one
/// shard's thread at a time.
public final class JobsSpool: @unchecked Sendable {
    /// Where the rows go.
    public let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var removed = false
    private let format: @Sendable (JobRecord, inout [UInt8]) -> Void
    /// The first write error (a full disk), reported when the spools are joined.
    public private(set) var failure: String?

    /// A new spool file at `path`, formatting each job with `format`.
    ///
    /// - Throws: `TallyError.cannotWrite` when the file cannot be created.
    public init(path: String, format: @escaping @Sendable (JobRecord, inout [UInt8]) -> Void) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw TallyError.cannotWrite(path: path, message: "cannot create a temporary file")
        }
        self.path = path
        self.handle = handle
        self.format = format
    }

    /// Appends one job's row.
    public func add(_ job: JobRecord) {
        guard !removed else { return }
        format(job, &buffer)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Writes buffered rows to the file; a write error is kept in `failure` (never a trap).
    public func flush() {
        guard !buffer.isEmpty, failure == nil else { return }
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Foundation.write(handle.fileDescriptor, $0.baseAddress! + offset, buffer.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                break
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Deletes the spool file (its pass was thrown away); later rows are dropped.
    public func remove() {
        buffer.removeAll()
        removed = true
        unlink(path)
    }

    deinit {
        if removed { try? handle.close(); return }
        flush()
        try? handle.close()
    }
}
