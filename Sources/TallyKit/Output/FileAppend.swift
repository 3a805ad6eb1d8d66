import Foundation

/// Appends part of one open file to another inside the kernel where it can.
///
/// Linux: `copy_file_range(2)` (no round trip through user space; a reflink on file
/// systems that share blocks). Where it is missing or refuses these files (`EXDEV`,
/// `ENOSYS`, `EINVAL`, `EOPNOTSUPP`), and off Linux, a `pread`/`write` loop.
enum FileAppend {
    /// Appends the bytes of `source` from `offset` up to `end` to `target` at its current offset.
    ///
    /// - Returns: `nil`, or the system's reason for the first failure.
    static func append(from source: Int32, offset: Int, end: Int, to target: Int32) -> String? {
        var position = offset
        #if os(Linux)
        var sourceOffset = Int64(offset)
        while position < end {
            let n = linuxCopyFileRange(source, &sourceOffset, target, nil, end - position, 0)
            if n > 0 {
                position += n
                continue
            }
            if n == 0 { return "the temporary file ended early" }
            if errno == EINTR { continue }
            guard [EXDEV, ENOSYS, EINVAL, EOPNOTSUPP].contains(errno), position == offset else {
                return String(cString: strerror(errno))
            }
            break
        }
        #endif
        return copy(from: source, offset: position, end: end, to: target)
    }

    /// The portable fallback: reads 4 MiB at a time and writes it.
    static func copy(from source: Int32, offset: Int, end: Int, to target: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: min(4 << 20, max(end - offset, 0)))
        var position = offset
        while position < end {
            let n = buffer.withUnsafeMutableBytes { pread(source, $0.baseAddress!, min($0.count, end - position), off_t(position)) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { return String(cString: strerror(errno)) }
            if n == 0 { return "the temporary file ended early" }
            if let failure = Descriptor.writeAll(target, buffer, count: n) { return failure }
            position += n
        }
        return nil
    }
}

#if os(Linux)
/// `copy_file_range(2)`, which Glibc's Swift overlay does not export (it needs `_GNU_SOURCE`).
@_silgen_name("copy_file_range")
private func linuxCopyFileRange(
    _ fdIn: Int32, _ offIn: UnsafeMutablePointer<Int64>?, _ fdOut: Int32, _ offOut: UnsafeMutablePointer<Int64>?,
    _ length: Int, _ flags: UInt32
) -> Int
#endif
