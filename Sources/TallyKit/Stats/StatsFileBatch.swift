import Foundation

/// Writes the per-user stats files of `--all-users` atomically, flushing them to disk together.
///
/// Every file goes to a temporary name first; once all are written they are
/// flushed with one `DiskFlush` (not one `fsync` per user), then each is renamed
/// over its target, so a reader sees either the previous file or the whole new one.
/// A file that already holds the same bytes with the same mode is left alone: a
/// nightly run rewrites only the users whose stats changed (replacing a file costs
/// the file system far more than reading it: 1 s of 2000 renames over 2000 files).
enum StatsFileBatch {
    /// Writes `files` into `directory` with permission `mode`, then removes the files named
    /// `removing` (those of users who no longer get one) when they are there.
    ///
    /// - Throws: `TallyError.cannotWrite` naming the file; temporary files are removed on failure.
    static func write(_ files: [RenderedFile], into directory: String, mode: mode_t, removing: [String] = []) throws {
        var temporaries: [String] = []
        defer { for path in temporaries { unlink(path) } }
        var changed: [RenderedFile] = []
        for file in files where !unchanged(file.bytes, at: directory + "/" + file.name, mode: mode) {
            changed.append(file)
        }
        for file in changed {
            let temporary = directory + "/.\(file.name).tmp-\(getpid())"
            unlink(temporary)
            try AtomicFile.writeNew(file.bytes, to: temporary, mode: mode, durable: false)
            temporaries.append(temporary)
        }
        try DiskFlush.files(temporaries)
        for (file, temporary) in zip(changed, temporaries) {
            let target = directory + "/" + file.name
            guard rename(temporary, target) == 0 else {
                throw TallyError.cannotWrite(
                    path: target, message: "cannot move the new file into place: \(String(cString: strerror(errno)))")
            }
        }
        temporaries.removeAll()
        for name in removing where unlink(directory + "/" + name) != 0 && errno != ENOENT {
            throw TallyError.cannotWrite(
                path: directory + "/" + name, message: "cannot remove an inactive user's file: \(String(cString: strerror(errno)))")
        }
        DiskFlush.directory(directory)
    }

    /// Whether `path` is a regular file with permission `mode` holding exactly `bytes`.
    /// A file the write-failure test seam (`TALLY_FAIL_WRITES`) names is always written, so the seam still fails it.
    private static func unchanged(_ bytes: [UInt8], at path: String, mode: mode_t) -> Bool {
        guard WriteFaultInjection.failure(for: path) == nil else { return false }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o7777 == mode,
              info.st_size == bytes.count
        else { return false }
        var existing = [UInt8](repeating: 0, count: bytes.count + 1)
        let n = existing.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        return n == bytes.count && existing.prefix(bytes.count).elementsEqual(bytes)
    }
}
