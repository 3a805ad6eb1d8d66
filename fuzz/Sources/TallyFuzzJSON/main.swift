import Foundation
@testable import TallyKit

/// Keeps what a read delivers (records and skip notes, in order); never stops it.
struct RecordingVisitor: RecordVisitor {
    var records: [HistoryRecord] = []
    var skipped: [String] = []
    mutating func visit(_ record: HistoryRecord, at location: RecordLocation) throws { records.append(record) }
    mutating func skip(_ skipped: SkippedRecord) throws { self.skipped.append(skipped.description) }
}

/// The input goes to a file (the reader works on files), named per process.
let scratch = (ProcessInfo.processInfo.environment["TALLY_FUZZ_DIR"] ?? "/dev/shm") + "/tally-fuzz-\(getpid()).json"

/// Scans `bytes` with the byte-by-byte scanner and with the indexed one: they must agree exactly.
func compareScanners(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress else { return }
    let stack = UnsafeMutablePointer<UInt8>.allocate(capacity: JSONScanner.maxDepth)
    defer { stack.deallocate() }
    let scratch = JSONScanScratch(capacity: 1)
    for hardEnd in [true, false] {
        var slow = JSONScanner(base: base, start: 0, end: bytes.count, hardEnd: hardEnd)
        var members: [JSONMember] = []
        let slowOutcome: String
        do throws(JSONScanError) {
            try slow.scanValue(collect: true, into: &members, stack: stack)
            slowOutcome = "value \(slow.i) \(members.map { [$0.keyStart, $0.keyEnd, $0.valueStart, $0.valueEnd, Int($0.flags)] })"
        } catch {
            slowOutcome = "\(error)"
        }
        var fast = JSONScanner(base: base, start: 0, end: bytes.count, hardEnd: hardEnd)
        let fastOutcome: String
        do throws(JSONScanError) {
            let found = try scratch.scan(&fast, collect: true, stack: stack)
            fastOutcome = "value \(fast.i) \(found.map { [$0.keyStart, $0.keyEnd, $0.valueStart, $0.valueEnd, Int($0.flags)] })"
        } catch {
            fastOutcome = "\(error)"
        }
        if slowOutcome != fastOutcome { fatalError("scanners disagree: \(slowOutcome) vs \(fastOutcome)") }
    }
}

/// Reads one input as a JSON history whole and in shards; errors are fine, crashes are not,
/// and a split read must deliver exactly what one pass does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    compareScanners(UnsafeBufferPointer(start: data, count: size))
    let bytes = Data(bytes: data, count: size)
    guard FileManager.default.createFile(atPath: scratch, contents: bytes) else { return 0 }
    let source = JSONSource(path: scratch, name: "fuzz.json")
    var whole = RecordingVisitor()
    let wholeOK = (try? source.read(ReadOptions(), into: &whole)) != nil
    for count in [2, 3] {
        guard wholeOK, let shards = try? source.shards(count, minimumBytes: 0) else { continue }
        var parts = RecordingVisitor()
        var partsOK = true
        for shard in shards where (try? shard.read(ReadOptions(), into: &parts)) == nil { partsOK = false }
        if !partsOK { fatalError("one pass read the input, \(count) shards failed") }
        if parts.records != whole.records || parts.skipped != whole.skipped {
            fatalError("\(count) shards read \(parts.records.count)+\(parts.skipped.count), one pass \(whole.records.count)+\(whole.skipped.count)")
        }
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// The entry point SwiftPM links as `main` (built with -parse-as-library): hands over to libFuzzer.
@_cdecl("TallyFuzzJSON_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return runDriver(&count, &vector) { fuzzJSON($0, $1) }
}
