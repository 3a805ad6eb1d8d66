import CTallySupport
import Foundation

/// A run's output folder (a report, or `stats --all-users`): files are written into
/// a staging directory beside the folder, which then replaces it in one rename.
///
/// On Linux the swap is `renameat2(RENAME_EXCHANGE)`: at every instant the folder is
/// either the whole previous output or the whole new one. Before the swap every file
/// and folder of the staging directory is flushed to disk, after it the parent
/// folder, so once `commit` returns a power cut cannot leave a partial output. A
/// folder that exists, is not empty, and was not written by tally (no
/// `.tally-report` marker) is never replaced (`OutputTarget`).
///
/// The run that makes a `ReportDirectory` owns its staging directory: it calls
/// `commit` or `discard` on its own path, never from a signal handler.
package struct ReportDirectory: Sendable {
    /// The marker file that says a folder holds tally's output.
    package static let marker = ".tally-report"

    /// Where the output will end up.
    package let target: String
    /// Where this run writes.
    package let staging: String
    private let parent: String
    private let mode: mode_t
    /// Whether there is a previous output whose unchanged files can be linked instead of written.
    private let previousExists: Bool

    /// Checks `target` again (the caller holds its lock) and creates the staging directory beside it.
    ///
    /// - Throws: `TallyError.cannotWrite` when `target` is a file or a foreign
    ///   directory, or its parent is not writable.
    package init(target: OutputTarget, fileMode: mode_t = 0o644, recognises: ([String]) -> Bool = { _ in false }) throws {
        try target.checkContents(recognises: recognises)
        self.target = target.path
        self.parent = target.parent
        self.mode = fileMode
        var info = stat()
        self.previousExists = stat(target.path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        try OutputDirectory.prepare(target.parent)
        let staging = target.stagingPath()
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else {
            throw TallyError.cannotWrite(path: staging, message: "cannot create temporary directory: \(String(cString: strerror(errno)))")
        }
        self.staging = staging
        do {
            try write([], to: Self.marker)
        } catch {
            discard()
            throw error
        }
    }

    /// Writes one file (a relative path; subdirectories are created) into the staging directory,
    /// or links the previous output's file of that name when it holds exactly these bytes (`UnchangedFile`).
    ///
    /// Not flushed to disk here: `commit` flushes every file at once.
    /// `parentExists`: `makeDirectories` made its folder already.
    package func write(_ bytes: [UInt8], to relativePath: String, parentExists: Bool = false) throws {
        let path = staging + "/" + relativePath
        let directory = (path as NSString).deletingLastPathComponent
        if directory != staging, !parentExists { try OutputDirectory.prepare(directory) }
        if previousExists, UnchangedFile.link(bytes, from: target + "/" + relativePath, to: path, mode: mode) { return }
        try AtomicFile.writeNew(bytes, to: path, mode: mode, durable: false)
    }

    /// Creates the folders that the relative paths `names` need inside the staging directory, each once.
    ///
    /// - Throws: `TallyError.cannotWrite` naming the folder.
    package func makeDirectories(for names: [String]) throws {
        let folders = Set(names.map { (staging + "/" + $0 as NSString).deletingLastPathComponent }).subtracting([staging])
        for folder in folders.sorted() { try OutputDirectory.prepare(folder) }
    }

    /// The absolute path of a relative name inside the staging directory.
    package func stagingPath(_ relativePath: String) -> String { staging + "/" + relativePath }

    /// Flushes the staging directory to disk, moves it into place, and removes the previous output.
    ///
    /// `cancellation` is checked once everything is on disk, just before the swap:
    /// the last point where the run may stop. Past the swap the run has succeeded.
    /// - Throws: `TallyError.cannotWrite` or `Interrupted`; the previous output is then untouched.
    package func commit(cancellation: Cancellation) throws {
        try flushToDisk()
        try cancellation.checkpoint("flushed")
        let previous = try swapIn()
        cancellation.passed("swapped")
        DiskFlush.directory(parent)
        if let previous { try? FileManager.default.removeItem(atPath: previous) }
    }

    /// Removes the staging directory (the run failed or was cancelled).
    package func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Every file of the staging directory, then every folder in it (deepest first), then the directory itself.
    private func flushToDisk() throws {
        let (files, folders) = DirectoryTree.walk(staging)
        try DiskFlush.files(files)
        for folder in folders.reversed() { DiskFlush.directory(folder) }
        DiskFlush.directory(staging)
    }

    /// Puts the staging directory at `target`; returns where the previous output went, if there was one.
    ///
    /// - Throws: `TallyError.cannotWrite`; `target` then still holds the previous output.
    private func swapIn() throws -> String? {
        func failure(_ what: String) -> TallyError {
            TallyError.cannotWrite(path: target, message: "cannot \(what): \(String(cString: strerror(errno)))")
        }
        guard FileManager.default.fileExists(atPath: target) else {
            guard rename(staging, target) == 0 else { throw failure("move the report into place") }
            return nil
        }
        if tally_rename_exchange(staging, target) == 0 { return staging }
        guard errno == ENOSYS || errno == EINVAL else { throw failure("replace the previous report") }
        // No atomic exchange here: two renames, the previous output put back if the second fails.
        let old = target + ".old-\(getpid())"
        guard rename(target, old) == 0 else { throw failure("replace the previous report") }
        guard rename(staging, target) == 0 else {
            let error = failure("replace the previous report")
            _ = rename(old, target)
            throw error
        }
        return old
    }
}
