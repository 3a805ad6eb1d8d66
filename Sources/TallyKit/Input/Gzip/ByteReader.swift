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

/// Reads a file, or a byte range of it, with POSIX `read`.
final class FileByteReader: ByteReader {
    private let fd: Int32
    private var remaining: Int
    private let name: String

    /// Opens `path` and positions it at `offset`; at most `length` bytes are read when given.
    init(path: String, name: String, offset: Int = 0, length: Int? = nil) throws {
        self.name = name
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw TallyError.cannotOpen(file: name, message: "cannot be opened for reading: \(Self.lastError())")
        }
        remaining = length ?? Int.max
        if offset > 0, lseek(fd, off_t(offset), SEEK_SET) < 0 {
            let message = Self.lastError()
            close(fd)
            throw TallyError.cannotOpen(file: name, message: "cannot seek to byte \(offset): \(message)")
        }
    }

    deinit { close(fd) }

    func readBytes(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let want = min(buffer.count, remaining)
        guard want > 0, let start = buffer.baseAddress else { return 0 }
        while true {
            let n = read(fd, start, want)
            if n >= 0 {
                remaining -= n
                return n
            }
            if errno == EINTR { continue }
            throw TallyError.badData(file: name, location: nil, message: "read error: \(Self.lastError())")
        }
    }

    /// The size of the file at `path`, or nil when it cannot be stat'ed.
    static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

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

    /// A reader of the decompressed bytes of `path`.
    static func open(path: String, name: String) throws -> any ByteReader {
        let file = try FileByteReader(path: path, name: name)
        return try isGzip(path: path, name: name) ? GzipByteReader(input: file, name: name) : file
    }
}
