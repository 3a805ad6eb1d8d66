import CJSONIndex

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONSource {
    /// Splits an uncompressed NDJSON file or top-level array into at most `count` byte ranges.
    ///
    /// NDJSON splits at line starts. An array splits at element starts: each later
    /// shard walks the array's structure from its `[` to its range (fast: strings and
    /// nesting only, in C) to find its first element and that element's index, so
    /// locations and error messages are those of one pass. Gzip files and the object
    /// forms are not split.
    package func shards(_ count: Int) throws -> [any HistorySource] {
        try shards(count, minimumBytes: 1 << 20)
    }

    /// `shards(_:)`, splitting only files of at least `minimumBytes` (small for tests).
    func shards(_ count: Int, minimumBytes: Int) throws -> [any HistorySource] {
        guard count > 1, case .whole = part, let size = FileByteReader.size(of: path), size >= minimumBytes,
              try !ByteReaders.isGzip(path: path, name: name)
        else { return [self] }
        let probe = makeReader(
            try FileByteReader(path: path, name: name, snapshot: snapshot), JSONRecordDecoder(options: ReadOptions(kinds: [])),
            origin: 0,
            lineOf: { _ in nil })
        switch try? probe.detect() {
        case .ndjson:
            var bounds = [0]
            for k in 1..<count {
                let cut = try lineStart(after: size * k / count)
                if let last = bounds.last, cut > last, cut < size { bounds.append(cut) }
            }
            bounds.append(size)
            return zip(bounds, bounds.dropFirst()).map {
                JSONSource(path: path, name: name, part: .lines($0..<$1), recordLimit: recordLimit, snapshot: snapshot)
            }
        case .array:
            let start = probe.offset(probe.cursor)
            let bounds = Self.arrayBounds(start: start, size: size, count: count)
            return zip(bounds, bounds.dropFirst()).enumerated().map { k, range in
                JSONSource(
                    path: path, name: name,
                    part: .elements(ArrayShard(arrayStart: start, nominal: range.0..<range.1, first: k == 0,
                                               last: k == count - 1)),
                    recordLimit: recordLimit, snapshot: snapshot)
            }
        default:
            return [self]
        }
    }

    /// How much faster the structural walk is than reading records, per byte: later array
    /// shards walk everything before them, so earlier shards get more bytes to read.
    static let walkSpeedup = 8.0

    /// `count + 1` offsets from `start` to `size` such that every array shard has as much work.
    ///
    /// Shard k walks `b[k] - start` bytes and reads `b[k+1] - b[k]`: with r the walk's
    /// relative cost, `b[k+1] = b[k] (1 - r) + w`, a geometric series solved for `b[count] = size`.
    static func arrayBounds(start: Int, size: Int, count: Int) -> [Int] {
        let r = 1 / walkSpeedup
        let total = Double(size - start)
        let w = total * r / (1 - pow(1 - r, Double(count)))
        var bounds = [start]
        var b = 0.0
        for _ in 1..<count {
            b = b * (1 - r) + w
            bounds.append(start + min(Int(b), size - start))
        }
        bounds.append(size)
        return bounds
    }

    /// Reads the lines of an NDJSON shard; skipped rows are located by their line, as one pass would.
    func readLines(_ segment: Range<Int>, _ decoder: JSONRecordDecoder, into visitor: inout some RecordVisitor) throws {
        let counter = LineCounter(reader: try FileByteReader(path: path, name: name)) { [path, name] in
            try FileByteReader(path: path, name: name)
        }
        let reader = try FileByteReader(
            path: path, name: name, offset: segment.lowerBound, length: segment.count, snapshot: snapshot)
        let stream = makeReader(reader, decoder, origin: segment.lowerBound) { counter.line(atByte: $0) }
        try stream.skipByteOrderMark()
        var numbered = LineNumberingVisitor(inner: visitor, lines: counter)
        defer { visitor = numbered.inner }
        try stream.readLines(firstLine: 1, byteLocations: true, into: &numbered)
    }

    /// Reads the elements of an array shard: from its first element (found by walking the
    /// array's structure from its `[`) to the first element of the next shard.
    func readElements(_ shard: ArrayShard, _ decoder: JSONRecordDecoder, into visitor: inout some RecordVisitor) throws {
        let stop = shard.last ? nil : shard.nominal.upperBound
        if shard.first {
            let stream = makeReader(try FileByteReader(path: path, name: name, snapshot: snapshot), decoder, origin: 0) {
                line(atByte: $0)
            }
            stream.arrayStop = stop
            return try stream.readDocument(into: &visitor)
        }
        guard let (first, index) = try firstElement(from: shard.arrayStart, atOrAfter: shard.nominal.lowerBound),
              stop.map({ first < $0 }) ?? true
        else { return }
        let file = try FileByteReader(path: path, name: name, offset: first, snapshot: snapshot)
        let stream = makeReader(file, decoder, origin: first) {
            line(atByte: $0)
        }
        stream.arrayStop = stop
        if try stream.readElements(name: "jobs", kind: .job, firstIndex: index, stop: stop, into: &visitor) {
            try stream.expectEnd()
        }
    }

    /// The offset and index (from 1) of the first element of the array at `arrayStart` that begins at or after `target`.
    private func firstElement(from arrayStart: Int, atOrAfter target: Int) throws -> (Int, Int)? {
        let reader = try FileByteReader(path: path, name: name, offset: arrayStart, snapshot: snapshot)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { chunk.deallocate() }
        var cursor = tally_json_array_cursor_make()
        var offset = arrayStart
        while true {
            // Whole chunks keep the pieces multiples of 64 bytes; only the last is shorter.
            var n = 0
            while n < chunk.count, case let got = try reader.readBytes(into: UnsafeMutableRawBufferPointer(rebasing: chunk[n...])), got > 0 {
                n += got
            }
            if n == 0 { return nil }
            let bytes = chunk.baseAddress!.assumingMemoryBound(to: UInt8.self)
            if tally_json_array_seek(&cursor, bytes, n, offset, target) != 0 { return (cursor.found, cursor.elements) }
            offset += n
            if n < chunk.count { return nil }
        }
    }

    /// The offset just past the first newline at or after `offset` (the file size when none).
    private func lineStart(after offset: Int) throws -> Int {
        let reader = try FileByteReader(path: path, name: name, offset: offset)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { chunk.deallocate() }
        var position = offset
        while true {
            let n = try reader.readBytes(into: chunk)
            if n == 0 { return position }
            if let i = chunk.prefix(n).firstIndex(of: 0x0A) { return position + i + 1 }
            position += n
        }
    }
}

/// Hands records on unchanged and skipped rows with their line: an NDJSON shard
/// locates rows by byte offset, and one pass by line.
struct LineNumberingVisitor<Inner: RecordVisitor>: RecordVisitor {
    var inner: Inner
    let lines: LineCounter

    mutating func visit(_ record: consuming HistoryRecord, at location: RecordLocation) throws {
        try inner.visit(record, at: location)
    }

    mutating func skip(_ skipped: SkippedRecord) throws {
        var note = skipped
        if case .byteOffset(let offset) = note.location.position, let line = lines.line(atByte: offset) {
            note.location.position = .line(line)
        }
        try inner.skip(note)
    }
}
