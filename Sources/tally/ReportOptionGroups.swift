import ArgumentParser
import Foundation
import TallyKit

/// `tally report`'s inputs: the sources, the config file, the customers, how the sources are read.
struct ReportInputOptions: ParsableArguments {
    @OptionGroup var source: SourceOptions

    @Option(help: ArgumentHelp(
        "A config file (YAML) giving defaults for these options (default: $TALLY_CONFIG, else none).",
        valueName: "file"),
        completion: .file(extensions: ["yaml", "yml", "json"]))
    var config: String?

    @Option(help: ArgumentHelp("Limit the report to this customer (id or email); repeatable (default: every customer).", valueName: "id-or-email"))
    var user: [String] = []

    @OptionGroup var scan: ScanFlags
}

/// `tally report`'s period: which days, in which zone, and "now".
struct ReportPeriodOptions: ParsableArguments {
    @Option(help: "YYYY-MM, YYYY-MM-DD, YYYY-Www, yesterday, last-month, this-month or last-7-days (default: this-month).",
            completion: .list(PeriodSpec.keywords))
    var period: String?

    @Option(help: ArgumentHelp("First day of a custom period (YYYY-MM-DD, included).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Day after a custom period (YYYY-MM-DD, excluded).", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("IANA time zone of the period boundaries (default: the plan's timezone, else UTC).", valueName: "zone"),
            completion: .custom { _, _, _ in TimeZone.knownTimeZoneIdentifiers })
    var tz: String?

    @Option(help: ArgumentHelp("\"Now\" as an ISO 8601 timestamp (default: the current time). Fix it for reproducible output.", valueName: "timestamp"))
    var asOf: String?

    @Option(help: ArgumentHelp("Jobs pending or processing longer than this at --as-of are stuck: 90m, 6h, 2d (default: \(ReportOptions.defaultStuckAfter)).", valueName: "duration"))
    var stuckAfter: String?
}

/// `tally report`'s outputs: where, which formats, from which templates, with which file mode.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output directory (required, here or in the config); {period} becomes the period's name (reports/{period}: reports/2026-11), strftime directives (%Y %m %d…) the date at --as-of in --tz.", valueName: "dir"),
            completion: .directory)
    var out: String?

    @Option(help: ArgumentHelp("Comma-separated formats to write: html,csv,md,json (default: all four).", valueName: "list"),
            completion: .list(["html", "csv", "md", "json", "html,csv,md,json"]))
    var format: String?

    @Option(help: ArgumentHelp("Directory with templates overriding the built-in ones by file name (default: none).", valueName: "dir"),
            completion: .directory)
    var templates: String?

    @Option(help: ArgumentHelp("Paper size of the printed HTML pages: a4 or letter (default: a4).", valueName: "size"),
            completion: .list(PaperSize.allCases.map(\.rawValue)))
    var paper: String?

    @Flag(inversion: .prefixedNo, help: "Start CSV files with a UTF-8 byte-order mark, for Excel (default: --no-csv-bom).")
    var csvBom: Bool?

    @Flag(inversion: .prefixedNo, help: "Create output files with mode 0600 instead of 0644 (default: --no-private).")
    var `private`: Bool?
}
