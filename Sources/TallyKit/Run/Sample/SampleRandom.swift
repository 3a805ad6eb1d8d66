/// The sample generator's own seeded random numbers: xoshiro256** seeded by SplitMix64.
///
/// Everything is integer arithmetic defined here (no stdlib `random(in:)`, no
/// `libm`), so the same seed gives the same sequence on every machine and
/// every Swift version.
package struct SampleRandom: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// Seeds the four state words from `seed` with SplitMix64, as xoshiro's authors recommend.
    package init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    /// The next 64 random bits.
    @inline(__always)
    package mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @inline(__always)
    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }

    /// The first value a generator with this seed yields, without advancing it.
    package var peekFirst: UInt64 {
        var copy = self
        return copy.next()
    }

    /// A number in `0..<bound` (multiply-high; the bias is below 2^-40 for our bounds).
    @inline(__always)
    package mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in `range`.
    @inline(__always)
    package mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `perMille` / 1000.
    @inline(__always)
    package mutating func chance(perMille: Int) -> Bool {
        below(1000) < perMille
    }

    /// A uniformly chosen element of a non-empty array.
    @inline(__always)
    package mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index chosen by integer weights (their sum must be positive).
    package mutating func weighted(_ weights: [Int]) -> Int {
        var r = below(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if r < weight { return index }
            r -= weight
        }
        return weights.count - 1
    }

    /// A skewed number in `low...high`: `low + (high - low + 1) * u^power`, mostly small.
    package mutating func skewed(_ low: Int, _ high: Int, power: Int) -> Int {
        let span = UInt64(high - low + 1)
        var value = span
        for _ in 0..<power {
            value = value.multipliedFullWidth(by: next()).high
        }
        return low + Int(value)
    }

    /// A random version-4 UUID, lowercase with hyphens, as the upstream service writes ids.
    package mutating func uuid() -> String {
        var bytes = [UInt8](repeating: 0, count: 36)
        appendUUID(into: &bytes, at: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes a version-4 UUID's 36 ASCII bytes into `buffer` starting at `start`.
    package mutating func appendUUID(into buffer: inout [UInt8], at start: Int) {
        let hi = (next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let lo = (next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let hex: StaticString = "0123456789abcdef"
        var p = start
        for nibble in 0..<32 {
            if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 {
                buffer[p] = UInt8(ascii: "-")
                p += 1
            }
            let word = nibble < 16 ? hi : lo
            let shift = UInt64(60 - (nibble % 16) * 4)
            buffer[p] = hex.utf8Start[Int((word >> shift) & 0xF)]
            p += 1
        }
    }
}

/// `SampleRandom` serves as the standard library's generator too (seeded shuffles and property tests).
extension SampleRandom: RandomNumberGenerator {}
