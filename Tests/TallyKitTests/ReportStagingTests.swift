import Foundation
import Logging
import Synchronization
import Testing

@testable import TallyKit

/// Writing a report's files: joining the `jobs.csv` spools, the parallel staging and
/// rendering, and the log lines that list what was written.
@Suite struct ReportStagingTests {
    /// A fresh empty directory under the temporary folder.
    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "tally-staging-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func job(_ n: Int) -> JobRecord {
        JobRecord(id: "job-\(n)", userID: "u\(n % 3)", jobType: "ocr", status: "completed", createdAt: Instant(seconds: Int64(n)))
    }

    static func bytes(_ path: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: path) ?? Data())
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o777
    }

    /// Spools with `rows[k]` jobs each, made in order by one factory.
    static func spools(_ rows: [Int], in directory: String, bom: Bool) -> (SpoolFactory, [JobsSpool]) {
        let factory = SpoolFactory(directory: directory, bom: bom)
        var next = 0
        let spools = rows.map { count -> JobsSpool in
            var spool = factory.make()!
            for _ in 0..<count { spool.add(job(next)); next += 1 }
            return spool
        }
        return (factory, spools)
    }

    @Test(arguments: [[0, 3, 0, 5], [4, 0, 2], [0, 0], [7], [0, 30_000, 1]], [false, true])
    func joinedSpoolsAreTheHeaderThenEveryRowInOrder(rows: [Int], bom: Bool) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (factory, spools) = Self.spools(rows, in: directory, bom: bom)
        let writer = JobsCSVWriter(bom: bom)
        var expected = Array(writer.header.utf8)
        for n in 0..<rows.reduce(0, +) { writer.append(Self.job(n), to: &expected) }

        try factory.concatenate(spools, into: directory + "/jobs.csv", mode: 0o600, cancellation: Cancellation())
        #expect(Self.bytes(directory + "/jobs.csv") == expected)
        #expect(Self.mode(directory + "/jobs.csv") == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["jobs.csv"], "every spool is removed")
    }

    /// The scan's first pass is thrown away when ids repeat: its spools never reach `jobs.csv`,
    /// whether the scan says so (`removeAll`) or the join finds them unjoined.
    @Test(arguments: [true, false])
    func spoolsOfAThrownAwayPassAreRemovedAndNeverJoined(toldByTheScan: Bool) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let factory = SpoolFactory(directory: directory, bom: false)
        var firstPass = [factory.make()!, factory.make()!]
        for k in firstPass.indices { firstPass[k].add(Self.job(90 + k)) }
        firstPass[0].flush()
        if toldByTheScan {
            factory.removeAll()
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        }
        var finalPass = factory.make()!
        finalPass.add(Self.job(1))
        try factory.concatenate([finalPass], into: directory + "/jobs.csv", mode: 0o644, cancellation: Cancellation())
        let writer = JobsCSVWriter(bom: false)
        var expected = Array(writer.header.utf8)
        writer.append(Self.job(1), to: &expected)
        #expect(Self.bytes(directory + "/jobs.csv") == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["jobs.csv"])
    }

    @Test func appendingByCopyGivesTheSameBytesAsTheKernel() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(FileManager.default.createFile(atPath: directory + "/in", contents: Data(source)))
        let input = open(directory + "/in", O_RDONLY)
        defer { close(input) }
        for (name, append) in [("kernel", FileAppend.append), ("copy", FileAppend.copy)] {
            let output = open(directory + "/" + name, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            #expect(Descriptor.writeAll(output, [1, 2, 3], count: 2) == nil)
            #expect(append(input, 1000, source.count - 7, output) == nil)
            close(output)
            #expect(Self.bytes(directory + "/" + name) == [1, 2] + source[1000..<(source.count - 7)], "\(name)")
        }
    }

    @Test func runsAlternateBetweenFoldersAndKeepEachFoldersOrder() {
        let names = ["a.html", "b.csv"] + (0..<300).map { "invoices/\($0).html" } + (0..<200).map { "stats/\($0).json" }
        let runs = ReportStaging.interleavedRuns(names)
        #expect(runs.flatMap { $0 }.sorted() == Array(names.indices))
        #expect(runs.allSatisfy { $0.count <= ReportStaging.runLength })
        #expect(runs.allSatisfy { run in Set(run.map { (names[$0] as NSString).deletingLastPathComponent }).count == 1 })
        let folders = runs.map { (names[$0[0]] as NSString).deletingLastPathComponent }
        #expect(folders == ["", "invoices", "stats", "invoices", "stats", "invoices"])
        for folder in ["", "invoices", "stats"] {
            let order = runs.flatMap { $0 }.filter { (names[$0] as NSString).deletingLastPathComponent == folder }
            #expect(order == order.sorted(), "\(folder)")
        }
    }

    @Test func stagingWritesEveryFileAndJoinsJobs() throws {
        let parent = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let directory = try ReportDirectory(target: try OutputTarget(parent + "/out"), fileMode: 0o600)
        let files = (0..<300).map { RenderedFile(name: ($0 % 2 == 0 ? "invoices/" : "stats/") + "\($0)", bytes: Array("file \($0)".utf8)) }
            + [RenderedFile(name: "usage.json", bytes: Array("{}".utf8))]
        let joined = Joined()
        try ReportStaging.write(files, joinJobs: { joined.mark() }, into: directory, width: 3, cancellation: Cancellation())
        #expect(joined.count == 1)
        for file in files {
            #expect(Self.bytes(directory.stagingPath(file.name)) == file.bytes, "\(file.name)")
            #expect(Self.mode(directory.stagingPath(file.name)) == 0o600)
        }
        directory.discard()
    }

    @Test func theFirstFailureSurfacesAfterEveryPiece() throws {
        let parent = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let directory = try ReportDirectory(target: try OutputTarget(parent + "/out"))
        defer { directory.discard() }
        let files = (0..<200).map { RenderedFile(name: "stats/\($0)", bytes: [1]) }
        // Occupy one name the files need: creating it must fail (files are created exclusively).
        try FileManager.default.createDirectory(atPath: directory.stagingPath("stats/10"), withIntermediateDirectories: true)
        #expect(throws: TallyError.self) {
            try ReportStaging.write(files, joinJobs: nil, into: directory, width: 2, cancellation: Cancellation())
        }
        #expect(Self.bytes(directory.stagingPath("stats/199")) == [1], "the next piece still ran")
        #expect(throws: TallyError.self) {
            try ReportStaging.write(
                [], joinJobs: { throw TallyError.cannotWrite(path: "jobs.csv", message: "full") }, into: directory, width: 2,
                cancellation: Cancellation())
        }
    }

    @Test func writtenFilesSummariseEachFolder() {
        let written = WrittenFiles([("usage.html", 10), ("invoices/b.html", 3), ("stats/u.json", 2), ("invoices/a.html", 4), ("jobs.csv", 1)])
        #expect(written.topLevelList == "jobs.csv:1,usage.html:10")
        #expect(written.folders == [
            WrittenFiles.Folder(name: "invoices", files: 2, bytes: 7), WrittenFiles.Folder(name: "stats", files: 1, bytes: 2),
        ])
    }

    @Test func countedFoldersAddToTheListedOnes() {
        let written = WrittenFiles([("invoices/a.html", 4), ("billing.html", 9)], counted: [.init(name: "invoices", files: 1_000_000, bytes: 5_000)])
        #expect(written.topLevelList == "billing.html:9")
        #expect(written.folders == [WrittenFiles.Folder(name: "invoices", files: 1_000_001, bytes: 5_004)])
    }

    @Test(arguments: [Logger.Level.info, .debug])
    func wroteLinesListFoldersAtInfoAndTheirFilesAtDebug(level: Logger.Level) throws {
        let (logger, captured) = ConfigLogTests.logger(LogSettings(level: level, format: .json))
        ReportRun.logWritten([("usage.html", 10), ("invoices/b.html", 3), ("invoices/a.html", 4), ("jobs.csv", 1)], logger: logger)
        let lines = try captured.all.map(ConfigLogTests.parse)
        #expect(lines.allSatisfy { $0["message"] == "wrote" })
        let info = lines.filter { $0["level"] == "info" }
        #expect(info.map { $0["file"] ?? $0["folder"] ?? "" } == ["jobs.csv", "usage.html", "invoices/"])
        #expect(info.last?["files"] == "2" && info.last?["bytes"] == "7")
        let debug = lines.filter { $0["level"] == "debug" }.map { $0["file"] ?? "" }
        #expect(debug == (level == .debug ? ["invoices/a.html", "invoices/b.html"] : []))
    }
}

/// Counts calls from several threads.
private final class Joined: Sendable {
    private let calls = Mutex(0)
    func mark() { calls.withLock { $0 += 1 } }
    var count: Int { calls.withLock { $0 } }
}
