import CJSONIndex

/// Why a scan stopped short of a complete value.
enum JSONScanError: Error {
    /// The buffer ended inside the value; more bytes may complete it.
    case needMore
    /// Invalid JSON at byte index `at`.
    case syntax(String, at: Int)
}

/// One key-value pair of the object being scanned, as byte ranges of the buffer (a C struct, so the
/// indexed scanner can fill it): `keyStart`, `keyEnd` (the key's content between its quotes),
/// `keyEscaped`, `valueStart`, `valueEnd` and `flags` (`JSONScanner.escapedFlag`, `integralFlag`).
typealias JSONMember = tally_json_member

/// A validating, iterative JSON scanner over one contiguous buffer.
///
/// `scanValue` walks one complete value with an explicit stack (no recursion, so
/// deep nesting is an error at `maxDepth`, never a stack overflow), checks the
/// grammar and the UTF-8 inside strings, and records the members of the
/// outermost object when asked. It allocates nothing.
struct JSONScanner {
    static let maxDepth = 512
    static let escapedFlag: UInt8 = 1
    static let integralFlag: UInt8 = 2

    let base: UnsafePointer<UInt8>
    let end: Int
    /// Whether `end` is the end of the input (else running out means `needMore`).
    let hardEnd: Bool
    var i: Int
    private var flags: UInt8 = 0

    /// A scanner over `base[start..<end]`.
    init(base: UnsafePointer<UInt8>, start: Int, end: Int, hardEnd: Bool) {
        self.base = base
        self.i = start
        self.end = end
        self.hardEnd = hardEnd
    }

    /// Scans the value at `i`, leaving `i` just past it; collects the outer object's members when `collect`.
    ///
    /// `stack` must hold `maxDepth` bytes.
    mutating func scanValue(
        collect: Bool, into members: inout [JSONMember], stack: UnsafeMutablePointer<UInt8>
    ) throws(JSONScanError) {
        var depth = 0
        var key = (start: 0, end: 0, escaped: false)
        var valueStart = 0
        var needValue = true
        while true {
            if needValue {
                try skipWhitespace()
                let c = base[i]
                if depth == 1 { valueStart = i }
                if c == 0x7B || c == 0x5B {  // { [
                    guard depth < Self.maxDepth else {
                        throw .syntax("nesting deeper than \(Self.maxDepth) levels", at: i)
                    }
                    stack[depth] = c
                    depth += 1
                    i += 1
                    try skipWhitespace()
                    if base[i] == c + 2 {  // } ]
                        i += 1
                        depth -= 1
                        flags = 0
                    } else {
                        if c == 0x7B {
                            let k = try scanKey()
                            if depth == 1 { key = k }
                        }
                        continue
                    }
                } else {
                    try scanScalar(c)
                }
                needValue = false
            } else {
                try skipWhitespace()
                let c = base[i]
                let open = stack[depth - 1]
                if c == 0x2C {  // ,
                    i += 1
                    if open == 0x7B {
                        let k = try scanKey()
                        if depth == 1 { key = k }
                    }
                    needValue = true
                    continue
                }
                guard c == open + 2 else {
                    throw .syntax(open == 0x7B ? "expected ',' or '}' \(Self.found(c))" : "expected ',' or ']' \(Self.found(c))", at: i)
                }
                i += 1
                depth -= 1
                flags = 0
            }
            if depth == 0 { return }
            if depth == 1, collect, stack[0] == 0x7B {
                members.append(JSONMember(
                    keyStart: key.start, keyEnd: key.end, keyEscaped: key.escaped,
                    valueStart: valueStart, valueEnd: i, flags: flags))
            }
        }
    }

