extension Escape {
    /// GitHub-flavoured Markdown the Markdown way, for `{{% CONTENT_TYPE: GFM}}`
    /// (`usage.md`): a value reads as itself both rendered and as plain text pasted into
    /// chat or mail, so only what could be markup is escaped, with a backslash
    /// (CommonMark lets any ASCII punctuation be escaped), and no HTML entity is written.
    ///
    /// - Always: `` \ ` * ~ | [ ] < $ `` (backslash, code, emphasis, strikethrough, table
    ///   cells, links and images, HTML and autolinks, math).
    /// - `_` unless it is inside a word (`usage_by_customer.csv` stays): CommonMark never
    ///   starts or ends emphasis with an underscore between letters or digits.
    /// - `&` only where it could start an entity (`&amp;`, `&#38;`): letters, digits or `#`
    ///   up to a `;` (`R&D` stays).
    /// - At the start of the value (after any spaces), where it could start a block (a
    ///   value may begin a list item): `#`, `>`, `-` or `+` not followed by a letter or
    ///   digit (`-5.4%` stays), and the `.` or `)` of `1. ` / `1) `. (Four spaces or more
    ///   before a value at the start of a line still make it a code block.)
    /// - Line breaks become spaces; control characters become U+FFFD.
    package static func gfm(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        // Block markers count after leading spaces and tabs (up to three are allowed before one).
        let start = scalars.firstIndex { $0 != " " && $0 != "\t" } ?? 0
        let orderedMarker = orderedListMarker(scalars[start...])
        let markerEnds = start + 1 >= scalars.count || !isAlphanumeric(scalars[start + 1])
        for (i, c) in scalars.enumerated() {
            switch c {
            case "\r", "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                out += " "
                continue
            case "\\", "`", "*", "~", "|", "[", "]", "<", "$":
                out += "\\"
            case "_" where !isInsideWord(scalars, underscoreAt: i):
                out += "\\"
            case "&" where startsEntity(scalars, at: i):
                out += "\\"
            case "#" where i == start, ">" where i == start:
                out += "\\"
            case "-" where i == start && markerEnds, "+" where i == start && markerEnds:
                out += "\\"
            case "." where i == orderedMarker, ")" where i == orderedMarker:
                out += "\\"
            default:
                break
            }
            out.unicodeScalars.append(isControl(c.value) ? replacement : c)
        }
        return out
    }

    static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// Whether the run of underscores around `i` has a letter or digit on both sides.
    static func isInsideWord(_ s: [Unicode.Scalar], underscoreAt i: Int) -> Bool {
        var start = i, end = i
        while start > 0 && s[start - 1] == "_" { start -= 1 }
        while end + 1 < s.count && s[end + 1] == "_" { end += 1 }
        return start > 0 && end + 1 < s.count && isAlphanumeric(s[start - 1]) && isAlphanumeric(s[end + 1])
    }

    /// Whether `&` at `i` is followed by ASCII letters, digits or `#` up to a `;`.
    static func startsEntity(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        var j = i + 1
        while j < s.count, s[j].isASCII, s[j] == "#" || s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) { j += 1 }
        return j > i + 1 && j < s.count && s[j] == ";"
    }

    /// The index of the `.` or `)` when `s` starts like an ordered list item (1 to 9
    /// digits, then `.` or `)`, then a space, tab or the end), else -1.
    static func orderedListMarker(_ s: ArraySlice<Unicode.Scalar>) -> Int {
        var i = s.startIndex
        while i < s.endIndex && i - s.startIndex < 9 && ("0"..."9").contains(s[i]) { i += 1 }
        guard i > s.startIndex, i < s.endIndex, s[i] == "." || s[i] == ")" else { return -1 }
        return i + 1 == s.endIndex || s[i + 1] == " " || s[i + 1] == "\t" ? i : -1
    }
}
