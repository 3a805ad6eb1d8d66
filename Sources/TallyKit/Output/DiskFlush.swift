import Foundation

/// Makes freshly written files and folders durable before they are swapped into place.
///
/// A report's staging directory holds one file per user in `stats/` (and per invoice):
/// an `fsync` per file costs a journal commit each (2000 users took 8 s of waiting for
/// 0.7 s of work), so on Linux the files are flushed with one `syncfs` on their file
/// system. Files written with `AtomicFile.writeNew(durable: false)` are flushed here
/// before the rename that publishes them, so a crash never leaves a published file with
/// missing bytes.
package enum DiskFlush {
    /// Flushes every file in `paths` (all on one file system) to disk.
    ///
    /// Linux: one `syncfs` on their file system, whatever their number. Elsewhere `fsync` per file.
    /// - Throws: `TallyError.cannotWrite` naming the first path that could not be flushed.
    package static func files(_ paths: [String]) throws {
        guard let first = paths.first else { return }
        #if os(Linux)
        try flush(first) { linuxSyncfs($0) }
        #else
        for path in paths { try flush(path) { fsync($0) } }
        #endif
    }

    /// Opens `path`, runs `sync` on its descriptor, and reports a failure naming `path`.
    private static func flush(_ path: String, _ sync: (Int32) -> Int32) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw TallyError.cannotWrite(path: path, message: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard sync(fd) == 0 else { throw TallyError.cannotWrite(path: path, message: String(cString: strerror(errno))) }
    }

    /// Flushes a directory's entries (the files and renames made in it) to disk; failures are
    /// ignored where a file system cannot sync directories.
    package static func directory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}

#if os(Linux)
/// `syncfs(2)`, which Glibc's Swift overlay does not export (it needs `_GNU_SOURCE`).
@_silgen_name("syncfs")
private func linuxSyncfs(_ fd: Int32) -> Int32
#endif
