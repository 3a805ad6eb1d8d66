/// The files a report wrote, told apart as top-level files and one summary per subfolder.
///
/// A report can hold thousands of files (`invoices/`, `stats/`): the log names the
/// top-level ones each with its size and counts the rest folder by folder.
package struct WrittenFiles: Sendable, Equatable {
    /// One subfolder's files: how many, and their bytes together.
    package struct Folder: Sendable, Equatable {
        /// The folder's name without the slash, e.g. `invoices`.
        package var name: String
        /// How many files it holds.
        package var files: Int
        /// Their sizes added up.
        package var bytes: Int
    }

    /// Top-level files and their sizes, by name.
    package var topLevel: [(name: String, bytes: Int)]
    /// Subfolders, by name.
    package var folders: [Folder]

    /// Sorts `files` (relative names and sizes) into top-level files and folder summaries, adding
    /// `counted`: folders whose files were only counted (a million invoice pages are not listed one by one).
    package init(_ files: [(name: String, bytes: Int)], counted: [Folder] = []) {
        var topLevel: [(name: String, bytes: Int)] = []
        var folders: [String: Folder] = [:]
        for folder in counted {
            folders[folder.name, default: Folder(name: folder.name, files: 0, bytes: 0)].files += folder.files
            folders[folder.name]!.bytes += folder.bytes
        }
        for file in files {
            if let slash = file.name.firstIndex(of: "/") {
                let name = String(file.name[..<slash])
                folders[name, default: Folder(name: name, files: 0, bytes: 0)].files += 1
                folders[name]!.bytes += file.bytes
            } else {
                topLevel.append(file)
            }
        }
        self.topLevel = topLevel.sorted { $0.name < $1.name }
        self.folders = folders.values.sorted { $0.name < $1.name }
    }

    /// The top-level files as `name:bytes` pairs joined by commas.
    package var topLevelList: String { topLevel.map { "\($0.name):\($0.bytes)" }.joined(separator: ",") }

    package static func == (a: WrittenFiles, b: WrittenFiles) -> Bool {
        a.folders == b.folders && a.topLevel.elementsEqual(b.topLevel) { $0.name == $1.name && $0.bytes == $1.bytes }
    }
}
