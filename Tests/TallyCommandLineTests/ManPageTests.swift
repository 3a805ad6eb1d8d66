import ArgumentParser
import Foundation
import Testing
import TallyKit
@testable import tally

/// docs/man/tally.1 (`make man`): clean under `man --warnings`, examples pasteable, the
/// sections a sysadmin looks for, and in step with the options and exit statuses.
@Suite struct ManPageTests {
    static let page = ExampleLines.packageRoot.appendingPathComponent("docs/man/tally.1").path
    static let source = (try? String(contentsOfFile: page, encoding: .utf8)) ?? ""
    static let man = ["/usr/bin/man", "/bin/man"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs `man` on the page; returns standard output and standard error.
    static func render(_ arguments: [String], width: Int = 80) throws -> (out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(man))
        process.arguments = arguments + ["-l", page]
        process.environment = ["PATH": "/usr/bin:/bin", "MANWIDTH": "\(width)", "LANG": "C.UTF-8", "MANPAGER": "cat", "PAGER": "cat"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test(.enabled(if: man != nil, "man is not installed"))
    func cleanUnderManWarnings() throws {
        let (_, warnings) = try Self.render(["--warnings"])
        #expect(warnings.isEmpty, "man --warnings -l docs/man/tally.1:\n\(warnings)")
    }

    /// Every example of the help is one line of the rendered page, as written: not re-wrapped, not hyphenated.
    @Test(.enabled(if: man != nil, "man is not installed"))
    func examplesPasteAsWritten() throws {
        let lines = Set(try Self.render([]).out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let examples = HelpExampleTests.examples.map(\.line).filter { !$0.contains("  ") }
        #expect(examples.count >= 10)
        for example in examples {
            #expect(lines.contains(example), "not one line in the man page: \(example)")
        }
        #expect(!lines.contains { $0.hasSuffix("‐") }, "a word is hyphenated at a line end")
    }

    @Test func hasTheSectionsASysadminLooksFor() {
        for section in ["ENVIRONMENT", "FILES", "EXIT STATUS", "SEE ALSO"] {
            #expect(Self.source.contains(".Sh \(section)\n"), "no \(section) section")
        }
        let environment = Self.source.components(separatedBy: ".Sh ENVIRONMENT\n").last?.components(separatedBy: "\n.Sh ").first ?? ""
        for variable in ["TALLY_CONFIG", "NO_COLOR", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSWORD", "PGSERVICE", "PGSSLMODE"] {
            #expect(environment.contains(" \(variable)"), "ENVIRONMENT does not name \(variable)")
        }
        #expect(Self.source.contains("/usr/local/share/doc/tally"), "the page does not say where the docs are installed")
        for key in TallyConfig.keys {
            #expect(Self.source.contains(".It Ic \(key)\n"), "config key '\(key)' missing")
        }
    }

    /// The exit statuses tally has are the ones the man page, the help and README list.
    @Test func everyExitStatusIsDocumented() throws {
        let readme = try String(contentsOfFile: ExampleLines.packageRoot.appendingPathComponent("README.md").path, encoding: .utf8)
        for status in ExitStatus.allCases {
            #expect(Self.source.contains(".It \(status.rawValue)\n"), "man page: no exit status \(status.rawValue)")
            #expect(ExitCodesHelp.text.contains("\n  \(status.rawValue) "), "--help: no exit status \(status.rawValue)")
            #expect(readme.contains("| \(status.rawValue) |") || readme.contains(" \(status.rawValue) |")
                || readme.contains("| \(status.rawValue),"), "README: no exit status \(status.rawValue)")
        }
    }

    /// `make man` was run after the last change to the options: every option of every help is in the page.
    @Test func everyOptionIsInThePage() {
        for (path, type) in ExampleLines.commands() where path != ["help"] {
            let help = Tally.helpMessage(for: type, columns: 1 << 20)
            for match in help.matches(of: #/\n  (--[a-z][a-z-]*)/#) {
                let option = String(match.1)
                #expect(Self.source.contains("Fl -\(option.dropFirst(2))"), "'tally \(path.joined(separator: " ")) \(option)' is not in the man page: run 'make man'")
            }
        }
    }
}
