import Foundation

/// Makes one `jobs.csv` spool per shard inside the staging directory, and joins them.
final class SpoolFactory: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var failure: TallyError?
    private let directory: String
    private let writer: JobsCSVWriter

    init(directory: String, bom: Bool) {
        self.directory = directory
        self.writer = JobsCSVWriter(bom: bom)
    }

    /// A new spool (called once per shard and once for the merge target).
    func make() -> JobsSpool? {
        lock.lock()
        let n = next
        next += 1
        lock.unlock()
        let writer = self.writer
        do {
            return try JobsSpool(path: directory + "/.jobs-\(n).part") { writer.append($0, to: &$1) }
        } catch {
            lock.lock(); defer { lock.unlock() }
            failure = failure ?? TallyError.cannotWrite(path: directory, message: "cannot create a temporary file for jobs.csv")
            return nil
        }
    }

    /// Writes the header and every spool, in order, to `path`, then removes the spools.
    func concatenate(_ spools: [JobsSpool], into path: String, mode: mode_t) throws {
        if let failure { throw failure }
        var header = Array(writer.header.utf8)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw TallyError.cannotWrite(path: path, message: String(cString: strerror(errno))) }
        defer { close(fd) }
        try Self.write(fd, &header, path)
        for spool in spools {
            spool.flush()
            if let failure = spool.failure { throw TallyError.cannotWrite(path: spool.path, message: failure) }
            guard let input = FileHandle(forReadingAtPath: spool.path) else {
                throw TallyError.cannotWrite(path: spool.path, message: "temporary file vanished")
            }
            while true {
                var chunk = [UInt8](input.readData(ofLength: 4 << 20))
                if chunk.isEmpty { break }
                try Self.write(fd, &chunk, path)
            }
            try? input.close()
            unlink(spool.path)
        }
        if let failure = WriteFaultInjection.failure(for: path) { throw TallyError.cannotWrite(path: path, message: failure) }
        guard fsync(fd) == 0 else { throw TallyError.cannotWrite(path: path, message: String(cString: strerror(errno))) }
    }

    private static func write(_ fd: Int32, _ bytes: inout [UInt8], _ path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw TallyError.cannotWrite(path: path, message: String(cString: strerror(errno)))
            }
            offset += n
        }
    }
}
