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
        ("tokendeadbeef1 vs -deadbeef1-", "tokendeadbeef<n> vs -<id>-"),
        ("\u{212A}elvin HTTP://A.B", "\u{212A}elvin <url>"),
    ])
    func normalises(raw: String, expected: String) {
        #expect(ErrorNormalizer.normalize(raw) == expected)
    }

    @Test func keysStopAtThreeHundredScalars() {
        let key = ErrorNormalizer.normalize(String(repeating: "é 7 ", count: 200))
        #expect(key.unicodeScalars.count == 299)  // 50 x "é <n> " is 300, the trailing space trimmed
        #expect(key.hasPrefix("é <n> é <n>"))
    }
}
