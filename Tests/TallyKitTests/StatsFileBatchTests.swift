import Foundation
import Testing
@testable import TallyKit

/// `--all-users` files: written whole, unchanged ones left in place, changed ones replaced.
@Suite struct StatsFileBatchTests {
    private static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    @Test func rewritesOnlyChangedFilesAndLeavesNoTemporaries() throws {
        let directory = NSTemporaryDirectory() + "tally-batch-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = [RenderedFile(name: "a.json", bytes: Array("{}\n".utf8)), RenderedFile(name: "b.json", bytes: Array("[1]\n".utf8))]
        try StatsFileBatch.write(first, into: directory, mode: 0o644)
        let (a, b) = (try #require(Self.inode(directory + "/a.json")), try #require(Self.inode(directory + "/b.json")))

        let second = [RenderedFile(name: "a.json", bytes: Array("{}\n".utf8)), RenderedFile(name: "b.json", bytes: Array("[2]\n".utf8))]
        try StatsFileBatch.write(second, into: directory, mode: 0o644)
        #expect(Self.inode(directory + "/a.json") == a)
        #expect(Self.inode(directory + "/b.json") != b)
        #expect(try String(contentsOfFile: directory + "/b.json", encoding: .utf8) == "[2]\n")

        try StatsFileBatch.write(second, into: directory, mode: 0o600)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/a.json")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["a.json", "b.json"])
    }
}
