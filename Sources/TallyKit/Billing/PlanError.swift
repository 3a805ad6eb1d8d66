/// A bad plan file: one message naming the file, the line and the key path (exit 65).
public struct PlanError: ExitStatusProviding, Equatable {
    /// The plan file as given.
    public var file: String
    /// The 1-based line of the offending key or value, when known.
    public var line: Int?
    /// Where in the document, e.g. `plans.starter.charges[1].model`; `nil` for the whole file.
    public var keyPath: String?
    /// What is wrong and what was expected.
    public var message: String

    /// Makes a plan error.
    public init(file: String, line: Int?, keyPath: String?, message: String) {
        self.file = file
        self.line = line
        self.keyPath = keyPath
        self.message = message
    }

    /// Always `dataError` (65).
    public var exitStatus: ExitStatus { .dataError }

    /// `plan.yaml:14: plans.starter.charges[1].model: unknown model 'tierd' (...)`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let keyPath, !keyPath.isEmpty { text += ": \(keyPath)" }
        return text + ": " + message
    }
}

/// Suggestions for misspelt keys and values.
enum Suggestion {
    /// The candidate nearest to `word` when it is plausibly a typo of it.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        if let exact = candidates.first(where: { $0.lowercased() == lowered }) { return exact }
        // Nearest by edit distance; ties go to the longer shared prefix (USX: USD before UGX).
        let scored = candidates.map { candidate -> (String, Int, Int) in
            let c = candidate.lowercased()
            return (candidate, distance(lowered, c), zip(lowered, c).prefix { $0 == $1 }.count)
        }
        guard let best = scored.min(by: { ($0.1, -$0.2) < ($1.1, -$1.2) }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
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
