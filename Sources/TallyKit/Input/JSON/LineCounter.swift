#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line numbers of byte offsets of a stream, counted forward from where the last question left off.
///
/// Asked in increasing order (the skips of one shard), the stream is read once;
/// an earlier offset starts it again from the beginning.
final class LineCounter {
    private var reader: any ByteReader
    private let reopen: (() throws -> any ByteReader)?
    private var position = 0
    private var newlines = 0
    /// Allocated on the first question: most readers never ask one.
    private var buffer: UnsafeMutableRawBufferPointer?
    private var chunkCount = 0
    private var chunkUsed = 0

    /// Counts lines of `reader`, reading from its start; `reopen` gives a fresh reader for an earlier offset.
    init(reader: any ByteReader, reopen: (() throws -> any ByteReader)? = nil) {
        self.reader = reader
        self.reopen = reopen
    }

    deinit { buffer?.deallocate() }

    /// The line (from 1) holding byte `offset` (the last line when the stream ends before it).
    func line(atByte offset: Int) -> Int? {
        if offset < position {
            guard let reopen, let fresh = try? reopen() else { return nil }
            (reader, position, newlines, chunkCount, chunkUsed) = (fresh, 0, 0, 0, 0)
        }
        let chunk = buffer ?? UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        buffer = chunk
        while position < offset {
            if chunkUsed == chunkCount {
                guard let n = try? reader.readBytes(into: chunk), n > 0 else { return newlines + 1 }
                (chunkCount, chunkUsed) = (n, 0)
            }
            let take = min(chunkCount - chunkUsed, offset - position)
            newlines += Self.count(UnsafeRawBufferPointer(rebasing: chunk[chunkUsed..<(chunkUsed + take)]))
            chunkUsed += take
            position += take
        }
        return newlines + 1
    }

    /// The newlines in `bytes`.
    private static func count(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard var p = bytes.baseAddress else { return 0 }
        let end = p + bytes.count
        var n = 0
        while p < end, let hit = memchr(p, 0x0A, end - p) {
            n += 1
            p = UnsafeRawPointer(hit) + 1
        }
        return n
    }
}
