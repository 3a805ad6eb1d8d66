import Foundation

/// The folder an `--out` names, checked before anything is created for it.
///
/// A run replaces the folder as a whole (`ReportDirectory`), beside it keeps its lock
/// (`OutputLock`) and its staging directory, so the path must name a folder by a
/// name of its own, and the folder, when it exists, must be one tally wrote.
package struct OutputTarget: Sendable, Equatable {
    /// The folder's path, without trailing slashes.
    package let path: String
    /// The folder holding it (`.` for a bare name).
    package let parent: String
    /// The folder's own name.
    package let name: String

    /// Checks `path`: a refused one creates nothing.
    ///
    /// `recognises` may accept a non-empty folder without tally's marker by its file
    /// names (a folder an older tally wrote before it left markers).
    /// - Throws: `TallyError.usage` when `path` is empty or does not end in a name of
    ///   its own (`/`, `.`, `..`); `TallyError.cannotWrite` when it exists and is not a
    ///   directory, or is a non-empty directory tally did not write.
    package init(_ path: String, recognises: @Sendable ([String]) -> Bool = { _ in false }) throws {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard !trimmed.isEmpty else { throw TallyError.usage("the output directory is an empty path; name a folder") }
        // Split by hand: NSString's path methods trap on a one-character path (`--out o`).
        let slash = trimmed.lastIndex(of: "/")
        let name = slash.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
        guard !["", ".", ".."].contains(name) else {
            throw TallyError.usage("the output directory '\(path)' must end in a folder name of its own, not '\(name.isEmpty ? "/" : name)'")
        }
        self.path = trimmed
        self.parent = slash.map { $0 == trimmed.startIndex ? "/" : String(trimmed[..<$0]) } ?? "."
        self.name = name
        try checkContents(recognises: recognises)
    }

    /// The hidden lock file beside the folder: `.<name>.tally-lock`.
    package var lockPath: String { besides("." + name + ".tally-lock") }

    /// The staging directory of the run with process id `pid`: `.<name>.tmp-<pid>` beside the folder.
    package func stagingPath(pid: Int32 = getpid()) -> String { besides(stagingPrefix + "\(pid)") }

    /// The start of every staging directory's name: `.<name>.tmp-`.
    package var stagingPrefix: String { "." + name + ".tmp-" }

    /// The path of `sibling`, a name in the folder holding the target.
    package func besides(_ sibling: String) -> String { (parent == "/" ? "" : parent) + "/" + sibling }

    /// Checks that the folder is absent, empty, or tally's (again under the lock: it may have changed).
    ///
    /// - Throws: `TallyError.cannotWrite` as `init` does.
    package func checkContents(recognises: ([String]) -> Bool = { _ in false }) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw TallyError.cannotWrite(path: path, message: "exists and is not a directory")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if !contents.isEmpty, !contents.contains(ReportDirectory.marker), !recognises(contents) {
            throw TallyError.cannotWrite(
                path: path, message: "exists, is not empty and holds no tally report; choose a new or empty directory")
        }
    }
}
