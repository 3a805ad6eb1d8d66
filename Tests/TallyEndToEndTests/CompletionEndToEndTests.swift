import Foundation
import Testing

/// The committed completion scripts are what the binary generates, and they complete:
/// `tally report sam<TAB>` offers files (sources are files), option values come from
/// their lists, `--tz` from the binary. bash always; zsh when it is installed.
@Suite struct CompletionEndToEndTests {
    let dir = TempDir()
    static let completions = Tally.packageRoot.appendingPathComponent("completions").path

    /// The completions a shell script offers for the last of `words`, run in the package root.
    func complete(_ shell: String, _ script: String, _ words: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // timeout: zpty waits for its prompt forever when something goes wrong.
        process.arguments = ["timeout", "60"] + (shell == "zsh" ? ["zsh", "-f"] : ["bash"]) + [dir.write("complete.\(shell)", script)] + words
        process.currentDirectoryURL = Tally.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = URL(fileURLWithPath: Tally.binary).deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(shell) completion of \(words) failed")
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// bash: source the script, then call its function as bash would for the last word.
    static let bash = """
        source "\(completions)/tally.bash"
        complete -p tally >/dev/null || exit 3
        COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=()
        _tally tally "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\\n' "${COMPREPLY[@]}"
        """

    /// zsh: an interactive zsh in a pseudo-terminal with the script on fpath, compadd
    /// wrapped to print what it is given, and a TAB typed after the words.
    static let zsh = """
        zmodload zsh/zpty || exit 2
        zpty z zsh -f -i
        zpty -w z "PROMPT=; RPROMPT=; fpath=(\(completions) \\$fpath); autoload -U compinit; compinit -u -D"
        zpty -w z 'compadd () {
          [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]] && { builtin compadd "$@"; return $? }
          typeset -a __hits
          builtin compadd -A __hits "$@"
          (( $#__hits )) && print -r -l -- "<<${^__hits}>>"
          builtin compadd "$@"
        }'
        zpty -w z "zstyle ':completion:*' list-grouped false; zstyle ':completion:*' insert-tab false"
        zpty -w z "bindkey '^I' complete-word; print ready-\\$((40+2))"
        zpty -r z line '*ready-42*'
        zpty -w z "$*"$'\\t'
        zpty -w z $'\\C-u'
        zpty -w z "print done-\\$((40+2))"
        zpty -r z output '*done-42*'
        print -r -- "$output" | grep -ao '<<[^>]*>>' | sed 's/^<<//; s/>>$//' | sort -u
        zpty -d z
        """

    static let zshInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh") || FileManager.default.isExecutableFile(atPath: "/bin/zsh")

    @Test func bashCompletesSourcesOptionsAndValues() throws {
        #expect(try complete("bash", Self.bash, ["tally", "report", "sam"]) == ["sample-data"])
        #expect(try complete("bash", Self.bash, ["tally", "report", "sample-data/history.s"]) == ["sample-data/history.sqlite"])
        #expect(try complete("bash", Self.bash, ["tally", "stats", "sample-data/jobs"]) == ["sample-data/jobs.ndjson"])
        #expect(try complete("bash", Self.bash, ["tally", "report", "x", "--period", "last-"]).sorted() == ["last-7-days", "last-month"])
        #expect(try complete("bash", Self.bash, ["tally", "report", "x", "--log-timestamps", "a"]).sorted() == ["always", "auto"])
        #expect(try complete("bash", Self.bash, ["tally", "report", "x", "--tz", "Europe/Berl"]) == ["Europe/Berlin"])
        #expect(try complete("bash", Self.bash, ["tally", "st"]) == ["stats"])
    }

    @Test(.enabled(if: zshInstalled, "zsh is not installed"))
    func zshCompletesSourcesAndValues() throws {
        #expect(try complete("zsh", Self.zsh, ["tally", "report", "sam"]).contains("sample-data"))
        #expect(try complete("zsh", Self.zsh, ["tally", "report", "x", "--period", "last-"]).contains("last-month"))
        #expect(try complete("zsh", Self.zsh, ["tally", "report", "x", "--tz", "Europe/Berl"]) == ["Europe/Berlin"])
    }

    /// `make completions` was run after the last change to the options.
    @Test func committedScriptsAreTheGeneratedOnes() throws {
        for (shell, file) in [("bash", "tally.bash"), ("zsh", "_tally"), ("fish", "tally.fish")] {
            let generated = try Tally.run(["--generate-completion-script", shell])
            #expect(generated.status == 0)
            #expect(generated.out == text(Self.completions + "/" + file), "completions/\(file) is stale: run 'make completions'")
        }
    }
}
