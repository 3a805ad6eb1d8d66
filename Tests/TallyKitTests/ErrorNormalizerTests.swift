import Testing
@testable import TallyKit

/// The allocation-free normaliser keeps the rules: schemes in any case, Unicode
/// whitespace collapsed, ids only as whole tokens, keys cut at 300 scalars.
@Suite struct ErrorNormalizerTests {
    @Test(arguments: [
        ("fetch S3://bucket/key and Ftp://host/x failed", "fetch <url> and <url> failed"),
        ("no scheme: http:/x", "no scheme: http:/x"),
        ("wide\u{00A0}\u{2003}space\u{1C}here", "wide space\u{1C}here"),
        ("row 12 of 3.5.", "row <n> of <n>."),
        ("tokendeadbeef1 vs -deadbeef1-", "tokendeadbeef<n> vs -<n>-"),
        ("\u{212A}elvin HTTP://A.B", "\u{212A}elvin <url>"),
    ])
    func normalises(raw: String, expected: String) {
        #expect(ErrorNormalizer.normalize(raw) == expected)
    }

    /// Model names stay whole (issue 14: `gpt-<n>o-mini`, `llama-<n>-<n>b-chat`); numbers
    /// around them and digits in other words are still masked.
    @Test(arguments: [
        ("Model openai/gpt-4o-mini returned malformed JSON: line 1 column 5 (char 4)",
         "Model openai/gpt-4o-mini returned malformed JSON: line <n> column <n> (char <n>)"),
        ("Model meta-llama/llama-2-70b-chat returned malformed JSON", "Model meta-llama/llama-2-70b-chat returned malformed JSON"),
        ("claude-3-haiku, gemini-2.0-flash-exp and GPT-4.", "claude-3-haiku, gemini-2.0-flash-exp and GPT-4."),
        ("Unsupported content in file upload_318.pdf", "Unsupported content in file upload_<n>.pdf"),
        ("philosophy 12 and nova 3", "philosophy <n> and nova <n>"),
    ])
    func keepsModelNames(raw: String, expected: String) {
        #expect(ErrorNormalizer.normalize(raw) == expected)
    }

    /// One message, one group: a random hex id is the same mask whether it happens to be
    /// all digits, all letters, or both (issue 14: `<id>` vs `<n>` split one message).
    @Test func aHexIdIsOneMaskWhateverItsDigits() {
        let ids = ["768cb0d920f9", "189464662440", "abcdefabcdef", "1a", "7f3b", "0123456789abcdef"]
        let keys = Set(ids.map { ErrorNormalizer.normalize("LLM rate limit exceeded (429) for request \($0)") })
        #expect(keys == ["LLM rate limit exceeded (<n>) for request <n>"])
        #expect(ErrorNormalizer.normalize("request 9974d75b-3338-44fe-a179-0134676b1b69 failed") == "request <id> failed")
        #expect(ErrorNormalizer.normalize("took 3.5s, then 30.25s") == "took <n>s, then <n>s")
    }

    @Test func keysStopAtThreeHundredScalars() {
        let key = ErrorNormalizer.normalize(String(repeating: "é 7 ", count: 200))
        #expect(key.unicodeScalars.count == 299)  // 50 x "é <n> " is 300, the trailing space trimmed
        #expect(key.hasPrefix("é <n> é <n>"))
    }
}
