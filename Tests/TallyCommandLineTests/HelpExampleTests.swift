import ArgumentParser
import Foundation
import Testing
@testable import tally

/// The examples in the help texts are command lines that work: they parse with the
/// current options, and a crontab line names tally by its installed path (cron's PATH
/// is /usr/bin:/bin, where a bare `tally` is exit 127).
@Suite struct HelpExampleTests {
    /// Every example of every command's help, with the command it belongs to.
    static let examples: [(command: String, line: String)] = ExampleLines.commands().flatMap { path, type in
        ExampleLines.examples(in: type.configuration.discussion).map { (path.joined(separator: " "), $0) }
    }

    @Test func everyExampleInTheHelpParses() throws {
        #expect(Self.examples.count >= 10, "found only \(Self.examples.count) examples")
        for (command, line) in Self.examples {
            let commandLine = ExampleLines.crontabEntry(line)?.command ?? line
            let arguments = try #require(ExampleLines.tallyArguments(commandLine), "'\(line)' (tally \(command)) does not run tally")
            let error = ExampleLines.parseError(ExampleLines.withSampleFiles(arguments))
            #expect(error == nil, "'\(line)' in 'tally \(command) --help' does not parse: \(error ?? "")")
        }
    }

    @Test func everyCommandThatRunsHasExamples() {
        for (path, type) in ExampleLines.commands() where type.configuration.subcommands.isEmpty && path != ["sample"] && path != ["help"] {
            #expect(!ExampleLines.examples(in: type.configuration.discussion).isEmpty, "'tally \(path.joined(separator: " ")) --help' has no examples")
        }
    }

    @Test func crontabExamplesNameTheInstalledBinary() {
        let crontab = Self.examples.compactMap { ExampleLines.crontabEntry($0.line) }
        #expect(crontab.count >= 3)
        for entry in crontab {
            #expect(entry.command.hasPrefix("/usr/local/bin/tally "), "'\(entry.command)' fails under cron's PATH")
        }
    }

    @Test func theMonthlyBillingExampleBills() throws {
        let billing = try #require(Self.examples.first { $0.line.contains("last-month") && ExampleLines.crontabEntry($0.line) != nil })
        #expect(billing.line.contains("--plan "))
    }

    /// The checker itself: an option that does not exist, a bad value and a bare cron `tally` are caught.
    @Test func theCheckerCatchesBrokenExamples() throws {
        #expect(ExampleLines.parseError(["report", "db.sqlite", "--out", "x", "--colour", "red"]) != nil)
        #expect(ExampleLines.parseError(["report", "db.sqlite", "--out", "x", "--period", "2026-13"]) != nil)
        #expect(ExampleLines.parseError(["stats", "db.sqlite"]) != nil)
        let entry = try #require(ExampleLines.crontabEntry("30 2 1 * * tally report --period last-month"))
        #expect(!entry.command.hasPrefix("/"))
        #expect(ExampleLines.crontabEntry("tally report db.sqlite --out out") == nil)
        #expect(ExampleLines.crontabEntry("@daily /usr/local/bin/tally report")?.command == "/usr/local/bin/tally report")
        #expect(ShellWords.split(#"tally config check "$TALLY_CONFIG" --out 'a b' x\ y"#)
            == ["tally", "config", "check", "$TALLY_CONFIG", "--out", "a b", "x y"])
    }

    /// argument-parser would wrap a long example at 80 columns; tally's help prints the discussion as written.
    @Test func helpKeepsLongExampleLinesWhole() throws {
        let wrapped = Tally.helpMessage(for: ReportCommand.self, columns: 80)
        let unwrapped = Tally.helpMessage(for: ReportCommand.self, columns: 1 << 20)
        let help = HelpText.splice(wrapped: wrapped, unwrapped: unwrapped)
        let long = try #require(Self.examples.filter { $0.command == "report" && $0.line.count > 78 && !$0.line.contains("  ") }.first?.line)
        #expect(!wrapped.contains(long), "the check is vacuous: argument-parser no longer wraps")
        #expect(help.contains("  " + long + "\n"))
        #expect(help.hasSuffix(wrapped[wrapped.range(of: "\nUSAGE:")!.lowerBound...]))
    }
}
