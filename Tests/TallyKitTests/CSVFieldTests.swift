import Testing
@testable import TallyKit

/// The one CSV field encoder: quoting decided on bytes, formulas defused, numbers never.
@Suite struct CSVFieldTests {
    /// A text cell as the encoder writes it.
    func encoded(_ text: String) -> String {
        var out: [UInt8] = []
        CSVField.appendText(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func rowDefusesQuotesAndFormatsNumbersAndTimes() {
        let job = JobRecord(
            id: "j1", userID: nil, jobType: "=cmd", status: "a,\"b\"", totalDocuments: -5,
            processedCount: Int64.max, failedCount: 0, modelName: "-x,y", errorMessage: "line1\nline2",
            createdAt: Instant(seconds: 0), updatedAt: Instant(microseconds: 1_500_000))
        let row = JobsCSVWriter().row(job)
        #expect(row == "j1,,'=cmd,\"a,\"\"b\"\"\",-5,9223372036854775807,0,\"'-x,y\",\"line1\nline2\","
            + "1970-01-01T00:00:00Z,,,\(Instant(microseconds: 1_500_000).isoString)\r\n")
    }

    /// A comma or quote followed by a combining mark is one `Character` but still a separator byte.
    @Test(arguments: [
        ("a,\u{301}b", "\"a,\u{301}b\""), ("a\"\u{301}b", "\"a\"\"\u{301}b\""), ("a\r\u{301}", "\"a\r\u{301}\""),
        ("Ann,\u{301}Lee", "\"Ann,\u{301}Lee\""), ("\r\n", "\"'\r\n\""), ("plain é", "plain é"), ("", ""),
    ])
    func quotesOnBytes(text: String, expected: String) {
        #expect(encoded(text) == expected)
    }

    @Test(arguments: [
        "=1+1", "+1", "-1", "@SUM(A1)", "\t1", "\rx", "  =1+1", " \t @x", "\n=1", "\r\n=1", "\u{A0}=1",
        "\u{A0}\u{A0} -2", "\u{3000}+1", "\u{2003}=1", "\u{202F}@a", "\u{205F}=1", "\u{1680}=1", "\u{200A}=1",
        "＝1+1", "＋1", "－1", "＠SUM(A1)", " ＝1", "\u{A0}＠x", "\u{0B}=1", "\u{0C}=1",
    ])
    func defusesFormulas(text: String) {
        let cell = encoded(text)
        let body = cell.hasPrefix("\"") ? String(cell.dropFirst()) : cell
        #expect(body.hasPrefix("'"), "\(text.debugDescription) -> \(cell.debugDescription)")
    }

    @Test(arguments: [
        "plain", " x", "\u{A0}x", "a=b", "x-1", "\u{2010}1", "\u{200B}=1", "\u{FF1E}1", "é=", "\u{C2}", " ", "\u{A0}",
        "12.50", "2026-11-01T00:00:00Z",
    ])
    func leavesOtherTextAlone(text: String) {
        #expect(!encoded(text).contains("'"), "\(text.debugDescription)")
    }

    @Test func numbersAreNeverDefused() {
        var out: [UInt8] = []
        CSVField.appendInteger(Int64.min, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == String(Int64.min))
        var csv = CSVDocument(header: ["n", "money", "decimal", "seconds", "text"], bom: false)
        let usd = Currency(code: "USD")!
        csv.append([
            .integer(-5), .money(ExactDecimal(mantissa: -1250, scale: 2), usd),
            .decimal(ExactDecimal(mantissa: -1, scale: 1)), .seconds(micros: -500_000), .text("-5"),
        ])
        #expect(String(decoding: csv.bytes, as: UTF8.self) == "n,money,decimal,seconds,text\r\n-5,-12.50,-0.1,-0.500000,'-5\r\n")
    }

    @Test func documentStartsWithTheBOMWhenAsked() {
        #expect(CSVDocument(header: ["a", "b"], bom: true).bytes == [0xEF, 0xBB, 0xBF] + Array("a,b\r\n".utf8))
        #expect(CSVDocument(header: ["a"], bom: false).bytes == Array("a\r\n".utf8))
    }
}
