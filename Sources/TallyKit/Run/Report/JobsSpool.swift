import Foundation

/// The rows of `jobs.csv` one shard read, in a temporary file of the staging directory.
///
/// Rows are formatted into a buffer and written to the file a megabyte at a time.
/// A spool is a value: the shard that reads into it owns it, the merged aggregate
/// ends up holding every shard's, and only the run's `SpoolFactory` joins them
/// into `jobs.csv` (or removes them, for a pass the scan threw away). Every spool
/// starts with the file's header, so the first one holding rows can become
/// `jobs.csv` by a rename.
struct JobsSpool: Sendable {
    /// The spool's file: where its rows go.
    let file: SpoolFile
    /// The length of the header the spool starts with.
    let headerCount: Int
    private var buffer: [UInt8]
    /// Bytes written to the file so far (header included); `size` adds what is still buffered.
    private var flushed = 0
    private let format: @Sendable (JobRecord, inout [UInt8]) -> Void
    /// The first write error (a full disk), reported when the spools are joined.
    private(set) var failure: String?

    /// A spool writing to `file`, starting with `header`, formatting each job with `format`.
    init(file: SpoolFile, header: [UInt8], format: @escaping @Sendable (JobRecord, inout [UInt8]) -> Void) {
        self.file = file
        self.headerCount = header.count
        self.buffer = header
        self.format = format
    }

    /// Appends one job's row.
    mutating func add(_ job: JobRecord) {
        format(job, &buffer)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// The file's length once flushed, header included.
    var size: Int { flushed + buffer.count }

    /// Whether any job's row was added.
    var hasRows: Bool { size > headerCount }

    /// Writes buffered rows to the file; a write error is kept in `failure` (never a trap).
    mutating func flush() {
        guard !buffer.isEmpty, failure == nil else { return }
        if let failure = Descriptor.writeAll(file.descriptor, buffer, count: buffer.count) {
            self.failure = failure
        } else {
            flushed += buffer.count
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A temporary file created for a spool: its path, and a descriptor closed when the last spool value holding it goes.
///
/// Removing the file is its factory's business (`SpoolFactory`), by path.
final class SpoolFile: Sendable {
    /// Where the file is.
    let path: String
    /// The open descriptor, read and written only by the spool's owner.
    let descriptor: Int32

    /// Creates `path`, which must not exist (never through a symlink).
    ///
    /// - Throws: `TallyError.cannotWrite` naming the path.
    init(creating path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw TallyError.cannotWrite(path: path, message: "cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.descriptor = fd
    }

    deinit { close(descriptor) }
}

/// The `jobs.csv` rows of a shard and, once merged, of every later shard, in reading order.
struct JobsCSVRows: Sendable {
    /// One spool per shard merged in; rows go to the last.
    private(set) var spools: [JobsSpool]

    /// A shard's rows, going to `spool` (none when `jobs.csv` is not written).
    init(_ spool: JobsSpool?) {
        spools = spool.map { [$0] } ?? []
    }

    /// Appends one job's row to the latest spool.
    mutating func add(_ job: JobRecord) {
        guard !spools.isEmpty else { return }
        spools[spools.count - 1].add(job)
    }

    /// Takes the spools of a shard read after this one's.
    mutating func merge(_ later: JobsCSVRows) {
        spools += later.spools
    }
}
