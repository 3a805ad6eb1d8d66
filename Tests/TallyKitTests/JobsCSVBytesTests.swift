import Testing
@testable import TallyKit

/// `jobs.csv` rows written as bytes follow the CSV cell rules.
@Suite struct JobsCSVBytesTests {
    @Test func rowDefusesQuotesAndFormatsNumbersAndTimes() {
        let job = JobRecord(
            id: "j1", userID: nil, jobType: "=cmd", status: "a,\"b\"", totalDocuments: -5,
            processedCount: Int64.max, failedCount: 0, modelName: "-x,y", errorMessage: "line1\nline2",
            createdAt: Instant(seconds: 0), updatedAt: Instant(microseconds: 1_500_000))
        let row = JobsCSVWriter().row(job)
        #expect(row == "j1,,'=cmd,\"a,\"\"b\"\"\",-5,9223372036854775807,0,\"'-x,y\",\"line1\nline2\","
            + "1970-01-01T00:00:00Z,,,\(Instant(microseconds: 1_500_000).isoString)\r\n")
    }

    @Test func commaFollowedByCombiningMarkIsQuoted() {
        var out: [UInt8] = []
        CSVField.appendText("a,\u{301}b", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\"a,\u{301}b\"")
        out = []
        CSVField.appendNumber(Int64.min, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == String(Int64.min))
    }
}
