import Foundation

/// Writing to an open file descriptor without traps: failures come back as the system's reason.
package enum Descriptor {
    /// Writes the first `count` bytes of `bytes` to `fd`, retrying short and interrupted writes.
    ///
    /// - Returns: `nil`, or the system's reason for the failure.
    package static func writeAll(_ fd: Int32, _ bytes: [UInt8], count: Int) -> String? {
        var offset = 0
        while offset < count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += n
        }
        return nil
    }
}
