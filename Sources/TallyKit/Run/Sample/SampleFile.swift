#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through a temporary name and renamed into place, so no reader sees half of it.
///
/// Bytes collect in `buffer`; `flushIfFull()` writes them out past 1 MiB, so
/// memory stays flat however large the file grows.
final class SampleFile {
    let path: String
    let temporaryPath: String
    private var descriptor: Int32
    /// Pending bytes; append to it, then call `flushIfFull()`.
    var buffer: [UInt8] = []

    /// Creates (truncates) the temporary file beside `path`.
    init(path: String) throws {
        self.path = path
        temporaryPath = Self.temporaryPath(for: path)
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw SampleFile.error(temporaryPath) }
        buffer.reserveCapacity(1 << 21)
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    /// Writes the buffer out once it holds more than 1 MiB.
    @inline(__always)
    func flushIfFull() throws {
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes every buffered byte to the file.
    func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            guard written > 0 else { throw SampleFile.error(temporaryPath) }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Appends the whole content of the file at `source`, in 1 MiB chunks.
    func appendContents(of source: String) throws {
        try flush()
        let input = open(source, O_RDONLY)
        guard input >= 0 else { throw SampleFile.error(source) }
        defer { close(input) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            guard count >= 0 else { throw SampleFile.error(source) }
            if count == 0 { break }
            buffer.append(contentsOf: chunk[0..<count])
            try flush()
        }
    }

    /// Flushes, closes and renames the temporary file to `path`.
    func commit() throws {
        try flush()
        let status = close(descriptor)
        descriptor = -1
        guard status == 0 else { throw SampleFile.error(temporaryPath) }
        try Self.rename(temporaryPath, to: path)
    }

    /// The hidden temporary name beside `path`: `DIR/.NAME.tmp-PID`.
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(directory).\(name).tmp-\(getpid())"
    }

    /// Renames `source` over `destination` atomically.
    static func rename(_ source: String, to destination: String) throws {
        #if canImport(Glibc)
        let status = Glibc.rename(source, destination)
        #else
        let status = Darwin.rename(source, destination)
        #endif
        guard status == 0 else { throw error(destination) }
    }

    /// A `cannotWrite` error carrying the system's reason.
    static func error(_ path: String) -> TallyError {
        .cannotWrite(path: path, message: String(cString: strerror(errno)))
    }
}
