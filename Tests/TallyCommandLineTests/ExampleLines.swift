import ArgumentParser
import Foundation
@testable import tally

/// The example command lines of the help texts and the docs, as tally's parser sees them.
enum ExampleLines {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every command of the tree under `root`, with its command words (`["plan", "check"]`).
    static func commands(_ root: any ParsableCommand.Type = Tally.self, path: [String] = []) -> [(path: [String], type: any ParsableCommand.Type)] {
        [(path, root)] + root.configuration.subcommands.flatMap { commands($0, path: path + [$0._commandName]) }
    }

    /// The lines under `EXAMPLES:` in a help discussion, continuation lines (`\`) joined,
    /// comment lines left out.
    static func examples(in discussion: String) -> [String] {
        var lines: [String] = []
        var inExamples = false
        var pending = ""
        for line in discussion.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "EXAMPLES:" { inExamples = true; continue }
            guard inExamples else { continue }
            guard line.hasPrefix("  ") else { inExamples = false; continue }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("#") { continue }
            if text.hasSuffix("\\") { pending += text.dropLast() + " "; continue }
            lines.append(pending + text)
            pending = ""
        }
        return lines
    }

    /// A crontab entry split into schedule and command, or `nil` when `line` is not one
    /// (five time fields, or an `@daily`-style nickname, then a command).
    static func crontabEntry(_ line: String) -> (schedule: String, command: String)? {
        let fields = line.trimmingCharacters(in: .whitespaces).split(separator: " ", omittingEmptySubsequences: true)
        let timeField = #/[0-9*][0-9*,/-]*/#
        if let first = fields.first, first.hasPrefix("@"), first.count > 1, fields.count > 1, first.dropFirst().allSatisfy(\.isLetter) {
            return (String(first), fields.dropFirst().joined(separator: " "))
        }
        guard fields.count > 5, fields.prefix(5).allSatisfy({ $0.wholeMatch(of: timeField) != nil }) else { return nil }
        return (fields.prefix(5).joined(separator: " "), fields.dropFirst(5).joined(separator: " "))
    }

    /// The arguments of a `tally` command line (after the program word), up to the first
    /// shell operator (`&&`, `|`, `;`, a redirection); `nil` when the line does not run tally.
    static func tallyArguments(_ commandLine: String) -> [String]? {
        var words = ShellWords.split(commandLine)
        guard let program = words.first, program == "tally" || program.hasSuffix("/tally") else { return nil }
        words.removeFirst()
        if let end = words.firstIndex(where: { ["&&", "||", "|", ";"].contains($0) || $0.hasPrefix(">") || $0.hasPrefix("2>") }) {
            words = Array(words[..<end])
        }
        return words
    }

    /// The error parsing `arguments` the way `tally` does throws, or `nil` when they parse and validate.
    static func parseError(_ arguments: [String]) -> String? {
        do {
            _ = try Tally.parseAsRoot(arguments)
            return nil
        } catch {
            return Tally.exitCode(for: error) == .success ? nil : Tally.message(for: error)
        }
    }

    /// `arguments` with the plan path of the examples replaced by the sample plan: checking
    /// the options reads the plan (for its time zone), and the examples' plan is not on this machine.
    static func withSampleFiles(_ arguments: [String]) -> [String] {
        arguments.map { $0 == "/etc/tally/plan.yaml" ? packageRoot.appendingPathComponent("sample-data/plan.yaml").path : $0 }
    }

    /// The lines of the fenced code blocks of a Markdown file.
    static func codeLines(ofMarkdown path: String) throws -> [String] {
        var lines: [String] = []
        var fenced = false
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.drop(while: { $0 == " " }).hasPrefix("```") { fenced.toggle(); continue }
            if fenced || line.hasPrefix("    ") { lines.append(String(line)) }
        }
        return lines
    }

    /// README.md and every Markdown file under docs/.
    static func documentationFiles() throws -> [String] {
        let docs = packageRoot.appendingPathComponent("docs").path
        let names = try FileManager.default.contentsOfDirectory(atPath: docs).filter { $0.hasSuffix(".md") }.sorted()
        return [packageRoot.appendingPathComponent("README.md").path] + names.map { docs + "/" + $0 }
    }
}

/// POSIX shell word splitting for example lines: quotes, backslashes; `$VAR` kept as written.
enum ShellWords {
    /// The words of `line`; an operator such as `&&` or `2>>file` is a word of its own.
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped { word.append(character); escaped = false; inWord = true; continue }
            switch (quote, character) {
            case (nil, "\\"), ("\"", "\\"): escaped = true
            case (nil, "'"), (nil, "\""): quote = character; inWord = true
            case (let q?, _) where character == q: quote = nil
            case (nil, " "), (nil, "\t"):
                if inWord { words.append(word) }
                word = ""
                inWord = false
            default: word.append(character); inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }
}
