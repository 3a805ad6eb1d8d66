/// Suggestions for misspelt names (subcommands, keys, values), by edit distance.
package enum Spelling {
    /// The candidate `word` most plausibly misspells, if any: within `maxDistance` edits
    /// (default: 2, or a third of the word's length when longer).
    package static func nearest(to word: String, in candidates: [String], maxDistance: Int? = nil) -> String? {
        let lowered = word.lowercased()
        if let exact = candidates.first(where: { $0.lowercased() == lowered }) { return exact }
        // Nearest by edit distance; ties go to the longer shared prefix (USX: USD before UGX).
        let scored = candidates.map { candidate -> (String, Int, Int) in
            let c = candidate.lowercased()
            return (candidate, distance(lowered, c), zip(lowered, c).prefix { $0 == $1 }.count)
        }
        guard let best = scored.min(by: { ($0.1, -$0.2) < ($1.1, -$1.2) }) else { return nil }
        return best.1 <= (maxDistance ?? max(2, word.count / 3)) ? best.0 : nil
    }

    /// ` (did you mean 'x'?)` or an empty string.
    static func hint(for word: String, in candidates: [String]) -> String {
        nearest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance between two strings, by Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in stride(from: 1, through: y.count, by: 1) {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[y.count]
    }
}
