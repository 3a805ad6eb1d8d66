import CJSONIndex
import Testing
@testable import TallyKit

/// The indexed scanner must agree with the byte-by-byte one on every input: same end, members and errors.
@Suite struct JSONIndexedScannerTests {
    static let seeds: [String] = [
        #"{"id": "7c7da016-3699-45bd-adc4-0751dd97fa7e", "user_id": null, "total_documents": 1, "failed_count": -0, "x": 1.5e-3, "config": "{\"model_name\": \"openai/gpt-4o-mini\", \"num_pages\": 1}", "ok": true, "no": false, "d": [], "e": {}}"#,
        #"{"id":"a","config":{"model_name": "m", "num": [1, 2, {"a": [[]]}]},"error_message":"line\nbreak \\ \/ \u00e9 \ud83d\ude00","created_at":"2026-08-13 11:12:50+00"}"#,
        #"[{"a": 1}, 2, "three", [4, [5]], {"b": {"c": null}}, true, false, null, -0.5E+7]"#,
        #"{"documents": [{"id": "d1", "file_size": 12}, {"id": "d2"}], "k\"ey": "v\\", "\u0041": 0}"#,
        "{ \"a\" :\t1 ,\r\n \"b\" : [ ] , \"c\":{ } }",
        #"{"a":"","b":"\"","c":"\\\\","d":"\\\"","e":12345678901234567890,"f":0.0}"#,
    ]

    /// The outcome of one scan, comparable.
    enum Outcome: Equatable {
        case value(end: Int, members: [[Int]])
        case needMore
        case syntax(String, Int)
    }

    static func outcome(_ bytes: [UInt8], hardEnd: Bool, indexed: Bool, scratch: JSONScanScratch) -> Outcome {
        bytes.withUnsafeBufferPointer { buffer -> Outcome in
            let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
            let stack = UnsafeMutablePointer<UInt8>.allocate(capacity: JSONScanner.maxDepth)
            defer { stack.deallocate() }
            var scanner = JSONScanner(base: base, start: 0, end: buffer.count, hardEnd: hardEnd)
            var members: [JSONMember] = []
            do throws(JSONScanError) {
                if indexed {
                    members = Array(try scratch.scan(&scanner, collect: true, stack: stack))
                } else {
                    try scanner.scanValue(collect: true, into: &members, stack: stack)
                }
                return .value(end: scanner.i, members: members.map {
                    [$0.keyStart, $0.keyEnd, $0.keyEscaped ? 1 : 0, $0.valueStart, $0.valueEnd, Int($0.flags)]
                })
            } catch {
                switch error {
                case .needMore: return .needMore
                case .syntax(let message, let at): return .syntax(message, at)
                }
            }
        }
    }

    /// What the C scan at `level` makes of `bytes` when it takes them (nil: it declined).
    static func fastOutcome(_ bytes: [UInt8], level: Int32) -> Outcome? {
        bytes.withUnsafeBufferPointer { buffer -> Outcome? in
            guard let base = buffer.baseAddress else { return nil }
            let stack = UnsafeMutablePointer<UInt8>.allocate(capacity: JSONScanner.maxDepth)
            defer { stack.deallocate() }
            let members = UnsafeMutablePointer<JSONMember>.allocate(capacity: 256)
            defer { members.deallocate() }
            var count = 0
            let end = tally_json_scan_level(
                level, base, 0, buffer.count, buffer.count, 1, stack, JSONScanner.maxDepth, members, 256, &count)
            guard end >= 0 else { return nil }
            return .value(end: end, members: UnsafeBufferPointer(start: members, count: count).map {
                [$0.keyStart, $0.keyEnd, $0.keyEscaped ? 1 : 0, $0.valueStart, $0.valueEnd, Int($0.flags)]
            })
        }
    }

    static let levels: [Int32] = [TALLY_JSON_LEVEL_PORTABLE, TALLY_JSON_LEVEL_SSE2, TALLY_JSON_LEVEL_AVX2]