    /// Skips whitespace; on return `base[i]` is a valid byte.
    @inline(__always)
    mutating func skipWhitespace() throws(JSONScanError) {
        while i < end {
            let c = base[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
        throw endOfInput()
    }

    /// Skips whitespace and reports whether the input ends there (without throwing: once per NDJSON line).
    mutating func atEndAfterWhitespace() -> Bool {
        while i < end {
            let c = base[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return false }
            i += 1
        }
        return true
    }

    @inline(__always)
    private func endOfInput() -> JSONScanError {
        hardEnd ? .syntax("unexpected end of input", at: i) : .needMore
    }

    /// Whether the number being scanned ends at `i` because the input does.
    @inline(__always)
    private func numberEnds() throws(JSONScanError) -> Bool {
        if i < end { return false }
        if hardEnd { return true }
        throw .needMore
    }

    private mutating func scanKey() throws(JSONScanError) -> (start: Int, end: Int, escaped: Bool) {
        try skipWhitespace()
        guard base[i] == 0x22 else { throw .syntax("expected a string key \(Self.found(base[i]))", at: i) }
        let start = i + 1
        try scanString()
        let key = (start: start, end: i - 1, escaped: flags & Self.escapedFlag != 0)
        try skipWhitespace()
        guard base[i] == 0x3A else { throw .syntax("expected ':' \(Self.found(base[i]))", at: i) }
        i += 1
        return key
    }

    private mutating func scanScalar(_ c: UInt8) throws(JSONScanError) {
        switch c {
        case 0x22: try scanString()
        case 0x2D, 0x30...0x39: try scanNumber()
        case 0x74: try scanLiteral(0x72, 0x75, 0x65, 0, length: 4)  // true
        case 0x66: try scanLiteral(0x61, 0x6C, 0x73, 0x65, length: 5)  // false
        case 0x6E: try scanLiteral(0x75, 0x6C, 0x6C, 0, length: 4)  // null
        default: throw .syntax("invalid value \(Self.found(c))", at: i)
        }
    }

    private mutating func scanLiteral(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, length: Int) throws(JSONScanError) {
        guard i + length <= end else { throw endOfInput() }
        guard base[i + 1] == a, base[i + 2] == b, base[i + 3] == c, length == 4 || base[i + 4] == d else {
            throw .syntax("invalid literal \(Self.found(base[i]))", at: i)
        }
        i += length
        flags = 0
    }

    /// Scans a string from its opening quote, validating escapes and UTF-8.
    mutating func scanString() throws(JSONScanError) {
        i += 1
        flags = 0
        while true {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= end, !Self.hasSpecialByte(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i += 8
            }
            while i < end {
                let b = base[i]
                guard b >= 0x20, b < 0x80, b != 0x22, b != 0x5C else { break }
                i += 1
            }
            guard i < end else { throw endOfInput() }
            let b = base[i]
            if b == 0x22 {
                i += 1
                return
            } else if b == 0x5C {
                flags = Self.escapedFlag
                try scanEscape()
            } else if b < 0x20 {
                throw .syntax("control character 0x\(String(b, radix: 16)) in a string", at: i)
            } else {
                try scanUTF8()
            }
        }
    }

    /// Whether any of eight bytes is a quote, a backslash, a control character or non-ASCII.
    @inline(__always)
    private static func hasSpecialByte(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = x ^ (ones &* 0x22)
        let backslash = x ^ (ones &* 0x5C)
        let zeroInQuote = (quote &- ones) & ~quote
        let zeroInBackslash = (backslash &- ones) & ~backslash
        let control = (x &- ones &* 0x20) & ~x
        return (zeroInQuote | zeroInBackslash | control | x) & high != 0
    }

    private mutating func scanEscape() throws(JSONScanError) {
        guard i + 1 < end else { throw endOfInput() }
        switch base[i + 1] {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
            i += 2
        case 0x75:
            guard i + 6 <= end else { throw endOfInput() }
            for k in 2..<6 where JSONBytes.hexValue(base[i + k]) == nil {
                throw .syntax("invalid \\u escape", at: i)
            }
            i += 6
        default:
            throw .syntax("invalid escape \\\(Self.printable(base[i + 1]))", at: i)
        }
    }

    /// Validates one multi-byte UTF-8 sequence at `i` (RFC 3629: no overlongs, surrogates or values past U+10FFFF).
    private mutating func scanUTF8() throws(JSONScanError) {
        let lead = base[i]
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        let extra: Int
        switch lead {
        case 0xC2...0xDF: extra = 1
        case 0xE0: extra = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: extra = 2
        case 0xED: extra = 2; high = 0x9F
        case 0xF0: extra = 3; low = 0x90
        case 0xF1...0xF3: extra = 3
        case 0xF4: extra = 3; high = 0x8F
        default: throw .syntax("invalid UTF-8 byte 0x\(String(lead, radix: 16))", at: i)
        }
        guard i + extra < end else { throw endOfInput() }
        let second = base[i + 1]
        guard second >= low, second <= high else {
            throw .syntax("invalid UTF-8 sequence", at: i)
        }
        for k in stride(from: 2, through: extra, by: 1) where base[i + k] & 0xC0 != 0x80 {
            throw .syntax("invalid UTF-8 sequence", at: i)
        }
        i += extra + 1
    }

    private mutating func scanNumber() throws(JSONScanError) {
        flags = Self.integralFlag
        if base[i] == 0x2D { i += 1 }
        guard i < end else { throw endOfInput() }
        let first = base[i]
        guard JSONBytes.isDigit(first) else { throw .syntax("invalid number", at: i) }
        i += 1
        if first != 0x30 { try skipDigits() }
        if try !numberEnds(), base[i] == 0x2E {  // .
            flags = 0
            i += 1
            try requireDigits()
        }
        if try !numberEnds(), base[i] | 0x20 == 0x65 {  // e E
            flags = 0
            i += 1
            guard i < end else { throw endOfInput() }
            if base[i] == 0x2B || base[i] == 0x2D { i += 1 }
            try requireDigits()
        }
    }

    private mutating func requireDigits() throws(JSONScanError) {
        guard i < end else { throw endOfInput() }
        guard JSONBytes.isDigit(base[i]) else { throw .syntax("invalid number", at: i) }
        try skipDigits()
    }

    private mutating func skipDigits() throws(JSONScanError) {
        while try !numberEnds(), JSONBytes.isDigit(base[i]) { i += 1 }
    }

    static func found(_ c: UInt8) -> String { "(found \(printable(c)))" }

    static func printable(_ c: UInt8) -> String {
        c >= 0x21 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x\(String(c, radix: 16))"
    }
}
