/// `CSVField`'s rules written straight into a byte buffer, for rows written by the million.
///
/// Same cells as `CSVField.text` / `number`: a text cell starting with `=`, `+`,
/// `-`, `@`, tab or CR gets a leading `'`, and is quoted (quotes doubled) when
/// it holds a comma, quote, CR or LF byte. Working on bytes, a comma or quote
/// followed by a combining mark is quoted too (the `Character` check missed it).
extension CSVField {
    /// Appends a text cell (nothing for `nil`).
    @inline(__always)
    static func appendText(_ value: String?, to out: inout [UInt8]) {
        guard var value else { return }
        value.withUTF8 { bytes in
            guard let first = bytes.first else { return }
            let defuse = first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D
            let quote = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if quote { out.append(0x22) }
            if defuse { out.append(0x27) }
            if quote {
                for byte in bytes {
                    if byte == 0x22 { out.append(0x22) }
                    out.append(byte)
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }

    /// Appends an integer cell in decimal.
    @inline(__always)
    static func appendNumber(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            out.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// Appends a timestamp cell (ISO 8601 UTC, `Instant.isoString`), nothing for `nil`.
    @inline(__always)
    static func appendInstant(_ value: Instant?, to out: inout [UInt8]) {
        value?.appendAPIBytes(to: &out)
    }
}
