import Foundation
import Testing
@testable import TallyKit

/// Collects what a source delivers.
struct Collector: RecordVisitor {
    var records: [HistoryRecord] = []
    var locations: [RecordLocation] = []
    var skipped: [SkippedRecord] = []

    mutating func visit(_ record: HistoryRecord, at location: RecordLocation) throws {
        records.append(record)
        locations.append(location)
    }

    mutating func skip(_ skipped: SkippedRecord) throws { self.skipped.append(skipped) }

    var jobs: [JobRecord] { records.compactMap { if case .job(let j) = $0 { j } else { nil } } }
    var documents: [DocumentRecord] { records.compactMap { if case .document(let d) = $0 { d } else { nil } } }
    var users: [UserRecord] { records.compactMap { if case .user(let u) = $0 { u } else { nil } } }
}

/// Temporary fixture files for the JSON reader tests.
enum JSONFixture {
    /// Writes `bytes` to a new temporary file and returns its path.
    static func file(_ bytes: [UInt8], suffix: String = ".json") -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-json-tests", isDirectory: true)
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(UUID().uuidString + suffix).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    static func file(_ text: String, suffix: String = ".json") -> String { file(Array(text.utf8), suffix: suffix) }

    /// Reads `text` as a JSON history.
    static func read(_ text: String, options: ReadOptions = ReadOptions()) throws -> Collector {
        try read(bytes: Array(text.utf8), options: options)
    }

    static func read(bytes: [UInt8], options: ReadOptions = ReadOptions()) throws -> Collector {
        try read(path: file(bytes), options: options)
    }

    static func read(path: String, options: ReadOptions = ReadOptions()) throws -> Collector {
        var collector = Collector()
        try JSONSource(path: path, name: "h.json").read(options, into: &collector)
        return collector
    }

    /// The error reading `text` throws, if any.
    static func error(_ text: String) -> TallyError? { error(bytes: Array(text.utf8)) }

    static func error(bytes: [UInt8]) -> TallyError? {
        do {
            _ = try read(bytes: bytes)
            return nil
        } catch let error as TallyError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    /// Gzip-compresses `text` with the system's gzip.
    static func gzip(_ text: String) throws -> [UInt8] {
        let input = file(text, suffix: ".raw")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c -n '\(input)' > '\(input).gz'"]
        try process.run()
        process.waitUntilExit()
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: input + ".gz")))
    }

    /// A job object with the given extra members (raw JSON), e.g. `"status":"failed"`.
    static func job(_ id: String, _ extra: String = "") -> String {
        let tail = extra.isEmpty ? "" : "," + extra
        return #"{"id":"\#(id)","user_id":"u1","status":"completed","created_at":"2026-11-14T16:11:30Z"\#(tail)}"#
    }

    static let created = Instant(microseconds: 1_794_672_690_000_000)
}
