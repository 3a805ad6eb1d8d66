import Foundation
import Testing

@testable import TallyKit

/// What `--out` may name, where its lock and staging directory go, and the swap of a staged folder.
@Suite struct OutputTargetTests {
    @Test(arguments: [
        ("o", ".", "o", "./.o.tally-lock"), ("reports/2026-11/", "reports", "2026-11", "reports/.2026-11.tally-lock"),
        ("/srv/stats//", "/srv", "stats", "/srv/.stats.tally-lock"), ("/top", "/", "top", "/.top.tally-lock"),
    ])
    func namesItsParentAndLock(path: String, parent: String, name: String, lock: String) throws {
        let target = try OutputTarget(path)
        #expect(target.parent == parent && target.name == name && target.lockPath == lock)
        #expect(target.stagingPath(pid: 12).hasSuffix("/." + name + ".tmp-12"))
    }

    @Test(arguments: ["", "/", ".", "..", "a/..", "./"])
    func pathsWithoutAFolderNameOfTheirOwnAreUsageErrors(path: String) {
        let error = #expect(throws: TallyError.self) { try OutputTarget(path) }
        #expect(error?.exitStatus == .usage)
    }

    @Test func aFileOrAForeignFolderIsRefusedAndTallysOwnAccepted() throws {
        let parent = try ReportStagingTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        _ = FileManager.default.createFile(atPath: parent + "/file", contents: Data("x".utf8))
        try FileManager.default.createDirectory(atPath: parent + "/foreign", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: parent + "/foreign/a.json", contents: Data())
        try FileManager.default.createDirectory(atPath: parent + "/empty", withIntermediateDirectories: true)
        for refused in ["file", "foreign"] {
            #expect(throws: TallyError.self) { try OutputTarget(parent + "/" + refused) }
        }
        _ = try OutputTarget(parent + "/empty")
        _ = try OutputTarget(parent + "/missing")
        _ = try OutputTarget(parent + "/foreign", recognises: { $0 == ["a.json"] })
        _ = FileManager.default.createFile(atPath: parent + "/foreign/" + ReportDirectory.marker, contents: Data())
        _ = try OutputTarget(parent + "/foreign")
    }

    @Test func commitSwapsTheWholeFolderAndACancelledOneKeepsThePrevious() throws {
        let parent = try ReportStagingTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let target = try OutputTarget(parent + "/out")
        let first = try ReportDirectory(target: target)
        try first.write(Array("old".utf8), to: "stale.txt")
        try first.write(Array("old".utf8), to: "stats/index.json")
        try first.commit(cancellation: Cancellation())
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == ["out"])

        let cancelled = Cancellation()
        cancelled.cancel(signal: SIGTERM)
        let second = try ReportDirectory(target: target)
        try second.write(Array("new".utf8), to: "stats/index.json")
        #expect(throws: Interrupted(signal: SIGTERM)) { try second.commit(cancellation: cancelled) }
        second.discard()
        #expect(ReportStagingTests.bytes(parent + "/out/stale.txt") == Array("old".utf8))

        let third = try ReportDirectory(target: target)
        try third.write(Array("new".utf8), to: "stats/index.json")
        try third.commit(cancellation: Cancellation())
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/out").sorted() == [ReportDirectory.marker, "stats"])
        #expect(ReportStagingTests.bytes(parent + "/out/stats/index.json") == Array("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).sorted() == ["out"])
    }

    @Test func theLockIsRemovedWhenReleasedAndRefusesASecondHolder() throws {
        let parent = try ReportStagingTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let target = try OutputTarget(parent + "/out")
        try OutputLock.holding(target) {
            #expect(FileManager.default.fileExists(atPath: target.lockPath))
            #expect(throws: TallyError.self) { try OutputLock.holding(target) {} }
        }
        #expect(!FileManager.default.fileExists(atPath: target.lockPath))
        #expect(throws: TallyError.self) { try OutputLock.holding(target) { throw TallyError.usage("body failed") } }
        #expect(!FileManager.default.fileExists(atPath: target.lockPath))
    }

    /// A file the previous output holds with the same bytes and mode is linked, not written again.
    @Test func unchangedFilesOfThePreviousOutputAreLinked() throws {
        let parent = try ReportStagingTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        func inode(_ path: String) -> UInt64 {
            var info = stat()
            return stat(path, &info) == 0 ? UInt64(info.st_ino) : 0
        }
        let target = try OutputTarget(parent + "/out")
        let first = try ReportDirectory(target: target)
        for name in ["same.json", "changed.json", "stats/same.json"] { try first.write(Array("v1".utf8), to: name) }
        try first.commit(cancellation: Cancellation())
        let before = ["same.json", "changed.json", "stats/same.json"].map { inode(parent + "/out/" + $0) }

        let second = try ReportDirectory(target: target)
        try second.write(Array("v1".utf8), to: "same.json")
        try second.write(Array("v2".utf8), to: "changed.json")
        try second.write(Array("v1".utf8), to: "stats/same.json")
        #expect(inode(second.stagingPath("same.json")) == before[0])
        #expect(inode(second.stagingPath("changed.json")) != before[1])
        #expect(inode(second.stagingPath("stats/same.json")) == before[2])
        try second.commit(cancellation: Cancellation())
        #expect(ReportStagingTests.bytes(parent + "/out/changed.json") == Array("v2".utf8))
        #expect(ReportStagingTests.bytes(parent + "/out/same.json") == Array("v1".utf8))

        let private600 = try ReportDirectory(target: target, fileMode: 0o600)
        try private600.write(Array("v1".utf8), to: "same.json")
        #expect(inode(private600.stagingPath("same.json")) != before[0], "another mode is a new file")
        #expect(ReportStagingTests.mode(private600.stagingPath("same.json")) == 0o600)
        private600.discard()
    }
}
