import Foundation
import Testing

/// Golden files beside the tests: compared byte for byte, re-recorded with `TALLY_RECORD_GOLDEN=1`.
///
/// Recording never passes silently: a file that changed is written and the test fails with
/// the diff, so a recording run shows what it changed and cannot be mistaken for a green run.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Checks `bytes` against `Golden/<name>`; when recording, writes it and fails if it changed.
    static func check(_ bytes: [UInt8], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        let expected = FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
        if ProcessInfo.processInfo.environment["TALLY_RECORD_GOLDEN"] == "1" {
            guard expected != bytes else { return }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            Issue.record("recorded golden file \(name) (it changed):\n\(diff(expected ?? [], bytes))", sourceLocation: sourceLocation)
            return
        }
        let golden = try #require(expected, "missing golden file \(name); record with TALLY_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
        if golden != bytes {
            Issue.record("output differs from golden file \(name):\n\(diff(golden, bytes))", sourceLocation: sourceLocation)
        }
    }

    /// The lines around the first difference, `-` golden and `+` actual, and the line counts.
    static func diff(_ golden: [UInt8], _ actual: [UInt8]) -> String {
        let old = String(decoding: golden, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let new = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        let from = max(0, first - 2)
        var lines = ["@@ line \(first + 1) (golden \(old.count) lines, actual \(new.count)) @@"]
        lines += old[from..<min(old.count, first + 4)].map { "- \($0)" }
        lines += new[from..<min(new.count, first + 4)].map { "+ \($0)" }
        return lines.joined(separator: "\n")
    }
}
