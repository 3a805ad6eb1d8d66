/// The one CSV field encoder: RFC 4180 on UTF-8 bytes, with spreadsheet formulas defused.
///
/// Every CSV tally writes goes through `appendText` for text and `appendNumber`,
/// `appendInteger` or `appendInstant` for values written by code:
///
/// - Control characters become U+FFFD (`Escape`: C0 but tab, LF and CR, DEL, C1).
/// - A text field is quoted when it holds a comma, quote, CR or LF *byte*, and
///   quotes inside are doubled. Deciding on bytes matters: a comma followed by a
///   combining mark (U+0301) is one `Character`, and a `Character` test misses it.
/// - A text field is defused with a leading `'` (OWASP "CSV Injection") when it
///   starts with a tab or CR, or when its first character after leading
///   whitespace (ASCII space, tab, CR, LF, VT, FF, and the Unicode space
///   separators: NBSP U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000) is
///   `=`, `+`, `-`, `@` or a full-width `＝ ＋ － ＠`. Spreadsheets trim that
///   whitespace and normalise those forms before deciding a cell is a formula.
/// - Numbers and timestamps are never defused, so `-5` and `-12.50` stay numbers:
///   they only reach a file as a `CSVCell` number case, never as text.
enum CSVField {
    /// Appends a text field (nothing for `nil`): defused, then quoted when needed.
    @inline(__always)
    static func appendText(_ value: String?, to out: inout [UInt8]) {
        guard var value else { return }
        value.withUTF8 { appendText(bytes: $0, to: &out) }
    }

    /// Appends a text field given as UTF-8 bytes.
    @inline(__always)
    static func appendText(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        appendText(bytes: bytes, defusing: false, to: &out)
    }

    /// Appends a text field, defused also when `defusing` (for a field whose control
    /// characters were replaced: decided on the field as it came).
    @inline(__always)
    static func appendText(bytes: UnsafeBufferPointer<UInt8>, defusing: Bool, to out: inout [UInt8]) {
        // What needs quoting, and the control characters, are below 0x2D or DEL or start
        // with 0xC2 (C1), so most bytes take one comparison.
        var quote = false
        for (i, byte) in bytes.enumerated() where byte <= 0x2C || byte == 0x7F || byte == 0xC2 {
            if byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                quote = true
            } else if byte == 0x7F || byte < 0x20 && byte != 0x09 || byte == 0xC2 && i + 1 < bytes.count && bytes[i + 1] < 0xA0 {
                return appendReplacingControls(bytes, to: &out)
            }
        }
        let defuse = defusing || startsLikeAFormula(bytes)
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

    /// Appends a text field whose control characters (`Escape.isControl`) become U+FFFD,
    /// defused when the field as it came looks like a formula (VT and FF are whitespace there).
    @inline(never)
    static func appendReplacingControls(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var text = String(decoding: bytes, as: UTF8.self)
        text.unicodeScalars = String.UnicodeScalarView(text.unicodeScalars.lazy.map { Escape.isControl($0.value) ? Escape.replacement : $0 })
        let defuse = startsLikeAFormula(bytes)
        text.withUTF8 { appendText(bytes: $0, defusing: defuse, to: &out) }
    }

    /// Appends an integer field in decimal.
    @inline(__always)
    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
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

    /// Appends a timestamp field (ISO 8601 UTC, `Instant.isoString`), nothing for `nil`.
    @inline(__always)
    static func appendInstant(_ value: Instant?, to out: inout [UInt8]) {
        value?.appendAPIBytes(to: &out)
    }

    /// Ends a record with CRLF.
    @inline(__always)
    static func endRecord(_ out: inout [UInt8]) {
        out.append(0x0D)
        out.append(0x0A)
    }

    /// Whether a spreadsheet could read the text as a formula (see the type's summary).
    @inline(__always)
    static func startsLikeAFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        // Most cells start with a digit, or an ASCII letter or sign above `@`: decided here.
        if (first >= 0x30 && first <= 0x39) || (first > 0x40 && first < 0x80) { return false }
        return startsLikeAFormulaAfterWhitespace(bytes)
    }

    private static func startsLikeAFormulaAfterWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes[0] == 0x09 || bytes[0] == 0x0D { return true }
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x3D, 0x2B, 0x2D, 0x40: return true  // = + - @
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: i += 1
            case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF:
                let (length, isFormula) = wideLead(bytes, at: i)
                if isFormula { return true }
                guard length > 0 else { return false }
                i += length
            default: return false
            }
        }
        return false
    }

    /// At a multi-byte sequence: its length when it is a Unicode space separator
    /// (else 0), and whether it is a full-width `＝ ＋ － ＠`.
    private static func wideLead(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (length: Int, isFormula: Bool) {
        let n = b.count - i
        guard n >= 2 else { return (0, false) }
        let b1 = b[i + 1]
        if b[i] == 0xC2 { return (b1 == 0xA0 ? 2 : 0, false) }  // U+00A0
        guard n >= 3 else { return (0, false) }
        let b2 = b[i + 2]
        switch (b[i], b1) {
        case (0xE1, 0x9A): return (b2 == 0x80 ? 3 : 0, false)  // U+1680
        case (0xE2, 0x80): return ((0x80...0x8A).contains(b2) || b2 == 0xAF ? 3 : 0, false)  // U+2000-U+200A, U+202F
        case (0xE2, 0x81): return (b2 == 0x9F ? 3 : 0, false)  // U+205F
        case (0xE3, 0x80): return (b2 == 0x80 ? 3 : 0, false)  // U+3000
        case (0xEF, 0xBC): return (0, b2 == 0x9D || b2 == 0x8B || b2 == 0x8D || b2 == 0xA0)  // U+FF1D U+FF0B U+FF0D U+FF20
        default: return (0, false)
        }
    }
}
