import CZlib

/// Inflates a gzip stream (one or more members) read from another byte reader.
final class GzipByteReader: ByteReader {
    private let input: any ByteReader
    private let name: String
    private let stream: UnsafeMutablePointer<z_stream>
    private let inBuffer: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    private var atMemberEnd = false
    private var finished = false

    /// Starts inflating `input`; `name` is used in error messages.
    init(input: any ByteReader, name: String, chunkSize: Int = 1 << 20) throws {
        self.input = input
        self.name = name
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        inBuffer = .allocate(byteCount: chunkSize, alignment: 16)
        let rc = inflateInit2_(stream, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else {
            stream.deallocate()
            inBuffer.deallocate()
            throw TallyError.cannotOpen(file: name, message: "cannot start gzip decompression (zlib error \(rc))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        inBuffer.deallocate()
    }

    func readBytes(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, let out = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let capacity = UInt32(clamping: buffer.count)
        stream.pointee.next_out = out.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = capacity
        while stream.pointee.avail_out == capacity {
            if stream.pointee.avail_in == 0, !inputEnded { try fetchInput() }
            if stream.pointee.avail_in == 0, inputEnded {
                if atMemberEnd {
                    finished = true
                    break
                }
                throw TallyError.badData(file: name, location: nil, message: "truncated gzip stream")
            }
            if atMemberEnd {
                inflateReset(stream)
                atMemberEnd = false
            }
            let rc = inflate(stream, Z_NO_FLUSH)
            switch rc {
            case Z_STREAM_END: atMemberEnd = true
            case Z_OK, Z_BUF_ERROR: break
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                throw TallyError.badData(file: name, location: nil, message: "corrupt gzip stream: \(detail)")
            }
        }
        return Int(capacity - stream.pointee.avail_out)
    }

    private func fetchInput() throws {
        let n = try input.readBytes(into: inBuffer)
        if n == 0 {
            inputEnded = true
            return
        }
        stream.pointee.next_in = inBuffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(n)
    }
}
