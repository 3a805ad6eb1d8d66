import Foundation
import Testing

/// The output folders of `report` and `stats --all-users`: one hidden lock beside each, removed
/// when the run ends; the folder replaced whole; a refused `--out` refused before anything is made.
@Suite struct OutputFolderEndToEndTests {
    let dir = TempDir()

    /// The two commands that write a folder, as arguments writing `out` from `history`.
    static func arguments(_ command: String, _ history: String, out: String) -> [String] {
        command == "report" ? reportArguments([history], out: out) : ["stats", history, "--all-users", "--out", out]
    }

    @Test(arguments: ["report", "stats"])
    func theLockIsHiddenBesideTheFolderAndRemovedWhenTheRunEnds(command: String) throws {
        let history = try dir.sample("sample", jobs: 100, formats: [.sqlite]) + "/history.sqlite"
        let parent = dir("parent")
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let flag = dir("paused")
        let child = try Child(Self.arguments(command, history, out: parent + "/out"), environment: ["TALLY_TEST_PAUSE_AFTER_SCAN": flag])
        try waitUntil("the run to pause") { exists(flag) }
        #expect(entries(parent).contains(".out.tally-lock"), "\(entries(parent))")
        #expect(text(parent + "/.out.tally-lock") == "\(child.pid)\n")
        unlink(flag)
        #expect(child.wait().status == 0)
        #expect(entries(parent) == ["out"], "left beside the folder: \(entries(parent))")
    }

    /// `stats --all-users` takes the report's lock (`FaultEndToEndTests` has the report's case).
    @Test func aSecondStatsRunOnTheSameOutRefusesWithTheHoldersPid() throws {
        let history = try dir.sample("sample", jobs: 100, formats: [.sqlite]) + "/history.sqlite"
        let out = dir("out")
        let flag = dir("paused")
        let first = try Child(Self.arguments("stats", history, out: out), environment: ["TALLY_TEST_PAUSE_AFTER_SCAN": flag])
        try waitUntil("the first run to pause") { exists(flag) }
        let second = try Tally.run(Self.arguments("stats", history, out: out))
        expectFatal(second, 73, mentions: ["pid \(first.pid)"])
        unlink(flag)
        #expect(first.wait().status == 0)
        #expect(entries(dir.path).filter { $0.hasPrefix(".") }.isEmpty, "left behind: \(entries(dir.path))")
    }

    /// A lock file a killed run left (unlocked: the kernel released it) does not stop the next run.
    @Test func aLockFileLeftByAKilledRunIsTakenOver() throws {
        let history = try dir.sample("sample", jobs: 100, formats: [.sqlite]) + "/history.sqlite"
        _ = dir.write(".out.tally-lock", "424242\n")
        _ = try runReport([history], out: dir("out"))
        #expect(!exists(dir(".out.tally-lock")))
    }

    /// Rerunning with fewer users leaves no stale per-user files beside a smaller index.json.
    @Test func statsAllUsersHoldsExactlyTheCurrentUsers() throws {
        let five = try dir.sample("five", jobs: 100, users: 5, formats: [.sqlite]) + "/history.sqlite"
        let three = try dir.sample("three", jobs: 100, users: 3, formats: [.sqlite]) + "/history.sqlite"
        let out = dir("stats")
        #expect(try Tally.run(["stats", five, "--all-users", "--out", out]).status == 0)
        #expect(entries(out).filter { $0.hasSuffix(".json") }.count == 6)
        #expect(try Tally.run(["stats", three, "--all-users", "--out", out]).status == 0)
        let names = entries(out)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/index.json"))) as? [String: Any]
        let index = try #require(object?["users"] as? [[String: Any]])
        #expect(Set(names) == Set(index.compactMap { $0["file"] as? String } + ["index.json", ".tally-report"]), "\(names)")
        #expect(index.count == 3)
    }

    /// A folder an earlier tally wrote with `--all-users` (no marker: `index.json` and `.json` files) is still replaced.
    @Test func anEarlierTallysStatsFolderIsReplaced() throws {
        let history = try dir.sample("sample", jobs: 100, users: 3, formats: [.sqlite]) + "/history.sqlite"
        let out = dir("stats")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        _ = dir.write("stats/index.json", "[]\n")
        _ = dir.write("stats/user-00000000000000aa.json", "{}\n")
        #expect(try Tally.run(["stats", history, "--all-users", "--out", out]).status == 0)
        #expect(!entries(out).contains("user-00000000000000aa.json") && entries(out).contains(".tally-report"))
    }

    /// What `--out` may not be; each is refused with nothing created: no lock, no staging, no folder.
    enum Refused: String, CaseIterable {
        case foreignFolder, regularFile, deviceFile, emptyString, currentFolder
    }

    @Test(arguments: Refused.allCases, ["report", "stats"])
    func aRefusedOutCreatesNothing(refused: Refused, command: String) throws {
        let history = try dir.sample("sample", jobs: 50, formats: [.sqlite]) + "/history.sqlite"
        let work = dir("work")
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let out: String
        let status: Int32
        switch refused {
        case .foreignFolder:
            try FileManager.default.createDirectory(atPath: work + "/mine", withIntermediateDirectories: true)
            _ = dir.write("work/mine/thesis.tex", "precious")
            (out, status) = ("mine", 73)
        case .regularFile:
            _ = dir.write("work/afile", "I am a file\n")
            (out, status) = ("afile", 73)
        case .deviceFile: (out, status) = ("/dev/null", 73)
        case .emptyString: (out, status) = ("", 64)
        case .currentFolder: (out, status) = (".", 64)
        }
        let before = entries(work)
        // Lock files a run could make beside /dev/null, by modification time (another run may have left one).
        let besideDevNull = ["/dev/null.lock", "/dev/.null.tally-lock"]
        func modified(_ path: String) -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        }
        let devBefore = besideDevNull.map(modified)
        let result = try Tally.run(Self.arguments(command, history, out: out), directory: work)
        expectFatal(result, status)
        #expect(entries(work) == before, "created: \(Set(entries(work)).subtracting(before))")
        #expect(besideDevNull.map(modified) == devBefore, "a lock file was made beside /dev/null")
        #expect(text(work + "/mine/thesis.tex") == (refused == .foreignFolder ? "precious" : ""))
    }
}
