import ArgumentParser
import TallyKit

/// `tally stats`: the dashboard endpoint's JSON for one user, or for every user into a directory.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print the GET /api/history/stats object for a user, byte for byte.",
        discussion: """
            By default the numbers cover all of the user's own jobs (no cap, no
            anonymous jobs). --api-compat reproduces the endpoint exactly: the newest
            1000 jobs of the user together with every anonymous job, compact JSON.
            An inactive user gets the endpoint's answer, 403: exit 77 for --user, and
            no file for --all-users (index.json lists them under inactive_users); the
            default mode reports them like everyone else.

            EXAMPLES:
              tally stats sample-data/history.sqlite --user alice@example.com --pretty
              tally stats history.sqlite --user alice@example.com --api-compat
              # the service's database (password from ~/.pgpass): only alice's rows are read
              tally stats 'postgresql://tally_reader@replica.internal/docproc' --user alice@example.com --api-compat
              # every user's stats computed by the database (GROUP BY), not streamed row by row
              tally stats 'postgresql://tally_reader@replica.internal/docproc' --all-users --push-down --out /srv/stats
              # crontab: every user's stats for the web server at 01:00
              0 1 * * * /usr/local/bin/tally stats /var/lib/docproc/history.sqlite --all-users --out /srv/stats

            \(ExitCodesHelp.text)
            """
    )

    @OptionGroup(title: "Inputs") var input: SourceOptions

    @OptionGroup(title: "Inputs") var scan: ScanFlags

    @OptionGroup(title: "Users and outputs") var selection: StatsSelectionOptions

    @OptionGroup(title: "Logging") var logging: LoggingOptions

    func validate() throws {
        guard !input.sources.isEmpty else { throw ValidationError("give at least one SOURCE") }
    }

    func run() throws {
        let logger = logging.makeLogger()
        var request = StatsRequest(
            sources: input.sources, user: selection.user, allUsers: selection.allUsers, outDirectory: selection.out,
            apiCompat: selection.apiCompat, pretty: selection.pretty, strict: scan.strict ?? false,
            parallelism: scan.parallelism ?? TallyDefaults.parallelism, fileMode: selection.private ? 0o600 : 0o644)
        request.lenient = scan.lenient
        request.pushDown = scan.pushDown
        try CommandRunner.runCancellable(logger: { logger }) { cancellation in
            CommandRunner.writeOut(try StatsRun.run(request, logger: logger, cancellation: cancellation))
        }
    }
}

/// Whose stats `tally stats` computes, in which view, and where they go.
struct StatsSelectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The user, by id or email (required unless --all-users).", valueName: "id-or-email"))
    var user: String?

    @Flag(help: "Write DIR/<user_id>.json for every user plus DIR/index.json (needs --out).")
    var allUsers = false

    @Flag(help: "Exactly what the endpoint returns: newest 1000 jobs including anonymous ones; 403 (exit 77) for an inactive user.")
    var apiCompat = false

    @Flag(help: "Indent the JSON for people.")
    var pretty = false

    @Option(help: ArgumentHelp("Directory for --all-users (default: none; a single user's stats go to stdout).", valueName: "dir"),
            completion: .directory)
    var out: String?

    @Flag(help: "Create output files with mode 0600 instead of 0644.")
    var `private` = false

    func validate() throws {
        if allUsers {
            guard out != nil else { throw ValidationError("--all-users needs --out DIR") }
            guard user == nil else { throw ValidationError("give either --user or --all-users, not both") }
        } else {
            guard user != nil else { throw ValidationError("give --user ID_OR_EMAIL (or --all-users --out DIR)") }
            guard out == nil else { throw ValidationError("--out is only for --all-users; a single user's stats go to stdout") }
        }
    }
}