    @Test func seedsTakeTheFastPathAndAgree() {
        let scratch = JSONScanScratch()
        for seed in Self.seeds where seed.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = Array(seed.utf8)
            let fast = bytes.withUnsafeBufferPointer { buffer -> Int in
                let members = UnsafeMutablePointer<JSONMember>.allocate(capacity: 64)
                defer { members.deallocate() }
                let stack = UnsafeMutablePointer<UInt8>.allocate(capacity: JSONScanner.maxDepth)
                defer { stack.deallocate() }
                var count = 0
                return tally_json_scan(buffer.baseAddress!, 0, buffer.count, buffer.count, 1, stack, JSONScanner.maxDepth,
                                       members, 64, &count)
            }
            #expect(fast == bytes.count, "fast path refused: \(seed)")
            for level in Self.levels {
                #expect(Self.fastOutcome(bytes, level: level) == Self.outcome(bytes, hardEnd: true, indexed: false, scratch: scratch))
            }
            #expect(Self.outcome(bytes, hardEnd: true, indexed: true, scratch: scratch)
                    == Self.outcome(bytes, hardEnd: true, indexed: false, scratch: scratch))
        }
    }

    @Test func longValuesSpanManyBlocks() {
        let scratch = JSONScanScratch(capacity: 1)
        let long = String(repeating: "ab\\\"c", count: 3000)
        let text = #"{"a": ""# + long + #"", "b": [1, 2, 3], "c": {"d": ""# + long + #""}}"#
        let bytes = Array(text.utf8)
        #expect(Self.outcome(bytes, hardEnd: true, indexed: true, scratch: scratch)
                == Self.outcome(bytes, hardEnd: true, indexed: false, scratch: scratch))
        for cut in [1, 63, 64, 65, 4095, 4096, 4097, 8191, bytes.count - 1] {
            let prefix = Array(bytes[..<cut])
            for hardEnd in [true, false] {
                #expect(Self.outcome(prefix, hardEnd: hardEnd, indexed: true, scratch: scratch)
                        == Self.outcome(prefix, hardEnd: hardEnd, indexed: false, scratch: scratch))
            }
        }
    }

    /// Random edits of the seeds (a fixed seed, so failures repeat): both scanners agree on every one.
    @Test func mutationsAgree() {
        var rng = SplitMix(seed: 17)
        let scratch = JSONScanScratch(capacity: 1)
        let alphabet = Array("\"\\{}[]:, \t\n\r0123456789-+.eEtrufalsn/bx".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xA9, 0xFF]
        var checked = 0
        var taken = 0
        for _ in 0..<40_000 {
            var bytes = Array(Self.seeds[Int(rng.next() % UInt64(Self.seeds.count))].utf8)
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                let at = Int(rng.next() % UInt64(bytes.count + 1))
                let byte = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                switch rng.next() % 4 {
                case 0 where at < bytes.count: bytes[at] = byte
                case 1: bytes.insert(byte, at: at)
                case 2 where at < bytes.count: bytes.remove(at: at)
                default: bytes = Array(bytes[..<at])
                }
            }
            for hardEnd in [true, false] {
                let fast = Self.outcome(bytes, hardEnd: hardEnd, indexed: true, scratch: scratch)
                let slow = Self.outcome(bytes, hardEnd: hardEnd, indexed: false, scratch: scratch)
                #expect(fast == slow, "\(String(decoding: bytes, as: UTF8.self))")
                checked += 1
            }
            // Every instruction set's stage one, where the C scan takes the input, agrees with the byte-by-byte scan.
            let slow = Self.outcome(bytes, hardEnd: true, indexed: false, scratch: scratch)
            for level in Self.levels {
                if let fast = Self.fastOutcome(bytes, level: level) {
                    #expect(fast == slow, "level \(level): \(String(decoding: bytes, as: UTF8.self))")
                    taken += 1
                }
            }
        }
        #expect(checked == 80_000)
        #expect(taken > 10_000, "the C scan took only \(taken) of the edited inputs")
    }
}

/// A small deterministic generator (SplitMix64) for reproducible test inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
