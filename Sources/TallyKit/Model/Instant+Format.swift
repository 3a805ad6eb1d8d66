extension Instant {
    /// The upstream response spelling: `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` in UTC.
    ///
    /// Six fraction digits appear only when the microseconds are not zero, as the
    /// endpoint writes them (`upstream.md`, "How the response body is written").
    public var apiString: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(27)
        appendAPIBytes(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ISO 8601 in UTC with seconds, for CSV and JSON reports: `YYYY-MM-DDTHH:MM:SSZ`
    /// plus `.ffffff` when the microseconds are not zero (same as `apiString`).
    public var isoString: String { apiString }

    /// Appends `apiString`'s bytes to a buffer without building a `String`.
    public func appendAPIBytes(to out: inout [UInt8]) {
        let micros = ((microseconds % 1_000_000) + 1_000_000) % 1_000_000
        let secs = (microseconds - micros) / 1_000_000
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let secOfDay = Int(secs - days * 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        Self.appendDigits(date.year, 4, &out)
        out.append(UInt8(ascii: "-"))
        Self.appendDigits(date.month, 2, &out)
        out.append(UInt8(ascii: "-"))
        Self.appendDigits(date.day, 2, &out)
        out.append(UInt8(ascii: "T"))
        Self.appendDigits(secOfDay / 3600, 2, &out)
        out.append(UInt8(ascii: ":"))
        Self.appendDigits(secOfDay / 60 % 60, 2, &out)
        out.append(UInt8(ascii: ":"))
        Self.appendDigits(secOfDay % 60, 2, &out)
        if micros != 0 {
            out.append(UInt8(ascii: "."))
            Self.appendDigits(Int(micros), 6, &out)
        }
        out.append(UInt8(ascii: "Z"))
    }

    private static func appendDigits(_ value: Int, _ width: Int, _ out: inout [UInt8]) {
        if value < 0 {
            out.append(UInt8(ascii: "-"))
            appendDigits(-value, width, &out)
            return
        }
        var digits: [UInt8] = []
        var v = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        } while v > 0
        for _ in digits.count..<max(width, digits.count) { out.append(UInt8(ascii: "0")) }
        out.append(contentsOf: digits.reversed())
    }

    /// The UTC calendar date of this instant.
    public var utcDate: CivilDate {
        let secs = seconds
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        return CivilDate(daysSinceEpoch: days)
    }
}
