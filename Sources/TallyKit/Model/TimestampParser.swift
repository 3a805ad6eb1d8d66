/// Parses the timestamp spellings the upstream service produces, from bytes.
///
/// Accepted: `YYYY-MM-DD` then `T`, `t` or a space, `HH:MM:SS`, an optional
/// fraction of 1 to 9 digits (microseconds kept, the rest dropped), then `Z`,
/// an offset `+HH`, `+HHMM` or `+HH:MM` (either sign), or nothing (naive means
/// UTC). See `upstream.md`, "Timestamps as they really arrive". A fixed-format
/// scanner with no allocation: millions of calls a second.
public enum TimestampParser {
    /// Parses a timestamp from its UTF-8 bytes; `nil` when it is not one.
    public static func parse(_ s: UnsafeBufferPointer<UInt8>) -> Instant? {
        let n = s.count
        guard n >= 19, let base = s.baseAddress else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let c = base[i]
            return c >= 48 && c <= 57 ? Int(c - 48) : nil
        }
        @inline(__always) func number(_ i: Int, _ width: Int) -> Int? {
            var v = 0
            for k in i..<(i + width) {
                guard let d = digit(k) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        // The fixed part `YYYY-MM-DD?HH:MM:SS` without a branch per digit: any
        // non-digit sets `bad`. The compiler vectorises the compares.
        var bad: UInt8 = 0
        @inline(__always) func fixed(_ i: Int) -> Int {
            let d = base[i] &- 48
            bad |= d > 9 ? 1 : 0
            return Int(d)
        }
        @inline(__always) func two(_ i: Int) -> Int { fixed(i) &* 10 &+ fixed(i + 1) }
        let year = two(0) &* 100 &+ two(2), month = two(5), day = two(8)
        let hour = two(11), minute = two(14), second = two(17)
        let sep = base[10]
        guard bad == 0, base[4] == 0x2D, base[7] == 0x2D, base[13] == 0x3A, base[16] == 0x3A,
              sep == 0x54 || sep == 0x20 || sep == 0x74
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid, hour < 24, minute < 60, second < 60 else { return nil }

        var i = 19
        var micros: Int64 = 0
        if i < n, base[i] == 0x2E {
            i += 1
            let start = i
            while i < n, let d = digit(i) {
                if i - start < 6 { micros = micros * 10 + Int64(d) }
                i += 1
            }
            let count = i - start
            guard count >= 1, count <= 9 else { return nil }
            var scale = count
            while scale < 6 { micros *= 10; scale += 1 }
        }

        var offsetSeconds = 0
        if i < n {
            let c = base[i]
            if c == 0x5A || c == 0x7A {  // Z z
                i += 1
            } else if c == 0x2B || c == 0x2D {  // + -
                let sign = c == 0x2B ? 1 : -1
                i += 1
                guard i + 2 <= n, let hh = number(i, 2) else { return nil }
                i += 2
                var mm = 0
                if i < n, base[i] == 0x3A {
                    guard i + 3 <= n, let m = number(i + 1, 2) else { return nil }
                    mm = m
                    i += 3
                } else if i + 2 <= n, let m = number(i, 2) {
                    mm = m
                    i += 2
                }
                guard hh <= 23, mm < 60 else { return nil }
                offsetSeconds = sign * (hh * 3600 + mm * 60)
            } else {
                return nil
            }
        }
        guard i == n else { return nil }
        let days = date.daysSinceEpoch
        let secs = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return Instant(microseconds: secs * 1_000_000 + micros)
    }

    /// Parses a timestamp from a string; `nil` when it is not one.
    public static func parse(_ text: String) -> Instant? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    /// An instant from Unix seconds given as a number (fractions rounded to microseconds).
    ///
    /// `nil` for values that are not finite or are outside years 0001-9999.
    public static func instant(unixSeconds value: Double) -> Instant? {
        guard value.isFinite, abs(value) < 253_402_300_800 else { return nil }
        return Instant(microseconds: Int64((value * 1_000_000).rounded()))
    }
}
