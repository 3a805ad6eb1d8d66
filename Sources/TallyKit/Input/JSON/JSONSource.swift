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
/// Infinity. A key that repeats in one object keeps its last value. An NDJSON file
/// whose last line is cut short is bad data unless `ReadOptions.lenient`.
///
/// The file must hold still: a read that finds it shorter, longer, rewritten or
/// replaced since the source was made fails (`cannotOpen`, exit 66). Records are
/// scanned by a simdjson-style scanner in C (`JSONScanScratch.scan`), with the
/// byte-by-byte `JSONScanner` deciding everything unusual and wording every error.
package struct JSONSource: HistorySource {
    /// The name the user gave the source, used in messages.
    package let name: String
    /// The file read (a spooled copy for standard input).
    package let path: String
    /// What of the file this source reads: all of it, or one shard.
    let part: Part
    /// The largest record (array element or NDJSON line) accepted.
    let recordLimit: Int
    /// The file as it was when the source was made: a read that finds it changed fails (exit 66).
    let snapshot: FileSnapshot?
    /// `json` (gzipped or not).
    package var formatName: String { "json" }
    /// True: nothing stops an export from listing a job twice (two pages, an appended file).
    package var idsMayRepeat: Bool { true }

    /// The part of a file a source reads.
    enum Part: Sendable {
        /// The whole file, in whichever form.
        case whole
        /// The lines of an uncompressed NDJSON file that start in this byte range.
        case lines(Range<Int>)
        /// The elements of an uncompressed top-level array that start in this byte range.
        case elements(ArrayShard)
    }

    /// A shard of a top-level array: its elements are those that begin within `nominal`.
    struct ArrayShard: Sendable {
        /// The offset of the array's `[`.
        let arrayStart: Int
        /// Elements beginning in this range are this shard's.
        let nominal: Range<Int>
        /// Whether this is the first shard (which reads the array's start) and the last (which reads its end).
        let first: Bool, last: Bool
    }

    /// A source reading the file at `path`, called `name` in messages; `read` streams it.
    package init(path: String, name: String) {
        self.init(path: path, name: name, part: .whole)
    }

    init(path: String, name: String, part: Part, recordLimit: Int = 64 << 20, snapshot: FileSnapshot?? = nil) {
        self.path = path
        self.name = name
        self.part = part
        self.recordLimit = recordLimit
        self.snapshot = snapshot ?? FileSnapshot(path: path)
    }

    /// Streams the records of the file (or shard) into `visitor`.
    package func read(_ options: ReadOptions, into visitor: inout some RecordVisitor) throws {
        let decoder = JSONRecordDecoder(options: options)
        switch part {
        case .whole:
            let stream = makeReader(try ByteReaders.open(path: path, name: name, snapshot: snapshot), decoder, origin: 0) {
                line(atByte: $0)
            }
            try stream.readDocument(into: &visitor)
        case .lines(let segment):
            try readLines(segment, decoder, into: &visitor)
        case .elements(let shard):
            try readElements(shard, decoder, into: &visitor)
        }
    }

    func makeReader(
        _ reader: any ByteReader, _ decoder: JSONRecordDecoder, origin: Int, lineOf: @escaping (Int) -> Int?
    ) -> JSONStreamReader {
        // A small file gets a small window: tests and fuzzing read thousands of them.
        let chunk = min(max(snapshot?.size ?? Int.max, 1 << 16), 4 << 20)
        return JSONStreamReader(
            name: name, window: ByteWindow(reader: reader, chunk: chunk, maxRecord: recordLimit), decoder: decoder,
            recordLimit: recordLimit, origin: origin, lineOf: lineOf)
    }

    /// The line (from 1) holding byte `offset` of the (decompressed) input, found by reading it again.
    func line(atByte offset: Int) -> Int? {
        guard let reader = try? ByteReaders.open(path: path, name: name) else { return nil }
        let counter = LineCounter(reader: reader)
        return counter.line(atByte: offset)
    }
}
