/// One output file: a name relative to the output directory and its bytes.
package struct RenderedFile: Sendable, Equatable {
    /// Relative file name, e.g. `usage.html`.
    package var name: String
    /// The file's content.
    package var bytes: [UInt8]

    /// Makes a rendered file.
    package init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}
