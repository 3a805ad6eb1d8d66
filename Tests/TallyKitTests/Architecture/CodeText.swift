/// Just enough Swift lexing for the layer check: code without comments and
/// string literals (interpolations kept), and the type names it declares and uses.
enum CodeText {
    /// A declared type, protocol or typealias name; `topLevel` when it starts a line.
    struct Declaration: Equatable {
        var name: String
        var topLevel: Bool
    }

    /// `source` with comments removed and the text of string literals blanked;
    /// code inside `\(...)` interpolations is kept, newlines too.
    static func strippingCommentsAndLiterals(_ source: String) -> String {
        let s = Array(source.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        // A stack of open contexts: a string (with its delimiter length: 1 or 3 quotes,
        // and the number of `#`) or an interpolation (with its parenthesis depth).
        enum Context { case string(quotes: Int, hashes: Int), interpolation(depth: Int) }
        var stack: [Context] = []
        func at(_ text: String, _ k: Int) -> Bool {
            let t = Array(text.unicodeScalars)
            return k + t.count <= s.count && Array(s[k..<k + t.count]) == t
        }
        while i < s.count {
            let c = s[i]
            if case .string(let quotes, let hashes)? = stack.last {
                let close = String(repeating: "\"", count: quotes) + String(repeating: "#", count: hashes)
                let interpolate = "\\" + String(repeating: "#", count: hashes) + "("
                if at(close, i) {
                    stack.removeLast(); i += close.unicodeScalars.count; out.append(" ")
                } else if at(interpolate, i) {
                    stack.append(.interpolation(depth: 0)); i += interpolate.unicodeScalars.count; out.append(" ")
                } else if c == "\\" && hashes == 0 {
                    i += 2
                } else {
                    if c == "\n" { out.append(c) }
                    i += 1
                }
                continue
            }
            if at("//", i) {
                while i < s.count && s[i] != "\n" { i += 1 }
                continue
            }
            if at("/*", i) {
                var depth = 0
                repeat {
                    if at("/*", i) { depth += 1; i += 2 } else if at("*/", i) { depth -= 1; i += 2 } else {
                        if s[i] == "\n" { out.append("\n") }
                        i += 1
                    }
                } while depth > 0 && i < s.count
                continue
            }
            var hashes = 0
            while at("#", i + hashes) { hashes += 1 }
            if at("\"", i + hashes) {
                let quotes = at("\"\"\"", i + hashes) ? 3 : 1
                stack.append(.string(quotes: quotes, hashes: hashes))
                i += hashes + quotes
                out.append(" ")
                continue
            }
            if case .interpolation(let depth)? = stack.last {
                if c == "(" { stack[stack.count - 1] = .interpolation(depth: depth + 1) }
                if c == ")" {
                    if depth == 0 { stack.removeLast(); i += 1; out.append(" "); continue }
                    stack[stack.count - 1] = .interpolation(depth: depth - 1)
                }
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }

    /// Names declared by `struct`, `class`, `enum`, `protocol`, `actor` or `typealias`.
    static func declarations(in code: String) -> [Declaration] {
        var found: [Declaration] = []
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let k = words.firstIndex(where: { keywords.contains(String($0)) }), k + 1 < words.count else { continue }
            guard words[..<k].allSatisfy({ modifiers.contains(String($0)) || $0.hasPrefix("@") }) else { continue }
            let name = String(words[k + 1].prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            guard let first = name.first, first.isUppercase else { continue }
            found.append(Declaration(name: name, topLevel: !(line.first?.isWhitespace ?? true)))
        }
        return found
    }

    /// Capitalised identifiers in `code`: the candidates for type names.
    static func typeNames(in code: String) -> Set<String> {
        var names: Set<String> = []
        var current = ""
        var previous: Character = " "
        for c in code + " " {
            if c.isLetter || c.isNumber || c == "_" {
                if current.isEmpty && (previous == "." || previous == "$") { current = "." }
                current.append(c)
            } else {
                if let first = current.first, first.isUppercase { names.insert(current) }
                current = ""
            }
            previous = c
        }
        return names
    }

    private static let keywords: Set<String> = ["struct", "class", "enum", "protocol", "actor", "typealias"]
    private static let modifiers: Set<String> = [
        "public", "package", "internal", "private", "fileprivate", "final", "indirect", "nonisolated",
        "private(set)", "fileprivate(set)",
    ]
}
