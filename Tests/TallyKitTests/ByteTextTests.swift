import Testing

@testable import TallyKit

/// `ByteText` writes numbers and escaped text exactly as the `String` forms it replaced in the charts.
@Suite struct ByteTextTests {
    /// The grouped count as `DisplayFormat.count` wrote it before (digits of a `String`, commas between).
    private func referenceCount(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var out = value < 0 ? "-" : ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// A coordinate as `SVGCharts.coordinate` wrote it before.
    private func referenceCoordinate(_ v: Double) -> String {
        let tenths = v.isNaN ? 0 : Int64((max(-1e9, min(1e9, v)) * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : DisplayFormat.decimal(numerator: tenths, denominator: 1, places: 1)
    }

    private static let integers: [Int64] = [
        0, 1, -1, 9, 10, 99, 100, 999, 1000, -1000, 12_345, 999_999, 1_000_000, -1_234_567, 1 << 40,
        Int64.max, Int64.min, Int64.min + 1,
    ]

    @Test(arguments: integers)
    func countsAndDecimalsMatchTheStringForms(value: Int64) {
        var text = ByteText()
        text.count(value)
        #expect(text.string == referenceCount(value))
        #expect(DisplayFormat(zone: .gmt).count(value) == referenceCount(value))
        var plain = ByteText()
        plain.int(value)
        #expect(plain.string == String(value))
    }

    @Test(arguments: [
        0, 0.04, 0.05, 0.06, -0.04, -0.05, -0.06, 1, 1.25, -1.25, 12.95, -12.95, 76, 936, 211.99999, -0.5,
        1e9, -1e9, 2e12, -3e15, Double.infinity, -Double.infinity, Double.nan, 0.1 + 0.2, 5.55, -7.45,
    ])
    func coordinatesMatchTheStringForm(value: Double) {
        var text = ByteText()
        text.coordinate(value)
        #expect(text.string == referenceCoordinate(value))
        #expect(SVGCharts.coordinate(value) == referenceCoordinate(value))
    }

    @Test func coordinatesOverARangeMatchTheStringForm() {
        for step in -2000...2000 {
            let v = Double(step) * 0.037
            var text = ByteText()
            text.coordinate(v)
            #expect(text.string == referenceCoordinate(v), "\(v)")
        }
    }

    @Test func escapedTextIsHTMLEscaped() {
        let samples = ["plain", "a<b>&\"c'", "caf\u{E9} \u{1F600}", "ctl\u{01}\u{7F}\u{85}x", "\"\u{301}", ""]
        for sample in samples {
            var text = ByteText()
            text.escaped(sample)
            #expect(text.string == Escape.html(sample))
        }
    }
}
