import Foundation

/// Writes the per-user stats files of `--all-users` atomically, flushing them to disk together.
///
/// Every file goes to a temporary name first; once all are written they are
/// flushed with one `DiskFlush` (not one `fsync` per user), then each is renamed
/// over its target, so a reader sees either the previous file or the whole new one.
enum StatsFileBatch {
    /// Writes `files` into `directory` with permission `mode`.
    ///
    /// - Throws: `TallyError.cannotWrite` naming the file; temporary files are removed on failure.
    static func write(_ files: [RenderedFile], into directory: String, mode: mode_t) throws {
        var temporaries: [String] = []
        defer { for path in temporaries { unlink(path) } }
        for file in files {
            let temporary = directory + "/.\(file.name).tmp-\(getpid())"
            unlink(temporary)
            try AtomicFile.writeNew(file.bytes, to: temporary, mode: mode, durable: !DiskFlush.batches)
            temporaries.append(temporary)
        }
        try DiskFlush.files(temporaries)
        for (file, temporary) in zip(files, temporaries) {
            let target = directory + "/" + file.name
            guard rename(temporary, target) == 0 else {
                throw TallyError.cannotWrite(
                    path: target, message: "cannot move the new file into place: \(String(cString: strerror(errno)))")
            }
        }
        temporaries.removeAll()
        DiskFlush.directory(directory)
    }
}
