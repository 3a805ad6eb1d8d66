/// The discussion of `tally --help` (and the man page's description).
enum TallyHelp {
    static let root = """
        Reads SQLite copies or JSON exports of the job history and writes usage
        reports (HTML, CSV, Markdown, JSON), priced invoices and the dashboard
        endpoint's stats JSON. Logs go to standard error; see 'tally help report'.

        EXAMPLES:
          tally report sample-data/history.sqlite --out out --period 2026-11
          tally stats history.sqlite --user alice@example.com --pretty
          # crontab (cron's PATH has no /usr/local/bin): the nightly report, 01:15
          15 1 * * * /usr/local/bin/tally report --config /etc/tally.yaml --period yesterday

        \(ExitCodesHelp.text)
        """
}
