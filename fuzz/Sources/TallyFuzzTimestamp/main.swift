@testable import TallyKit

/// Parses one input as a timestamp; a parsed value must format and re-parse to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimestamp(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parsed = TimestampParser.parse(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let parsed, let again = TimestampParser.parse(parsed.isoString), again != parsed {
        fatalError("\(text.debugDescription) -> \(parsed.isoString) -> \(again.isoString)")
    }
    _ = TimestampParser.parse(text)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// The entry point SwiftPM links as `main` (built with -parse-as-library): hands over to libFuzzer.
@_cdecl("TallyFuzzTimestamp_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return runDriver(&count, &vector) { fuzzTimestamp($0, $1) }
}
