import Foundation

/// An exclusive lock on an output directory, so two runs never interleave files.
///
/// The lock is `flock` on `<out>.lock` beside the directory (which is itself
/// replaced by each run), holding the owner's pid for the message the second run
/// prints. The kernel releases it when the process dies, so a killed run never
/// leaves a stale lock behind.
package struct OutputLock: ~Copyable {
    private let fd: Int32
    /// The lock file's path.
    package let path: String

    /// Takes the lock for `directory`, failing at once when another run holds it.
    ///
    /// - Throws: `TallyError.cannotWrite` naming the other run's pid.
    package init(directory: String) throws {
        let path = directory.hasSuffix("/") ? String(directory.dropLast()) + ".lock" : directory + ".lock"
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty { try OutputDirectory.prepare(parent) }
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw TallyError.cannotWrite(path: path, message: "cannot create lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = read(fd, &buffer, 31)
            let holder = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "?"
            close(fd)
            throw TallyError.cannotWrite(
                path: directory, message: "another tally run (pid \(holder)) is writing this output; try again when it has finished")
        }
        ftruncate(fd, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, pid.count, 0) }
        self.fd = fd
        self.path = path
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
