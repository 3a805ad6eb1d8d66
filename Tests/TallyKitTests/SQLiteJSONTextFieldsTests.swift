import Testing

@testable import TallyKit

/// `JSONTextFields` must read JSON columns exactly as SQLite's JSON1 functions would.
@Suite struct SQLiteJSONTextFieldsTests {
    static let corpus = [
        #"{"k": "pdf"}"#, #"{"k":"a\"b\\c\/d\n\u00e9\ud83d\ude00"}"#, #"{"k": 5}"#, #"{"k": -0}"#, #"{"k": 1.25}"#,
        #"{"k": 2.0}"#, #"{"k": 1e3}"#, #"{"k": -12.5E-2}"#, #"{"k": 9223372036854775807}"#,
        #"{"k": -9223372036854775808}"#, #"{"k": 9223372036854775808}"#, #"{"k": 0.1}"#,
        #"{"k": 123456789012345678901234567890}"#, #"{"k": 1.7976931348623157e308}"#, #"{"k": true}"#,
        #"{"k": null}"#, #"{"k": {"k": 1}}"#, #"{"k": [1, "x"]}"#, #"{"other": 1}"#, #"{"k": 1, "k": 2}"#,
        #" { "a" : [ { } , [ ] ] , "k" : "x" } "#, "{}", "[]", "\"k\"", "7", "null", "{\"k\": \"tab\there\"}",
        "{not json", #"{"k": 01}"#, #"{"k": 1.}"#, #"{"k": .5}"#, #"{"k": +1}"#, #"{"k": "x",}"#, #"[1,]"#,
        #"{"k": "x"} extra"#, #"{"k": "\x"}"#, #"{"k": "\u12"}"#, #"{"k" 1}"#, #"{"k": tru}"#, #"{"k": NaN}"#,
        "", " ", #"{"k\u0041": 1}"#, #"{"k": 1e}"#, #"{"k": -}"#, "{\"k\": 1}\n",
        String(repeating: "[", count: 900) + String(repeating: "]", count: 900),
    ]

    @Test(arguments: corpus)
    func readsLikeSQLiteJSON1(text: String) throws {
        let db = try SQLiteTestDatabase(path: ":memory:")
        let sql =
            "SELECT CASE WHEN json_valid(?1) THEN json_type(?1, '$.k') ELSE 'invalid' END,"
            + " CASE WHEN json_valid(?1) THEN json_extract(?1, '$.k') END"
        let row = try db.queryRow(sql, [.text(text)])
        var copy = text
        let fields = copy.withUTF8 { JSONTextFields.values(in: $0, keys: [Array("k".utf8)]) }
        switch row[0] {
        case .text("invalid"):
            #expect(fields == nil)
        case .text("integer"), .text("real"):
            let expected: JSONTextFields.Value? =
                switch row[1] {
                case .integer(let n): .integer(n)
                case .real(let x): .real(x)
                default: nil
                }
            #expect(fields?[0] == expected)
        case .text("text"):
            let expected: JSONTextFields.Value? = if case .text(let s) = row[1] { .string(s) } else { nil }
            #expect(fields?[0] == expected)
        case .null:
            #expect(fields != nil && fields?[0] == nil)
        default:
            #expect(fields?[0] == .other)
        }
    }

    /// Strings are skipped 8 bytes at a time: a quote, escape, control character or
    /// multi-byte character at every offset of a word, in keys and values, reads as JSON1 does.
    @Test func longStringsReadLikeSQLiteJSON1() throws {
        for n in 0..<20 {
            let run = String(repeating: "a", count: n)
            for special in [#"\""#, #"\\"#, #"\n"#, #"\u00e9"#, "\t", "\u{1}", "é", "😀", "", #"\x"#, #"\u12"#] {
                let value = run + special + String(repeating: "b", count: 11 - n % 4)
                try readsLikeSQLiteJSON1(text: #"{"# + "\"\(value)\": 1, \"k\": \"\(value)\"}")
                try readsLikeSQLiteJSON1(text: "{\"k\": \"\(value)")
            }
        }
    }

    /// The decoder reuses one buffer for every row: no value may leak into the next row's.
    @Test func aReusedBufferHoldsOnlyTheLatestTextsValues() {
        let keys = [Array("a".utf8), Array("b".utf8)]
        var found: [JSONTextFields.Value?] = [.other, .other, .other]
        func read(_ text: String) -> Bool {
            var copy = text
            return copy.withUTF8 { JSONTextFields.values(in: $0, keys: keys, into: &found) }
        }
        #expect(read(#"{"a": 1, "b": "x"}"#) && found == [.integer(1), .string("x")])
        #expect(read(#"{"b": 2}"#) && found == [nil, .integer(2)])
        #expect(!read(#"{"a": 3, "b": 4"#) && found == [nil, nil])
        #expect(read(#"{"a": 5}"#) && found == [.integer(5), nil])
        #expect(!read("") && found == [nil, nil])
    }

    @Test func nestingPastTheLimitDoesNotParse() {
        var text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(text.withUTF8 { JSONTextFields.values(in: $0, keys: []) } == nil)
    }
}
