/// Groups error messages that differ only in numbers, ids and URLs.
///
/// URLs become `<url>`, UUIDs `<id>`, numbers and hex strings `<n>`; model names
/// (`openai/gpt-4o-mini`, `llama-2-70b-chat`: `ModelNames`) are kept as they are.
/// Whitespace is collapsed and the result cut to 300 characters, which also bounds
/// the memory one cluster key can take.
///
/// One message, one group: a hex id is `<n>` whether or not it happens to have a
/// letter (`768cb0d920f9`, `189464662440`), as is any whole token of hex digits with
/// a digit in it or at least 8 long; a digit run inside a word is `<n>` (`upload_<n>.pdf`).
package enum ErrorNormalizer {
    /// The cluster key of a raw error message.
    ///
    /// Runs once per failed row whose message the caller has not seen: URL prefixes
    /// are matched scalar by scalar, ASCII whitespace, digits and letters without
    /// Unicode property look-ups, the key is built as UTF-8 bytes (appending to a
    /// `String` scalar by scalar was most of the cost) and its length is counted.
    package static func normalize(_ message: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(min(message.utf8.count, 4000))
        for c in message.unicodeScalars.prefix(4000) { scalars.append(isWhitespace(c) ? " " : c) }
        var out: [UInt8] = []
        out.reserveCapacity(min(scalars.count, 300) + 8)
        var length = 0
        func emit(_ token: StaticString) {
            token.withUTF8Buffer { out.append(contentsOf: $0) }
            length += token.utf8CodeUnitCount  // tokens are ASCII
        }
        func copy(_ c: Unicode.Scalar) {
            if c.value < 0x80 { out.append(UInt8(truncatingIfNeeded: c.value)) } else { UTF8.encode(c) { out.append($0) } }
            length += 1
        }
        var i = 0
        var lastWasSpace = true
        while i < scalars.count, length < 300 {
            if let end = urlEnd(scalars, i) {
                emit("<url>")
                i = end
                lastWasSpace = false
                continue
            }
            let c = scalars[i]
            if let end = ModelNames.end(scalars, i) {
                while i < end, length < 300 {
                    copy(scalars[i])
                    i += 1
                }
                i = end
                lastWasSpace = false
                continue
            }
            if isHex(c), startsToken(scalars, i), let (end, isUUID) = hexTokenEnd(scalars, i) {
                if isUUID { emit("<id>") } else { emit("<n>") }
                i = end
                lastWasSpace = false
                continue
            }
            if isDigit(c) {
                var j = i
                while j < scalars.count, isDigit(scalars[j]) || (scalars[j] == "." && j + 1 < scalars.count && isDigit(scalars[j + 1])) { j += 1 }
                emit("<n>")
                i = j
                lastWasSpace = false
                continue
            }
            if c == " " {
                if !lastWasSpace { emit(" ") }
                lastWasSpace = true
            } else {
                copy(c)
                lastWasSpace = false
            }
            i += 1
        }
        var result = String(decoding: out, as: UTF8.self)
        while result.hasSuffix(" ") { result.removeLast() }
        return result.isEmpty ? "(no error message)" : result
    }

    /// URL schemes, lowercase ASCII; matched case-insensitively.
    private static let schemes: [[UInt32]] = ["https://", "http://", "s3://", "ftp://"].map { $0.unicodeScalars.map(\.value) }

    private static func urlEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        let first = s[i].value | 0x20
        guard first == 0x68 || first == 0x73 || first == 0x66 else { return nil }  // h, s, f
        for p in schemes where i + p.count <= s.count {
            var matches = true
            for k in 0..<p.count {
                let v = s[i + k].value
                let lower = v >= 0x41 && v <= 0x5A ? v | 0x20 : v
                if lower != p[k] { matches = false; break }
            }
            guard matches else { continue }
            var j = i + p.count
            while j < s.count, s[j] != " ", s[j] != "\"", s[j] != "'", s[j] != ">", s[j] != ")" { j += 1 }
            return j
        }
        return nil
    }

    @inline(__always) private static func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value &- 0x30 < 10
    }

    @inline(__always) private static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D) : c.properties.isWhitespace
    }

    /// Unicode `Alphabetic`; in ASCII exactly the letters.
    @inline(__always) private static func isAlphabetic(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 ? (c.value | 0x20) &- 0x61 < 26 : c.properties.isAlphabetic
    }

    @inline(__always) private static func isHex(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || (c.value | 0x20 >= 0x61 && c.value | 0x20 <= 0x66)
    }

    private static func startsToken(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        i == 0 || !(isDigit(s[i - 1]) || isAlphabetic(s[i - 1]))
    }

    /// The end of a whole token of hex digits starting at `i` that stands for a number
    /// or an id, and whether it is a UUID (8-4-4-4-12): a UUID, or a run of hex digits
    /// not followed by a letter or digit, at least 8 long or holding a digit and a
    /// letter. Runs of decimal digits alone are left to the number rule (decimals).
    static func hexTokenEnd(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Bool)? {
        var j = i
        for (n, group) in [8, 4, 4, 4, 12].enumerated() {
            if n > 0 {
                guard j < s.count, s[j] == "-" else { break }
                j += 1
            }
            var k = 0
            while k < group, j < s.count, isHex(s[j]) { j += 1; k += 1 }
            guard k == group else { break }
            if n == 4, j == s.count || !(isDigit(s[j]) || isAlphabetic(s[j])) { return (j, true) }
        }
        j = i
        var digits = 0
        while j < s.count, isHex(s[j]) {
            if isDigit(s[j]) { digits += 1 }
            j += 1
        }
        if j < s.count, isDigit(s[j]) || isAlphabetic(s[j]) || s[j] == "." && j + 1 < s.count && isDigit(s[j + 1]) { return nil }
        let length = j - i
        guard digits < length, length >= 8 || digits > 0 else { return nil }
        return (j, false)
    }
}
