/// A history in a JSON export (array, NDJSON, jobs page or full dump), maybe gzipped.
///
/// The form is recognised by content: `[` starts an array of jobs; `{` starts a
/// jobs page or full dump (an object with a `jobs` or `users` array), a single
/// job, or NDJSON when a second object follows the first. The file is streamed
/// in chunks through a hand-written scanner: memory is bounded by the largest
/// record (at most `recordLimit`, 64 MB), not by the file.
///
/// Invalid UTF-8 inside a string is invalid JSON: fatal (`badData` with its byte)
/// in an array or object, a skipped `.malformedLine` in NDJSON. So are NaN and
/// Infinity. A key that repeats in one object keeps its last value.
package struct JSONSource: HistorySource {
    /// The name the user gave the source, used in messages.
    package let name: String
    /// The file read (a spooled copy for standard input).
    package let path: String
    /// The byte range of an uncompressed NDJSON file this shard reads; nil for the whole file.
    let segment: Range<Int>?
    /// The largest record (array element or NDJSON line) accepted.
    let recordLimit: Int
    /// `json` (gzipped or not).
    package var formatName: String { "json" }
    /// True: nothing stops an export from listing a job twice (two pages, an appended file).
    package var idsMayRepeat: Bool { true }

    /// A source reading the file at `path`, called `name` in messages; `read` streams it.
    package init(path: String, name: String) {
        self.init(path: path, name: name, segment: nil)
    }

    init(path: String, name: String, segment: Range<Int>?, recordLimit: Int = 64 << 20) {
        self.path = path
        self.name = name
        self.segment = segment
        self.recordLimit = recordLimit
    }

    /// Streams the records of the file (or shard) into `visitor`.
    package func read(_ options: ReadOptions, into visitor: inout some RecordVisitor) throws {
        let decoder = JSONRecordDecoder(options: options)
        if let segment {
            let reader = try FileByteReader(path: path, name: name, offset: segment.lowerBound, length: segment.count)
            let stream = makeReader(reader, decoder, origin: segment.lowerBound) { _ in nil }
            try stream.skipByteOrderMark()
            try stream.readLines(firstLine: 1, byteLocations: true, into: &visitor)
        } else {
            let stream = makeReader(try ByteReaders.open(path: path, name: name), decoder, origin: 0) { line(atByte: $0) }
            try stream.readDocument(into: &visitor)
        }
    }

    private func makeReader(
        _ reader: any ByteReader, _ decoder: JSONRecordDecoder, origin: Int, lineOf: @escaping (Int) -> Int?
    ) -> JSONStreamReader {
        JSONStreamReader(
            name: name, window: ByteWindow(reader: reader, maxRecord: recordLimit), decoder: decoder,
            recordLimit: recordLimit, origin: origin, lineOf: lineOf)
    }

    /// The line (from 1) holding byte `offset` of the (decompressed) input, found by reading it again.
    func line(atByte offset: Int) -> Int? {
        guard let reader = try? ByteReaders.open(path: path, name: name) else { return nil }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        var line = 1
        var seen = 0
        while seen < offset, let n = try? reader.readBytes(into: chunk), n > 0 {
            for b in chunk.prefix(min(n, offset - seen)) where b == 0x0A { line += 1 }
            seen += n
        }
        return line
    }
}
