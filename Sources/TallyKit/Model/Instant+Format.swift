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
    ///
    /// Runs for every timestamp of `jobs.csv`: years 0...9999 are written into a
    /// fixed 32-byte scratch and appended at once; other years take the general path.
    package func appendAPIBytes(to out: inout [UInt8]) {
        let micros = ((microseconds % 1_000_000) + 1_000_000) % 1_000_000
        let secs = (microseconds - micros) / 1_000_000
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let secOfDay = Int(secs - days * 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        guard date.year >= 0, date.year <= 9999 else {
            appendGeneral(date, secOfDay, Int(micros), &out)
            return
        }
        var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { b in
            @inline(__always) func two(_ v: Int, _ at: Int) {
                b[at] = 0x30 &+ UInt8(truncatingIfNeeded: v / 10)
                b[at + 1] = 0x30 &+ UInt8(truncatingIfNeeded: v % 10)
            }
            two(date.year / 100, 0)
            two(date.year % 100, 2)
            b[4] = UInt8(ascii: "-")
            two(date.month, 5)
            b[7] = UInt8(ascii: "-")
            two(date.day, 8)
            b[10] = UInt8(ascii: "T")
            two(secOfDay / 3600, 11)
            b[13] = UInt8(ascii: ":")
            two(secOfDay / 60 % 60, 14)
            b[16] = UInt8(ascii: ":")
            two(secOfDay % 60, 17)
            var n = 19
            if micros != 0 {
                let m = Int(micros)
                b[19] = UInt8(ascii: ".")
                two(m / 10_000, 20)
                two(m / 100 % 100, 22)
                two(m % 100, 24)
                n = 26
            }
            b[n] = UInt8(ascii: "Z")
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[0...n]))
        }
    }

    /// `appendAPIBytes` for any year (negative, or more than four digits).
    private func appendGeneral(_ date: CivilDate, _ secOfDay: Int, _ micros: Int, _ out: inout [UInt8]) {
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
            Self.appendDigits(micros, 6, &out)
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
    package var utcDate: CivilDate {
        let secs = seconds
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        return CivilDate(daysSinceEpoch: days)
    }
}
