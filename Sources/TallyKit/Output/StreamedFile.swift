import Foundation

/// A new file written a piece at a time, for outputs too large to hold in memory
/// (a billing run's CSV and JSON files grow with its customers).
///
/// Created exclusively (never through a symlink); bytes are buffered and written
/// a mebibyte at a time; `finish` closes the file (flushing it to disk when
/// `durable`; a report's staging directory is flushed whole when committed).
package final class StreamedFile {
    /// Where the file is.
    package let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let durable: Bool
    /// Bytes written so far, buffered ones included.
    package private(set) var size = 0

    /// Creates `path` (which must not exist) with permission `mode`.
    ///
    /// - Throws: `TallyError.cannotWrite` naming the path.
    package init(path: String, mode: mode_t = 0o644, durable: Bool = false) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw TallyError.cannotWrite(path: path, message: String(cString: strerror(errno))) }
        if fchmod(fd, mode) != 0 {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw TallyError.cannotWrite(path: path, message: reason)
        }
        self.path = path
        self.fd = fd
        self.durable = durable
        buffer.reserveCapacity(1 << 20)
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Appends bytes.
    ///
    /// - Throws: `TallyError.cannotWrite` when the disk refuses them.
    package func write(_ bytes: [UInt8]) throws {
        buffer += bytes
        size += bytes.count
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends text as UTF-8.
    package func write(_ text: String) throws { try write(Array(text.utf8)) }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        if let failure = Descriptor.writeAll(fd, buffer, count: buffer.count) ?? WriteFaultInjection.failure(for: path) {
            throw TallyError.cannotWrite(path: path, message: failure)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered, flushes the file to disk when durable, and closes it.
    ///
    /// - Throws: `TallyError.cannotWrite`.
    package func finish() throws {
        try flush()
        var failure: String?
        if durable, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        fd = -1
        if let failure { throw TallyError.cannotWrite(path: path, message: failure) }
    }
}
