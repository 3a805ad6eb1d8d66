/// A history in a SQLite file in the upstream schema. (Stub: replaced by the SQLite reader.)
public struct SQLiteSource: HistorySource {
    public let name: String
    public let path: String

    /// Opens nothing yet; `read` opens the file read-only.
    public init(path: String, name: String) {
        self.path = path
        self.name = name
    }

    public func read(_ options: ReadOptions, into visitor: inout some RecordVisitor) throws {
        throw TallyError.cannotOpen(file: name, message: "SQLite reading is not built yet")
    }
}
