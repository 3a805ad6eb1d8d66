import Foundation

/// Makes many freshly written files durable with one flush instead of one `fsync` each.
///
/// `tally stats --all-users` and the report's `stats/` folder write one small file
/// per user: an `fsync` per file costs a journal commit each (2000 users took 8 s
/// of waiting for 0.7 s of work). Files written with `AtomicFile.writeNew(durable: false)`
/// are flushed here together before they are renamed into place, so a crash still
/// never leaves a renamed file with missing bytes.
package enum DiskFlush {
    /// Whether one call flushes a whole batch (Linux `syncfs`); elsewhere files stay flushed one by one.
    #if os(Linux)
    package static let batches = true
    #else
    package static let batches = false
    #endif

    /// Batches smaller than this are flushed file by file: `syncfs` also waits for
    /// other programs' dirty data, which under a heavy writer cost 0.75 s for 13 files.
    package static let batchThreshold = 64

    /// Flushes every file in `paths` (all on one file system) to disk.
    ///
    /// Linux, `batchThreshold` files or more: one `syncfs` on their file system.
    /// Otherwise `fsync` per file.
    /// - Throws: `TallyError.cannotWrite` naming the first path that could not be flushed.
    package static func files(_ paths: [String]) throws {
        guard let first = paths.first else { return }
        if batches, paths.count >= batchThreshold {
            try fileSystem(of: first)
        } else {
            for path in paths { try flush(path) { fsync($0) } }
        }
    }

    /// Flushes the whole file system holding `path` (`syncfs`; `sync` off Linux).
    ///
    /// - Throws: `TallyError.cannotWrite` naming `path`.
    package static func fileSystem(of path: String) throws {
        #if os(Linux)
        try flush(path) { linuxSyncfs($0) }
        #else
        try flush(path) { _ in sync(); return 0 }
        #endif
    }

    /// Opens `path`, runs `sync` on its descriptor, and reports a failure naming `path`.
    private static func flush(_ path: String, _ sync: (Int32) -> Int32) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw TallyError.cannotWrite(path: path, message: String(cString: strerror(errno))) }
        defer { close(fd) }
        guard sync(fd) == 0 else { throw TallyError.cannotWrite(path: path, message: String(cString: strerror(errno))) }
    }

    /// Flushes a directory's entries (the renames made in it) to disk; failures are ignored
    /// where a file system cannot sync directories.
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
