/// Suggestions for misspelt names (subcommands, keys, values), by edit distance.
public enum Spelling {
    /// The candidate `word` most plausibly misspells, if any.
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        Suggestion.nearest(to: word, in: candidates)
    }
}
