#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A source of raw bytes read in chunks: a plain file or a decompressed gzip stream.
protocol ByteReader: AnyObject {
    /// Reads up to `buffer.count` bytes into `buffer`; 0 means the end of the input.
    func readBytes(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// What a regular file looked like when a source was opened: a read that sees it
/// differently (shorter, longer, rewritten, replaced) is reading a file that changed under it.
struct FileSnapshot: Sendable, Equatable {
    var size: Int
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var inode: UInt64
    var device: UInt64

    /// The snapshot of the file at `path` now, or nil when it cannot be stat'ed.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The snapshot of the open file `fd` now, or nil when it cannot be stat'ed.
    init?(descriptor fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        size = Int(info.st_size)
        #if canImport(Darwin)
        (modifiedSeconds, modifiedNanoseconds) = (Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec))
        #else
        (modifiedSeconds, modifiedNanoseconds) = (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
        #endif
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }

    /// How `now` differs from this snapshot, for a message.
    func change(to now: FileSnapshot?) -> String {
        guard let now else { return "it can no longer be examined" }
        if now.inode != inode || now.device != device { return "it was replaced by another file" }
        if now.size < size { return "it shrank from \(size) to \(now.size) bytes" }
        if now.size > size { return "it grew from \(size) to \(now.size) bytes" }
        return "it was rewritten (modified again, same size)"
    }

    /// The fatal error for a file called `name` that no longer matches this snapshot.
    func changedError(_ name: String, now: FileSnapshot?) -> TallyError {
        .cannotOpen(file: name, message: "changed while being read: \(change(to: now)); read it again once it is complete")
    }
}

/// Reads a file, or a byte range of it, with POSIX `read`.
///
/// Given the snapshot taken when its source was opened, it fails (exit 66) when the
/// file no longer matches it: at opening, when the input ends short of the snapshot's
/// size, and when its range or the file has been read to the end.
final class FileByteReader: ByteReader {
    private let fd: Int32
    private var remaining: Int
    private let name: String
    private let snapshot: FileSnapshot?
    /// The offset of the next byte `read` returns.
    private var position: Int

    /// Opens `path` and positions it at `offset`; at most `length` bytes are read when given.
    ///
    /// - Throws: `TallyError.cannotOpen` when the file cannot be opened, or no longer matches `snapshot`.
    init(path: String, name: String, offset: Int = 0, length: Int? = nil, snapshot: FileSnapshot? = nil) throws {
        self.name = name
        self.snapshot = snapshot
        position = offset
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw TallyError.cannotOpen(file: name, message: "cannot be opened for reading: \(Self.lastError())")
        }
        remaining = length ?? Int.max
        if let snapshot, case let now = FileSnapshot(descriptor: fd), now != snapshot {
            close(fd)
            throw snapshot.changedError(name, now: now)
        }
        if offset > 0, lseek(fd, off_t(offset), SEEK_SET) < 0 {
            let message = Self.lastError()
            close(fd)
            throw TallyError.cannotOpen(file: name, message: "cannot seek to byte \(offset): \(message)")
        }
    }

    deinit { close(fd) }

    func readBytes(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let want = min(buffer.count, remaining)
        guard want > 0, let start = buffer.baseAddress else {
            if remaining == 0 { try verifyUnchanged(atEnd: false) }
            return 0
        }
        while true {
            let n = read(fd, start, want)
            if n > 0 {
                #if DEBUG
                if snapshot != nil { ReadPause.here("read \(name)") }
                #endif
                remaining -= n
                position += n
                if remaining == 0 { try verifyUnchanged(atEnd: false) }
                return n
            }
            if n == 0 {
                try verifyUnchanged(atEnd: true)
                return 0
            }
            if errno == EINTR { continue }
            throw TallyError.badData(file: name, location: nil, message: "read error: \(Self.lastError())")
        }
    }

    /// Fails when the file no longer matches the snapshot, or (at the end of the input)
    /// when it ended before the snapshot's size: a short read of a file cut under us.
    private func verifyUnchanged(atEnd: Bool) throws {
        guard let snapshot else { return }
        let now = FileSnapshot(descriptor: fd)
        if now != snapshot || (atEnd && position != snapshot.size) { throw snapshot.changedError(name, now: now) }
    }

    /// The size of the file at `path`, or nil when it cannot be stat'ed.
    static func size(of path: String) -> Int? { FileSnapshot(path: path)?.size }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// Opens the bytes of a history file, decompressing it when it starts with the gzip magic.
enum ByteReaders {
    /// Whether the file at `path` starts with the gzip magic bytes `1f 8b`.
    static func isGzip(path: String, name: String) throws -> Bool {
        let probe = try FileByteReader(path: path, name: name, length: 2)
        var magic: (UInt8, UInt8) = (0, 0)
        let n = try withUnsafeMutableBytes(of: &magic) { try probe.readBytes(into: $0) }
        return n == 2 && magic.0 == 0x1F && magic.1 == 0x8B
    }

    /// A reader of the decompressed bytes of `path`, checked against `snapshot` when given.
    static func open(path: String, name: String, snapshot: FileSnapshot? = nil) throws -> any ByteReader {
        let file = try FileByteReader(path: path, name: name, snapshot: snapshot)
        return try isGzip(path: path, name: name) ? GzipByteReader(input: file, name: name) : file
    }
}
