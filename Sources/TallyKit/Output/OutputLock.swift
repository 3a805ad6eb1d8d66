import Foundation

/// An exclusive lock on an output folder, so two runs never interleave files.
///
/// The lock is `flock` on a hidden file beside the folder, `.<name>.tally-lock`
/// (the folder itself is replaced by each run), holding the owner's pid for the
/// message the second run prints. The owner removes the file when it is done; the
/// kernel releases the lock when a process dies, so a killed run leaves at most an
/// unlocked file behind, which the next run takes over.
package struct OutputLock: ~Copyable {
    private let fd: Int32
    /// The lock file's path.
    package let path: String

    /// Runs `body` holding the lock of `target`, then removes the lock file and releases it.
    ///
    /// - Throws: `TallyError.cannotWrite` naming the other run's pid when another run
    ///   holds it, or when the lock file cannot be made; else what `body` throws.
    package static func holding<T>(_ target: OutputTarget, _ body: () throws -> T) throws -> T {
        let lock = try OutputLock(target)
        do {
            let value = try body()
            lock.release()
            return value
        } catch {
            lock.release()
            throw error
        }
    }

    /// Takes the lock for `target` (creating the folders above it), failing at once when another run holds it.
    private init(_ target: OutputTarget) throws {
        try OutputDirectory.prepare(target.parent)
        let path = target.lockPath
        // A holder removes the file before it unlocks: a lock taken on a file that is no
        // longer at `path` guards nothing, so it is dropped and the file opened again.
        for _ in 0..<100 {
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
                    path: target.path, message: "another tally run (pid \(holder)) is writing this output; try again when it has finished")
            }
            if Self.isStill(fd, at: path) {
                ftruncate(fd, 0)
                let pid = Array("\(getpid())\n".utf8)
                _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, pid.count, 0) }
                self.fd = fd
                self.path = path
                return
            }
            close(fd)
        }
        throw TallyError.cannotWrite(path: path, message: "cannot take the lock: the lock file keeps being replaced")
    }

    /// Whether the open file `fd` is the one at `path` (not removed or replaced since it was opened).
    private static func isStill(_ fd: Int32, at path: String) -> Bool {
        var open = stat()
        var named = stat()
        return fstat(fd, &open) == 0 && lstat(path, &named) == 0 && open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// Ends the value's life: `deinit` removes the lock file, then releases the lock (in that order: see `init`).
    private consuming func release() {}

    deinit {
        unlink(path)
        close(fd)
    }
}
