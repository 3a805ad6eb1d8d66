import Foundation

/// Writes a file so that a reader sees either the old file or the whole new one.
///
/// The bytes go to a temporary file beside the target (created exclusively,
/// never through a symlink), are flushed to disk, and the file is renamed over
/// the target. A failure removes the temporary file and leaves the target as it was.
package enum AtomicFile {
    /// Writes `bytes` to `path` with permission `mode` (default 0644).
    ///
    /// - Throws: `TallyError.cannotWrite` naming the path and the system's reason.
    package static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try writeNew(bytes, to: temporary, mode: mode)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw TallyError.cannotWrite(path: path, message: "cannot move the new file into place: \(reason)")
        }
    }

    /// Creates `path` (which must not exist), writes `bytes`, and flushes it to disk
    /// unless `durable` is false (the caller then flushes a batch with `DiskFlush`).
    ///
    /// - Throws: `TallyError.cannotWrite`; on failure nothing is left at `path`.
    package static func writeNew(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644, durable: Bool = true) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw TallyError.cannotWrite(path: path, message: String(cString: strerror(errno)))
        }
        var failure: String?
        if fchmod(fd, mode) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil { failure = Descriptor.writeAll(fd, bytes, count: bytes.count) }
        if failure == nil, let injected = WriteFaultInjection.failure(for: path) { failure = injected }
        if failure == nil, durable, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(path)
            throw TallyError.cannotWrite(path: path, message: failure)
        }
    }
}

/// A test seam: makes writes of chosen file names fail as a full disk would.
///
/// Set `TALLY_FAIL_WRITES` to a file name (or `*`) to make writing it fail with
/// "No space left on device". Used by the end-to-end tests of exit 73.
/// Debug builds only: in a release build it is always nil and the variable is ignored.
enum WriteFaultInjection {
    /// The injected failure for writing `path`, if the seam names it.
    static func failure(for path: String) -> String? {
        #if DEBUG
        // `getenv`, not `ProcessInfo.environment`: that copies the whole environment into a
        // dictionary on every call (1.4% of a 200k report's CPU, asked once per file).
        guard let raw = getenv("TALLY_FAIL_WRITES"), raw.pointee != 0 else { return nil }
        let pattern = String(cString: raw)
        let name = (path as NSString).lastPathComponent
        let matches = pattern == "*" || name.contains(pattern)
        return matches ? String(cString: strerror(ENOSPC)) : nil
        #else
        return nil
        #endif
    }
}
