import CTallySupport
import Foundation

/// A run's output directory: files are written into a temporary directory beside
/// `--out`, which then replaces `--out` in one rename.
///
/// On Linux the swap is `renameat2(RENAME_EXCHANGE)`: at every instant `--out` is
/// either the whole previous report or the whole new one. A directory that exists,
/// is not empty, and was not written by tally (no `.tally-report` marker) is never
/// replaced: tally refuses with exit 73 rather than delete someone's files.
package struct ReportDirectory: Sendable {
    /// The marker file that says a directory holds a tally report.
    package static let marker = ".tally-report"

    /// Where the report will end up.
    package let target: String
    /// Where this run writes.
    package let staging: String
    private let mode: mode_t

    /// Creates the staging directory beside `target`.
    ///
    /// - Throws: `TallyError.cannotWrite` when `target` is a file, a foreign
    ///   directory, or its parent is not writable.
    package init(target: String, fileMode: mode_t = 0o644) throws {
        let trimmed = target.count > 1 && target.hasSuffix("/") ? String(target.dropLast()) : target
        self.target = trimmed
        self.mode = fileMode
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: trimmed, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw TallyError.cannotWrite(path: trimmed, message: "exists and is not a directory") }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: trimmed)) ?? []
            if !contents.isEmpty, !contents.contains(Self.marker) {
                throw TallyError.cannotWrite(
                    path: trimmed, message: "exists, is not empty and holds no tally report; choose a new or empty directory")
            }
        }
        let parent = (trimmed as NSString).deletingLastPathComponent
        try OutputDirectory.prepare(parent.isEmpty ? "." : parent)
        let staging = (parent.isEmpty ? "." : parent) + "/." + (trimmed as NSString).lastPathComponent + ".tmp-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else {
            throw TallyError.cannotWrite(path: staging, message: "cannot create temporary directory: \(String(cString: strerror(errno)))")
        }
        CleanupRegistry.shared.register(staging)
        self.staging = staging
        try write([], to: Self.marker)
    }

    /// Writes one file (a relative path; subdirectories are created) into the staging directory.
    ///
    /// Where `DiskFlush.batches`, not flushed file by file: `commit` flushes them all at once.
    /// `parentExists`: `makeDirectories` made its folder already.
    package func write(_ bytes: [UInt8], to relativePath: String, parentExists: Bool = false) throws {
        let path = staging + "/" + relativePath
        let directory = (path as NSString).deletingLastPathComponent
        if directory != staging, !parentExists { try OutputDirectory.prepare(directory) }
        try AtomicFile.writeNew(bytes, to: path, mode: mode, durable: !DiskFlush.batches)
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

    /// Moves the finished report into place and removes the previous one.
    ///
    /// - Throws: `TallyError.cannotWrite`; the previous report is then untouched.
    package func commit() throws {
        if DiskFlush.batches { try DiskFlush.fileSystem(of: stagingPath(Self.marker)) }
        if FileManager.default.fileExists(atPath: target) {
            guard Self.exchange(staging, target) else {
                throw TallyError.cannotWrite(path: target, message: "cannot replace the previous report: \(String(cString: strerror(errno)))")
            }
            // `staging` now holds the previous report.
            try? FileManager.default.removeItem(atPath: staging)
        } else if rename(staging, target) != 0 {
            throw TallyError.cannotWrite(path: target, message: "cannot move the report into place: \(String(cString: strerror(errno)))")
        }
        CleanupRegistry.shared.unregister(staging)
    }

    /// Removes the staging directory (the run failed).
    package func discard() {
        try? FileManager.default.removeItem(atPath: staging)
        CleanupRegistry.shared.unregister(staging)
    }

    private static func exchange(_ a: String, _ b: String) -> Bool {
        if tally_rename_exchange(a, b) == 0 { return true }
        guard errno == ENOSYS || errno == EINVAL else { return false }
        // No atomic exchange here: two renames, with the previous report kept until the second succeeds.
        let old = b + ".old-\(getpid())"
        guard rename(b, old) == 0 else { return false }
        guard rename(a, b) == 0 else { _ = rename(old, b); return false }
        return rename(old, a) == 0
    }
}
