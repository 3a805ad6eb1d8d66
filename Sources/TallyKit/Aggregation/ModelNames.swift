/// Recognises model names in error messages, so the normaliser keeps them whole.
///
/// A model name is a word (letters, digits and `- . _ : /`) whose last `/`-separated
/// part starts with a known model family followed by a digit, `-`, `.` or `:` or the
/// end: `gpt-4o-mini`, `openai/gpt-4o-mini`, `claude-3-haiku`, `gemini-2.0-flash-exp`,
/// `meta-llama/llama-2-70b-chat`, `mistral-7b`. The list is fixed, so the same message
/// always gives the same group, whatever else the history holds.
enum ModelNames {
    /// Model families, lowercase ASCII.
    static let families: [[UInt32]] = [
        "gpt", "chatgpt", "o1", "o3", "o4", "claude", "gemini", "gemma", "palm", "llama", "codellama", "mistral",
        "mixtral", "codestral", "ministral", "pixtral", "qwen", "deepseek", "phi", "command", "grok", "yi", "falcon",
        "titan", "nova", "jamba", "sonar", "dbrx", "olmo", "granite", "nemotron", "text-embedding", "whisper", "dall-e",
    ].map { $0.unicodeScalars.map(\.value) }

    /// The end of the model name starting at `i`, or `nil` when none starts there.
    static func end(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        guard i == 0 || startsWord(s[i - 1]), isLetter(s[i]) else { return nil }
        var j = i
        var name = i  // where the part after the last `/` starts
        while j < s.count, isWordScalar(s[j]) {
            if s[j] == "/" { name = j + 1 }
            j += 1
        }
        while j > i, isJoiner(s[j - 1]) { j -= 1 }  // `gpt-4o.` at the end of a sentence
        guard name < j, family(at: name, in: s, before: j) else { return nil }
        return j
    }

    /// Whether a known family starts at `i` and is followed by a digit, a joiner or `end`.
    private static func family(at i: Int, in s: [Unicode.Scalar], before end: Int) -> Bool {
        for family in families where i + family.count <= end {
            var matches = true
            for k in 0..<family.count where lower(s[i + k].value) != family[k] {
                matches = false
                break
            }
            guard matches else { continue }
            let next = i + family.count
            if next == end || isDigit(s[next]) || isJoiner(s[next]) { return true }
        }
        return false
    }

    @inline(__always) private static func lower(_ v: UInt32) -> UInt32 { v >= 0x41 && v <= 0x5A ? v | 0x20 : v }
    @inline(__always) private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value &- 0x30 < 10 }
    @inline(__always) private static func isLetter(_ c: Unicode.Scalar) -> Bool { (c.value | 0x20) &- 0x61 < 26 }
    @inline(__always) private static func isJoiner(_ c: Unicode.Scalar) -> Bool {
        c == "-" || c == "." || c == "_" || c == ":" || c == "/"
    }
    @inline(__always) private static func isWordScalar(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isDigit(c) || isJoiner(c) }
    /// What may come before a word: not a letter, digit or joiner (so `upload_gpt4` is no model).
    @inline(__always) private static func startsWord(_ c: Unicode.Scalar) -> Bool { !isWordScalar(c) && c.value < 0x80 || c == " " }
}
