import Testing
@testable import TallyKit

/// The readers' one interner: equal bytes give one shared string, ids come out lowercased,
/// and values past its bounds are still decoded right.
@Suite struct ByteInternerTests {
    func string(_ interner: inout ByteInterner, _ text: String) -> String {
        Array(text.utf8).withUnsafeBufferPointer { interner.string($0) }
    }

    /// Where a (non-small) string's bytes live.
    func storage(_ text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func equalBytesShareOneString() {
        var interner = ByteInterner(lowercasesUUIDs: false)
        let long = "a status long enough to be allocated"
        let first = string(&interner, long)
        _ = string(&interner, "other")
        let again = string(&interner, long)
        #expect(first == long && again == long)
        #expect(storage(first) == storage(again))
    }

    @Test func lastValueCheckTellsLengthsApart() {
        var interner = ByteInterner(lowercasesUUIDs: false)
        #expect(string(&interner, "ab") == "ab")
        #expect(string(&interner, "ab\u{0}") == "ab\u{0}")
        #expect(string(&interner, "ab") == "ab")
        #expect(string(&interner, "") == "")
    }

    @Test func theLastValueCheckComparesLongValuesWhole() {
        var ids = ByteInterner(lowercasesUUIDs: true)
        let id = "3F1C9B2E-7D4A-4C1E-9B2E-5A6D7E8F9A0B"
        let first = string(&ids, id), again = string(&ids, id)
        #expect(again == id.lowercased() && storage(first) == storage(again))
        #expect(string(&ids, "3F1C9B2E-7D4A-4C1E-9B2E-5A6D7E8F9A0C") == "3f1c9b2e-7d4a-4c1e-9b2e-5a6d7e8f9a0c", "the last byte differs")
        #expect(string(&ids, "3F1C9B2E-7D4A-4C1E-9B2E-5A6D7E8F9A0") == "3F1C9B2E-7D4A-4C1E-9B2E-5A6D7E8F9A0", "a prefix: no UUID")
    }

    @Test func idsHaveUUIDsLowercasedAndOtherTextKept() {
        var ids = ByteInterner(lowercasesUUIDs: true)
        var text = ByteInterner(lowercasesUUIDs: false)
        let upper = "3F1C9B2E-7D4A-4C1E-9B2E-5A6D7E8F9A0B"
        #expect(string(&ids, upper) == upper.lowercased())
        #expect(string(&ids, upper) == upper.lowercased())
        #expect(string(&ids, "User-ABC") == "User-ABC")
        #expect(string(&text, upper) == upper)
    }

    @Test func valuesPastTheBoundsAreDecodedAfresh() {
        var interner = ByteInterner(lowercasesUUIDs: false, capacity: 4, maxLength: 8)
        for round in 0..<2 {
            for n in 0..<20 {
                let value = "value number \(n) round \(round)"
                #expect(string(&interner, value) == value)
                #expect(string(&interner, "v\(n)") == "v\(n)")
            }
        }
    }

    /// The table starts small and doubles: values placed before a growth are found after it.
    @Test func valuesSurviveTheTableGrowing() {
        var interner = ByteInterner(lowercasesUUIDs: false)
        let values = (0..<3000).map { "a value long enough to allocate, number \($0)" }
        let first = values.map { string(&interner, $0) }
        for (k, value) in values.enumerated() {
            let again = string(&interner, value)
            #expect(again == value)
            #expect(storage(again) == storage(first[k]), "\(value) was not shared after the table grew")
        }
    }

    /// A value whose string differs from its bytes (an uppercase UUID, invalid UTF-8) is still shared,
    /// and never confused with the string's own spelling.
    @Test func valuesUnlikeTheirStringAreSharedAndKeptApart() {
        var ids = ByteInterner(lowercasesUUIDs: true)
        let upper = "3F1C9B2E-7D4A-4C1E-9B2E-5A6D7E8F9A0B"
        let first = string(&ids, upper)
        let lower = string(&ids, upper.lowercased())
        #expect(first == lower)
        #expect(storage(string(&ids, upper)) == storage(first))
        #expect(storage(string(&ids, upper.lowercased())) == storage(lower))
        var text = ByteInterner(lowercasesUUIDs: false)
        let invalid: [UInt8] = Array("not valid UTF-8 here: ".utf8) + [0xFF, 0xFE] + Array(" and more text".utf8)
        let decoded = invalid.withUnsafeBufferPointer { text.string($0) }
        #expect(decoded == String(decoding: invalid, as: UTF8.self))
        let again = invalid.withUnsafeBufferPointer { text.string($0) }
        #expect(storage(again) == storage(decoded))
        #expect(string(&text, decoded) == decoded)
    }
}
