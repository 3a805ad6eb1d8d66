#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONSource {
    /// Splits an uncompressed NDJSON file at line boundaries into at most `count` byte ranges.
    ///
    /// Shards report each record's location as `.byteOffset` of its line (absolute
    /// in the file): absolute line numbers would need a pass over the bytes before
    /// each shard. Gzip files, arrays and objects are not split.
    package func shards(_ count: Int) throws -> [any HistorySource] {
        try shards(count, minimumBytes: 1 << 20)
    }

    /// `shards(_:)`, splitting only files of at least `minimumBytes` (small for tests).
    func shards(_ count: Int, minimumBytes: Int) throws -> [any HistorySource] {
        guard count > 1, segment == nil, let size = FileByteReader.size(of: path), size >= minimumBytes,
              try !ByteReaders.isGzip(path: path, name: name)
        else { return [self] }
        let probe = JSONStreamReader(
            name: name, window: ByteWindow(reader: try FileByteReader(path: path, name: name), maxRecord: recordLimit),
            decoder: JSONRecordDecoder(options: ReadOptions(kinds: [])), recordLimit: recordLimit, origin: 0,
            lineOf: { _ in nil })
        guard (try? probe.detect()) == .ndjson else { return [self] }
        var bounds = [0]
        for k in 1..<count {
            let cut = try lineStart(after: size * k / count)
            if let last = bounds.last, cut > last, cut < size { bounds.append(cut) }
        }
        bounds.append(size)
        return zip(bounds, bounds.dropFirst()).map {
            JSONSource(path: path, name: name, segment: $0..<$1, recordLimit: recordLimit)
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
