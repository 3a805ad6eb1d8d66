import Foundation
import Testing

/// The crontab lines in README.md and docs/*.md name tally by its installed path and parse
/// with the current options (`scripts/cron-check.sh` runs them under cron's environment).
@Suite struct DocumentedCrontabTests {
    /// Every crontab entry of the docs, with the `TALLY_CONFIG=` its file's crontab sets, if any.
    static func entries() throws -> [(file: String, command: String, config: String?)] {
        try ExampleLines.documentationFiles().flatMap { file in
            let lines = try ExampleLines.codeLines(ofMarkdown: file)
            let config = lines.first { $0.hasPrefix("TALLY_CONFIG=") }.map { String($0.dropFirst("TALLY_CONFIG=".count)) }
            return lines.compactMap { line in
                ExampleLines.crontabEntry(line).map { (URL(fileURLWithPath: file).lastPathComponent, $0.command, config) }
            }
        }
    }

    /// Parses every line as its crontab would run it (`--config` standing in for a `TALLY_CONFIG=` line).
    @Test func everyDocumentedCrontabLineUsesTheInstalledPath() throws {        let tallyLines = try Self.entries().filter { ExampleLines.tallyArguments($0.command) != nil }
        #expect(tallyLines.count >= 4, "found \(tallyLines.count) crontab lines")
        #expect(Set(tallyLines.map(\.file)).isSuperset(of: ["README.md", "scheduling.md"]))
        for (file, command, config) in tallyLines {
            #expect(command.hasPrefix("/usr/local/bin/tally "), "\(file): '\(command)' fails under cron's PATH")
            var arguments = ExampleLines.tallyArguments(command.replacingOccurrences(of: "\\%", with: "%")) ?? []
            if let config, arguments.first == "report", !arguments.contains("--config") { arguments += ["--config", config] }
            let error = ExampleLines.parseError(ExampleLines.withSampleFiles(arguments))
            #expect(error == nil, "\(file): '\(command)' does not parse: \(error ?? "")")
        }
    }

    /// A crontab line that calls a bare `tally` is not let through.
    @Test func aBareTallyIsFound() throws {
        let entry = try #require(ExampleLines.crontabEntry("30 2 1 * * tally report --out x db.sqlite"))
        #expect(ExampleLines.tallyArguments(entry.command) != nil)
        #expect(!entry.command.hasPrefix("/usr/local/bin/tally "))
    }
}
