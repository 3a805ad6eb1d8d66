import Foundation

/// Finds and removes staging directories that earlier runs left beside `--out`
/// when they were killed before they could clean up (SIGKILL, the OOM killer, a
/// crash): at 10M jobs one holds gigabytes of `jobs.csv` spools.
///
/// Only called while holding the output's `OutputLock`, so no live run owns them.
/// A sibling is removed only when its name is `.<out>.tmp-<pid>` and it is a real
/// directory (not a symlink) that holds tally's `.tally-report` marker or nothing.
enum StaleStaging {
    /// Removes the stale staging directories of `target` and returns their paths.
    static func remove(besides target: OutputTarget, except current: String) -> [String] {
        let prefix = target.stagingPrefix
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: target.parent) else { return [] }
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix(prefix) {
            let pid = name.dropFirst(prefix.count)
            let path = target.besides(name)
            guard !pid.isEmpty, pid.allSatisfy(\.isASCIIDigit), path != current, isStaging(path) else { continue }
            if (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
        }
        return removed
    }

    /// Whether `path` is a real directory holding only what a tally staging directory can hold.
    private static func isStaging(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["?"]
        return contents.isEmpty || contents.contains(ReportDirectory.marker)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
