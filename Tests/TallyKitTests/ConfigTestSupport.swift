import Foundation
@testable import TallyKit

/// Config fixtures: YAML text parsed as if it were `/etc/tally/tally.yaml`, or written to a temp dir.
enum ConfigFixture {
    /// The directory fixtures pretend their config file is in.
    static let directory = "/etc/tally"

    /// Parses YAML lines as `tally.yaml` in `directory`.
    static func parse(_ lines: String...) throws(FileProblems) -> TallyConfig {
        try ConfigLoader.parse(lines.joined(separator: "\n") + "\n", file: "tally.yaml", directory: directory)
    }

    /// The problems parsing these lines fails with (`nil` when they parse).
    static func error(_ lines: [String]) -> FileProblems? {
        do {
            _ = try ConfigLoader.parse(lines.joined(separator: "\n") + "\n", file: "tally.yaml", directory: directory)
            return nil
        } catch {
            return error
        }
    }

    /// Writes `text` to `name` in a fresh temp directory; returns the file's path.
    static func write(_ text: String, name: String = "tally.yaml", subdirectory: String = "") throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("tally-config-\(UUID().uuidString)").appendingPathComponent(subdirectory)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// 2026-12-01T00:30:00Z: the first of a month in UTC, still November in New York.
    static let firstOfDecember = Instant(seconds: 1_796_085_000)
}
