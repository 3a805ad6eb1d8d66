import ArgumentParser
import Foundation
import TallyKit

/// `tally report`: usage analytics (and invoices with --plan) as HTML, CSV, Markdown and JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the usage report (and invoices with --plan) for a period into a directory.",
        discussion: """
            Periods are half-open [from, to) between midnights in --tz. A job belongs
            to the period of its created_at; billing usage to the period of its
            completed_at. The directory is replaced as a whole, atomically, when the
            run succeeds.

            With a plan, the invoices are those of every billing period of the plan
            (billing_period: month, week or quarter, in its timezone) that the report
            period overlaps, each over its whole length. A billing period that has not
            ended by --as-of (plus the plan's grace_period) gives drafts over the usage
            so far; an ended one gives final invoices. With --ledger, final invoices are
            numbered and recorded once; later runs show them as recorded and write
            adjustment notes for differences (docs/scheduling.md).

            A config file (--config FILE, or the TALLY_CONFIG environment variable) can
            give sources, out, timezone, plan, templates, formats and more; options on
            the command line override it, and sources on the command line replace its
            sources. Check one with 'tally config check FILE'; see docs/config.md.

            EXAMPLES:
              tally report sample-data/history.sqlite --out out --period 2026-10 \\
                --plan sample-data/plan.yaml --ledger ledger.sqlite --as-of 2026-11-29T00:00:00Z
              tally report db.sqlite --out 'reports/{period}' --period yesterday
              # a missed night: name the day, not "yesterday"
              tally report --config /etc/tally.yaml --period 2026-11-28
              # crontab: the monthly billing run with final invoices, 02:30 on the 4th
              30 2 4 * * /usr/local/bin/tally report --config /etc/tally.yaml --period last-month --plan /etc/tally/plan.yaml --ledger /var/lib/tally/ledger.sqlite

            \(ExitCodesHelp.text)
            """
    )

    @OptionGroup(title: "Inputs") var input: ReportInputOptions

    @OptionGroup(title: "Period") var period: ReportPeriodOptions

    @OptionGroup(title: "Outputs") var output: ReportOutputOptions

    @OptionGroup(title: "Billing") var billing: ReportBillingOptions

    @OptionGroup(title: "Logging") var logging: LoggingOptions

    /// The command line as TallyKit sees it.
    var flags: ReportFlags {
        var flags = ReportFlags()
        flags.config = input.config
        flags.sources = input.source.sources
        flags.users = input.user
        flags.strict = input.scan.strict
        flags.jobs = input.scan.parallelism
        flags.pushDown = input.scan.pushDown ? true : nil
        flags.period = period.period
        flags.from = period.from
        flags.to = period.to
        flags.tz = period.tz
        flags.asOf = period.asOf
        flags.stuckAfter = period.stuckAfter
        flags.out = output.out
        flags.formats = output.format
        flags.templates = output.templates
        flags.csvBOM = output.csvBom
        flags.paper = output.paper
        flags.private = output.private
        flags.plan = billing.plan
        flags.noPlan = billing.noPlan
        flags.ledger = billing.ledger
        flags.failOnRestatement = billing.failOnRestatement
        flags.logging = logging.settings
        return flags
    }

    func validate() throws {
        try ArgumentParsing.validating { try ReportOptions.check(flags, environment: ProcessInfo.processInfo.environment) }
    }

    func run() throws {
        var logger = logging.makeLogger()
        try CommandRunner.runCancellable(logger: { logger }) { cancellation in
            let resolved = try ReportOptions.resolve(flags, environment: ProcessInfo.processInfo.environment, now: CommandRunner.now())
            logger = resolved.logging.makeLogger()
            var request = resolved.request
            request.lenient = input.scan.lenient
            request.showProgress = isatty(2) != 0 && !resolved.logging.quiet
            RunSummary.log(try ReportRun.run(request, logger: logger, cancellation: cancellation), logger: logger)
        }
    }
}
