import Foundation
import Testing

/// Bad arguments, plans and output paths: exit 64/65/73 with one line, nothing written.
@Suite struct ArgumentEndToEndTests {
    let dir = TempDir()

    func history() -> String { dir.write("jobs.ndjson", ndjson([jobJSON()])) }

    @Test func unknownZone() throws {
        let result = try Tally.run(reportArguments([history()], out: dir("out"), ["--tz", "Mars/Olympus"]))
        expectUsageError(result, mentions: "Mars/Olympus")
        #expect(!exists(dir("out")))
    }

    @Test func periodThatDoesNotParse() throws {
        let result = try Tally.run(["report", history(), "--out", dir("out"), "--period", "2026-13"])
        expectUsageError(result, mentions: "2026-13")
        #expect(!exists(dir("out")))
    }

    @Test func fromAfterTo() throws {
        let result = try Tally.run(["report", history(), "--out", dir("out"), "--from", "2026-11-20", "--to", "2026-11-01"])
        expectUsageError(result, mentions: "--from")
        #expect(!exists(dir("out")))
    }

    @Test func unknownOption() throws {
        let result = try Tally.run(["report", history(), "--out", dir("out"), "--colour", "red"])
        expectUsageError(result, mentions: "--colour")
        #expect(!exists(dir("out")))
    }

    @Test func outputPathIsAFile() throws {
        let out = dir.write("out", "I am a file\n")
        let result = try Tally.run(reportArguments([history()], out: out))
        expectFatal(result, 73, mentions: [out, "not a directory"])
        #expect(text(out) == "I am a file\n")
    }

    @Test func foreignDirectoryIsNeverReplaced() throws {
        let out = dir("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        dir.write("out/thesis.tex", "precious")
        let result = try Tally.run(reportArguments([history()], out: out))
        expectFatal(result, 73, mentions: [out])
        #expect(entries(out) == ["thesis.tex"])
    }

    @Test(.enabled(if: Mounts.permitted, "mounting a tmpfs is not permitted here (needs root)"))
    func readOnlyOutputDirectory() throws {
        let mount = try #require(Mounts.tmpfs(at: dir("ro"), options: "ro,size=1m"))
        defer { mount.unmount() }
        let result = try Tally.run(reportArguments([history()], out: dir("ro/out")))
        expectFatal(result, 73, mentions: ["ro"])
        #expect(entries(dir("ro")).isEmpty)
    }

    @Test(.enabled(if: getuid() != 0, "running as root, where chmod 0555 does not block writes (readOnlyOutputDirectory covers it)"))
    func readOnlyDirectoryWithChmod() throws {
        let parent = dir("locked")
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        chmod(parent, 0o555)
        defer { chmod(parent, 0o755) }
        let result = try Tally.run(reportArguments([history()], out: parent + "/out"))
        expectFatal(result, 73)
    }

    @Test func templatesDirectoryMissingAFileFallsBackWithAWarning() throws {
        let templates = dir("templates")
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        dir.write("templates/usage.md.mustache", "# custom {{period.label}}\n")
        let out = dir("out")
        let (result, _) = try runReport([history()], out: out, ["--templates", templates, "--log-level", "warning"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("usage.html.mustache") && result.stderr.contains("built-in"), "\(result.stderr)")
        #expect(text(out + "/usage.md").hasPrefix("# custom"))
        #expect(text(out + "/usage.html").contains("<!DOCTYPE html>") || text(out + "/usage.html").contains("<html"))
    }

    @Test func planWithATypoIsRefusedBeforeAnyOutput() throws {
        let plan = dir.write("plan.yaml", ReportFlowTests.plan.replacingOccurrences(of: "unit_price", with: "unit_prize"))
        try expectReportFails([history()], in: dir, 65, mentions: ["plan.yaml", "unit_prize"], extra: ["--plan", plan])
    }

    @Test func planWithAnUnknownMetricIsRefused() throws {
        let plan = dir.write("plan.yaml", ReportFlowTests.plan.replacingOccurrences(of: "metric: documents", with: "metric: pages"))
        try expectReportFails([history()], in: dir, 65, mentions: ["plan.yaml", "pages"], extra: ["--plan", plan])
    }

    @Test func missingSourceIsExit66() throws {
        try expectReportFails([dir("nowhere.sqlite")], in: dir, 66, mentions: ["nowhere.sqlite"])
    }
}

/// Checks a usage error: exit 64, the first stderr line (argument-parser adds usage lines) naming `mentions`.
func expectUsageError(_ result: RunResult, mentions: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 64, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.errorLines.first?.contains(mentions) == true, "\(result.stderr)", sourceLocation: sourceLocation)
}

/// Mounting small file systems for the tests that need a read-only or full disk.
enum Mounts {
    /// A mounted file system, unmounted by `unmount()`.
    struct Mounted {
        let path: String
        func unmount() { _ = Mounts.shell("umount", path) }
    }

    /// Whether this process may mount a tmpfs (tried once).
    static let permitted: Bool = {
        let probe = NSTemporaryDirectory() + "tally-e2e-mount-probe-\(getpid())"
        guard let mounted = tmpfs(at: probe, options: "size=64k") else { return false }
        mounted.unmount()
        rmdir(probe)
        return true
    }()

    /// Mounts a tmpfs at `path` (created when missing).
    static func tmpfs(at path: String, options: String) -> Mounted? {
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return shell("mount", "-t", "tmpfs", "-o", options, "tmpfs", path) == 0 ? Mounted(path: path) : nil
    }

    /// Changes the options of a mounted tmpfs.
    static func remount(_ mounted: Mounted, options: String) -> Bool {
        shell("mount", "-o", "remount," + options, mounted.path) == 0
    }

    @discardableResult
    static func shell(_ arguments: String...) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
