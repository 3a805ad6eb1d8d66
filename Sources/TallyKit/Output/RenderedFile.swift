/// One output file: a name relative to the output directory and its bytes.
public struct RenderedFile: Sendable, Equatable {
    /// Relative file name, e.g. `usage.html`.
    public var name: String
    /// The file's content.
    public var bytes: [UInt8]

    /// Makes a rendered file.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}
