/// A history in a JSON export (array, NDJSON, jobs page or full dump), maybe gzipped.
/// (Stub: replaced by the JSON reader.)
public struct JSONSource: HistorySource {
    public let name: String
    public let path: String

    /// Opens nothing yet; `read` streams the file.
    public init(path: String, name: String) {
        self.path = path
        self.name = name
    }

    public func read(_ options: ReadOptions, into visitor: inout some RecordVisitor) throws {
        throw TallyError.cannotOpen(file: name, message: "JSON reading is not built yet")
    }
}
