import Foundation
import Testing

/// Golden files beside the tests: compared byte for byte, re-recorded with `TALLY_RECORD_GOLDEN=1`.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Checks `bytes` against `Golden/<name>`, or writes it when recording.
    static func check(_ bytes: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TALLY_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            return
        }
        let expected = try #require(
            FileManager.default.contents(atPath: url.path), "missing golden file \(name); record with TALLY_RECORD_GOLDEN=1",
            sourceLocation: sourceLocation)
        #expect(
            String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
            "output differs from golden file \(name)", sourceLocation: sourceLocation)
    }
}
