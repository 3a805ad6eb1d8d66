/// JSON string literals written as the upstream service writes them.
///
/// Python's `json.dumps(..., ensure_ascii=False)`: `"` and `\` escaped, the
/// control characters as `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`, everything
/// else (non-ASCII included) as UTF-8.
package enum JSONText {
    /// Appends `value` as a quoted JSON string.
    package static func appendString(_ value: String, to out: inout [UInt8]) {
        append(value, htmlSafe: false, to: &out)
    }

    /// Appends `value` as a quoted JSON string that is also safe inside HTML and
    /// JavaScript: besides the escapes above, `<`, `>`, `&`, U+2028 and U+2029
    /// are written as `\u` escapes. Used by the report and invoice JSON files.
    package static func appendHTMLSafeString(_ value: String, to out: inout [UInt8]) {
        append(value, htmlSafe: true, to: &out)
    }

    @inline(__always)
    private static func append(_ value: String, htmlSafe: Bool, to out: inout [UInt8]) {
        let hex = Self.hexDigits
        out.append(UInt8(ascii: "\""))
        var utf8 = value.utf8.makeIterator()
        var pending: UInt8? = nil
        while let byte = pending ?? utf8.next() {
            pending = nil
            switch byte {
            case UInt8(ascii: "\""): out += [0x5C, 0x22]
            case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0..<0x20:
                out += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            case _ where htmlSafe && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")):
                out += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            case 0xE2 where htmlSafe:
                // U+2028 and U+2029 (E2 80 A8 / A9) end a line in JavaScript: escaped.
                guard let second = utf8.next() else { out.append(byte); break }
                guard second == 0x80, let third = utf8.next() else { out.append(byte); pending = second; break }
                if third == 0xA8 || third == 0xA9 {
                    out += [0x5C, UInt8(ascii: "u"), 0x32, 0x30, 0x32, third == 0xA8 ? 0x38 : 0x39]
                } else {
                    out += [byte, second]
                    pending = third
                }
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Lower-case hexadecimal digits, as `\u` escapes spell them.
    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `value` as a quoted JSON string.
    package static func quoted(_ value: String) -> String {
        var out: [UInt8] = []
        appendString(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
