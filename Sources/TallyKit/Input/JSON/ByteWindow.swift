#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sliding window over a byte stream: the bytes not yet consumed plus the next chunk.
///
/// Indices handed out are into `bytes`; `refill(keepingFrom:)` drops what lies
/// before its argument and shifts the rest to index 0. The window grows only
/// while one record does not fit, and never past `maxRecord` plus one chunk.
final class ByteWindow {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    /// Absolute offset in the stream of `bytes[0]`.
    private(set) var base = 0
    /// Whether the stream has no more bytes.
    private(set) var atEOF = false
    /// The room for bytes (it grows only while one record does not fit).
    private(set) var capacity: Int
    /// Bytes past `capacity` that may be read (never written): SIMD scans read whole blocks.
    static let slack = 64
    private let reader: any ByteReader
    private let maxCapacity: Int

    /// Makes a window of `chunk` bytes over `reader`.
    init(reader: any ByteReader, chunk: Int = 4 << 20, maxRecord: Int) {
        self.reader = reader
        capacity = chunk
        maxCapacity = maxRecord + chunk
        bytes = Self.allocate(chunk)
    }

    deinit { bytes.deallocate() }

    /// The end of the bytes a scan may read: `count` plus the slack.
    var readableEnd: Int { count + Self.slack }

    /// `capacity` bytes plus the slack (zeroed; what a scan reads past `count` is masked out).
    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + slack)
        (p + capacity).initialize(repeating: 0, count: slack)
        return p
    }

    /// Drops the bytes before `keep`, then reads more; returns the number of bytes added (0 at the end).
    @discardableResult
    func refill(keepingFrom keep: Int) throws -> Int {
        if keep > 0 {
            let kept = count - keep
            if kept > 0 { memmove(bytes, bytes + keep, kept) }
            count = kept
            base += keep
        }
        if atEOF { return 0 }
        if count > capacity / 2, capacity < maxCapacity {
            let grown = min(capacity * 2, maxCapacity)
            let fresh = Self.allocate(grown)
            fresh.update(from: bytes, count: count)
            bytes.deallocate()
            bytes = fresh
            capacity = grown
        }
        guard count < capacity else { return 0 }
        let n = try reader.readBytes(into: UnsafeMutableRawBufferPointer(start: bytes + count, count: capacity - count))
        if n == 0 { atEOF = true }
        count += n
        return n
    }
}
