import Foundation

/// The files and folders under a directory, read with `readdir` (no attributes fetched: a
/// `stats/` folder can hold a file per user).
enum DirectoryTree {
    /// Every file and every folder below `root` (not `root` itself); a folder comes before what it holds.
    static func walk(_ root: String) -> (files: [String], folders: [String]) {
        var files: [String] = []
        var folders: [String] = []
        var pending = [root]
        while let directory = pending.popLast() {
            guard let stream = opendir(directory) else { continue }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
                if name == "." || name == ".." { continue }
                let path = directory + "/" + name
                if isDirectory(path, type: entry.pointee.d_type) {
                    folders.append(path)
                    pending.append(path)
                } else {
                    files.append(path)
                }
            }
        }
        return (files, folders)
    }

    /// Whether a `readdir` entry is a folder; file systems that do not say (`DT_UNKNOWN`) are asked with `lstat`.
    private static func isDirectory(_ path: String, type: UInt8) -> Bool {
        if Int32(type) != Int32(DT_UNKNOWN) { return Int32(type) == Int32(DT_DIR) }
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
