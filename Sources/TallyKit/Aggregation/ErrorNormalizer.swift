/// Groups error messages that differ only in numbers, ids and URLs.
///
/// URLs become `<url>`, UUIDs and long hex strings `<id>`, other digit runs `<n>`;
/// whitespace is collapsed and the result cut to 300 characters, which also bounds
/// the memory one cluster key can take.
public enum ErrorNormalizer {
    /// The cluster key of a raw error message.
    public static func normalize(_ message: String) -> String {
        var out = ""
        var scalars = Array(message.unicodeScalars.prefix(4000))
        scalars = scalars.map { $0.properties.isWhitespace ? " " : $0 }
        var i = 0
        var lastWasSpace = true
        while i < scalars.count, out.unicodeScalars.count < 300 {
            if let end = urlEnd(scalars, i) {
                out += "<url>"
                i = end
                lastWasSpace = false
                continue
            }
            let c = scalars[i]
            if isHex(c), startsToken(scalars, i), let end = idEnd(scalars, i) {
                out += "<id>"
                i = end
                lastWasSpace = false
                continue
            }
            if c.properties.numericType != nil, ("0"..."9").contains(c) {
                var j = i
                while j < scalars.count, ("0"..."9").contains(scalars[j]) || (scalars[j] == "." && j + 1 < scalars.count && ("0"..."9").contains(scalars[j + 1])) { j += 1 }
                out += "<n>"
                i = j
                lastWasSpace = false
                continue
            }
            if c == " " {
                if !lastWasSpace { out += " " }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(c)
                lastWasSpace = false
            }
            i += 1
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out.isEmpty ? "(no error message)" : out
    }

    private static func urlEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        for prefix in ["https://", "http://", "s3://", "ftp://"] {
            let p = Array(prefix.unicodeScalars)
            guard i + p.count <= s.count, Array(s[i..<(i + p.count)]).map({ Character($0).lowercased() }) == p.map({ String($0) }) else { continue }
            var j = i + p.count
            while j < s.count, s[j] != " ", s[j] != "\"", s[j] != "'", s[j] != ">", s[j] != ")" { j += 1 }
            return j
        }
        return nil
    }

    private static func isHex(_ c: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
    }

    private static func startsToken(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        i == 0 || !(s[i - 1].properties.isAlphabetic || ("0"..."9").contains(s[i - 1]))
    }

    /// The end of a UUID or a hex run of 8+ characters containing a digit, starting at `i`.
    private static func idEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        var j = i
        var hexCount = 0
        var digits = 0
        while j < s.count, isHex(s[j]) || s[j] == "-" {
            if s[j] != "-" { hexCount += 1 }
            if ("0"..."9").contains(s[j]) { digits += 1 }
            j += 1
        }
        if j < s.count, s[j].properties.isAlphabetic { return nil }
        while j > i, s[j - 1] == "-" { j -= 1 }
        return hexCount >= 8 && digits > 0 && hexCount > digits ? j : nil
    }
}
