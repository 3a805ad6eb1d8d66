/// A CSV file built in memory: an optional UTF-8 BOM, a header row, then records of
/// `CSVCell`s, every one CRLF-terminated (RFC 4180).
struct CSVDocument {
    /// The file so far.
    private(set) var bytes: [UInt8]
    /// The header's column count; every record has exactly as many cells.
    let columnCount: Int

    /// Starts a file with `header` (written as text cells); `bom` is `--csv-bom`.
    init(header: [String], bom: Bool) {
        bytes = bom ? [0xEF, 0xBB, 0xBF] : []
        columnCount = header.count
        append(header.map { .text($0) })
    }

    /// Records only, no header: a piece of a file written a record at a time.
    init(columnCount: Int) {
        bytes = []
        self.columnCount = columnCount
    }

    /// Appends one record.
    mutating func append(_ cells: [CSVCell]) {
        assert(cells.count == columnCount, "a CSV record with \(cells.count) cells under \(columnCount) columns")
        for (i, cell) in cells.enumerated() {
            if i > 0 { bytes.append(0x2C) }
            cell.append(to: &bytes)
        }
        CSVField.endRecord(&bytes)
    }
}
