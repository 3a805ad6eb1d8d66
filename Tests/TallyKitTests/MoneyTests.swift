import Testing
@testable import TallyKit

@Suite struct MoneyTests {
    func d(_ text: String) throws -> ExactDecimal {
        try #require(ExactDecimal(parsing: text))
    }

    @Test(arguments: ["0.0004", "19.00", "-1", "0", "1000", "123456789.123456789"])
    func parsesAndPrintsAsWritten(text: String) throws {
        #expect(try d(text).description == text)
    }

    @Test(arguments: ["", "-", ".5", "1.", "1e3", "+1", " 1", "1,5", "1.2.3", "0x10", "١"])
    func rejectsNonDecimals(text: String) {
        #expect(ExactDecimal(parsing: text) == nil)
    }

    @Test func equalityIsNumeric() throws {
        #expect(try d("1.50") == d("1.5"))
        #expect(try Set([d("1.50"), d("1.5")]).count == 1)
        #expect(try d("0.1") + d("0.2") == d("0.3"))
        #expect(try d("0.0004") * d("12345.678901") == d("4.9382715604"))
        #expect(try d("-2.5") < d("-2.49"))
    }

    @Test func largeQuantityTimesSixDecimalPriceIsExact() throws {
        let quantity = ExactDecimal(Int64.max)
        let price = try d("999999999.999999")
        let product = quantity * price
        #expect(product.description == "9223372036854766583627963145.224193")
    }

    @Test(arguments: [
        // value, half-up, half-even (2 places)
        ("0.125", "0.13", "0.12"),
        ("0.135", "0.14", "0.14"),
        ("-0.125", "-0.13", "-0.12"),
        ("2.675", "2.68", "2.68"),
        ("2.665", "2.67", "2.66"),
        ("0.1250001", "0.13", "0.13"),
        ("0.1249999", "0.12", "0.12"),
        ("1.005", "1.01", "1.00"),
        ("7", "7.00", "7.00"),
    ])
    func roundsTiesByMode(value: String, halfUp: String, halfEven: String) throws {
        let v = try d(value)
        #expect(v.rounded(toPlaces: 2, mode: .halfUp).description == halfUp)
        #expect(v.rounded(toPlaces: 2, mode: .halfEven).description == halfEven)
    }

    @Test func yenHasNoMinorUnits() throws {
        let jpy = try #require(Currency(code: "JPY"))
        #expect(jpy.format(jpy.round(try d("999.5"), .halfUp)) == "1000")
        #expect(jpy.format(jpy.round(try d("998.5"), .halfEven)) == "998")
        #expect(jpy.format(jpy.round(try d("999.5"), .halfEven)) == "1000")
    }

    @Test func bahrainiDinarHasThree() throws {
        let bhd = try #require(Currency(code: "BHD"))
        #expect(bhd.format(bhd.round(try d("1.2345"), .halfUp)) == "1.235")
        #expect(bhd.format(bhd.round(try d("1.2345"), .halfEven)) == "1.234")
        #expect(bhd.format(try d("1.2")) == "1.200")
    }

    @Test(arguments: [("USD", 2), ("EUR", 2), ("GBP", 2), ("CHF", 2), ("JPY", 0), ("KRW", 0), ("BHD", 3), ("KWD", 3),
        ("JOD", 3), ("OMR", 3), ("TND", 3)])
    func minorUnits(code: String, minor: Int) throws {
        #expect(try #require(Currency(code: code)).minorUnits == minor)
    }

    @Test func unknownCurrencies() {
        #expect(Currency(code: "usd") == nil)
        #expect(Currency(code: "XYZ") == nil)
        #expect(Currency.knownCodes.count >= 40)
    }

    @Test func formatsWithExactlyTheMinorDigits() throws {
        let usd = try #require(Currency(code: "USD"))
        #expect(usd.format(try d("41.5")) == "41.50")
        #expect(usd.format(try d("-3")) == "-3.00")
        #expect(usd.format(try d("0.05")) == "0.05")
        #expect(try d("0.0012").string(minimumFractionDigits: 2) == "0.0012")
        #expect(try d("1.500").string(minimumFractionDigits: 2) == "1.50")
    }

    @Test func fractionsAndPackages() throws {
        #expect(ExactDecimal.fraction(1_500_000, tenToThe: 6) == (try d("1.5")))
        #expect(ExactDecimal.fraction(1, tenToThe: 6).description == "0.000001")
        #expect(try d("101").ceilingQuotient(dividingBy: d("100")) == ExactDecimal(2))
        #expect(try d("100").ceilingQuotient(dividingBy: d("100")) == ExactDecimal(1))
        #expect(try d("-5").ceilingQuotient(dividingBy: d("100")) == .zero)
        #expect(try d("0.3").ceilingQuotient(dividingBy: d("0.25")) == ExactDecimal(2))
    }
}
