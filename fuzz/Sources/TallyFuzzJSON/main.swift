import Foundation
@testable import TallyKit

/// Counts what a read delivers; never stops it.
struct CountingVisitor: RecordVisitor {
    var records = 0
    var skipped = 0
    mutating func visit(_ record: HistoryRecord, at location: RecordLocation) throws { records += 1 }
    mutating func skip(_ skipped: SkippedRecord) throws { self.skipped += 1 }
}

/// The input goes to a file (the reader works on files), named per process.
let scratch = (ProcessInfo.processInfo.environment["TALLY_FUZZ_DIR"] ?? "/dev/shm") + "/tally-fuzz-\(getpid()).json"

/// Reads one input as a JSON history whole and in two shards; errors are fine, crashes are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard FileManager.default.createFile(atPath: scratch, contents: bytes) else { return 0 }
    let source = JSONSource(path: scratch, name: "fuzz.json")
    var whole = CountingVisitor()
    let wholeOK = (try? source.read(ReadOptions(), into: &whole)) != nil
    if wholeOK, let shards = try? source.shards(2) {
        var parts = CountingVisitor()
        var partsOK = true
        for shard in shards where (try? shard.read(ReadOptions(), into: &parts)) == nil { partsOK = false }
        // Shards must read exactly the records the whole read does.
        if partsOK && (parts.records + parts.skipped) != (whole.records + whole.skipped) {
            fatalError("shards read \(parts.records)+\(parts.skipped), whole read \(whole.records)+\(whole.skipped)")
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
