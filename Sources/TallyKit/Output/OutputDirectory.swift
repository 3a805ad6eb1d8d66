import Foundation

/// Checks and creates output directories.
package enum OutputDirectory {
    /// Makes sure `path` is a writable directory, creating it (and its parents) when missing.
    ///
    /// - Throws: `TallyError.cannotWrite` when it is a file or cannot be created or written.
    package static func prepare(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw TallyError.cannotWrite(path: path, message: "exists and is not a directory")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw TallyError.cannotWrite(path: path, message: "cannot create directory: \(error.localizedDescription)")
            }
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw TallyError.cannotWrite(path: path, message: "directory is not writable")
        }
    }
}
