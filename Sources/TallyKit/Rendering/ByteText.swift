/// Text built as UTF-8 bytes, for the long generated parts of a page (the charts: a
/// 153-day chart is ~300 bars of a few elements each). Appending to a byte array costs
/// a fraction of appending to a `String`, and numbers are written without a `String`.
struct ByteText {
    /// The text so far.
    private(set) var bytes: [UInt8] = []

    /// An empty text with room for `capacity` bytes.
    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The text as a `String`.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends a literal as it is (no escaping).
    mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` as it is (no escaping).
    mutating func text(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends `text` escaped as `Escape.html(_:)` escapes it.
    mutating func escaped(_ text: String) {
        Escape.appendHTML(text, to: &bytes)
    }

    /// Appends `value` in decimal, as `String(value)` writes it.
    mutating func int(_ value: Int64) {
        Self.appendDecimal(value, to: &bytes)
    }

    /// Appends `value` as `DisplayFormat.count(_:)` writes it: `1,234,567`.
    mutating func count(_ value: Int64) {
        Self.appendCount(value, to: &bytes)
    }

    /// Appends a coordinate as `SVGCharts.coordinate(_:)` writes it: at most one decimal,
    /// bounded to ±10^9 (0 for NaN).
    mutating func coordinate(_ v: Double) {
        let tenths = Self.tenths(v)
        if tenths % 10 == 0 {
            Self.appendDecimal(tenths / 10, to: &bytes)
        } else {
            if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
            let magnitude = tenths.magnitude
            Self.appendDecimal(Int64(magnitude / 10), to: &bytes)
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
        }
    }

    /// A coordinate in tenths, rounded half away from zero (`coordinate(_:)`'s bounds).
    static func tenths(_ v: Double) -> Int64 {
        v.isNaN ? 0 : Int64((max(-1e9, min(1e9, v)) * 10).rounded())
    }

    /// `value` in decimal, minus sign for negatives.
    static func appendDecimal(_ value: Int64, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxWidth) { buffer in
            let count = write(value, grouped: false, into: buffer)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// `value` with a comma before every group of three digits from the right, minus sign for negatives.
    static func appendCount(_ value: Int64, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxWidth) { buffer in
            let count = write(value, grouped: true, into: buffer)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// The most bytes `write(_:grouped:into:)` writes: a sign, 19 digits and 6 commas.
    static let maxWidth = 26

    /// Writes `value` in decimal (grouped by three with commas when `grouped`) at the
    /// start of `buffer` (at least `maxWidth` bytes); returns the bytes written.
    static func write(_ value: Int64, grouped: Bool, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var end = maxWidth, digits = 0, rest = value.magnitude
        repeat {
            if grouped, digits > 0, digits % 3 == 0 {
                end -= 1
                buffer[end] = UInt8(ascii: ",")
            }
            end -= 1
            buffer[end] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            digits += 1
        } while rest > 0
        if value < 0 {
            end -= 1
            buffer[end] = UInt8(ascii: "-")
        }
        let count = maxWidth - end
        for i in 0..<count { buffer[i] = buffer[end + i] }
        return count
    }
}
