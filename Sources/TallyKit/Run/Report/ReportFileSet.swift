import Foundation

/// Renders every file of a report but `jobs.csv` and the billing files (streamed by
/// `BillingStage`): the usage files and `stats/`, side by side on `request.parallelism` threads.
///
/// The renderers only read their templates and inputs, so the pieces share nothing.
enum ReportFileSet {
    /// The usage files, then `stats/<user>.json` and `stats/index.json`.
    ///
    /// - Throws: the renderers' errors, the first in that order.
    static func render(
        _ report: UsageReport, stats: EndpointStatsAccumulator, users: UserDirectory, scope: ReportScope,
        request: ReportRequest, templates: TemplateSet, zone: TimeZone
    ) throws -> [RenderedFile] {
        let parts = try Parallel.map(2, width: request.parallelism) { part -> [RenderedFile] in
            switch part {
            case 0:
                return try ReportRenderer(templates: templates, zone: zone, csvBOM: request.csvBOM, paper: request.paper).render(report, formats: request.formats)
            default:
                return StatsFiles.render(stats, users: users, only: scope.users).map {
                    RenderedFile(name: "stats/" + $0.name, bytes: $0.bytes)
                }
            }
        }
        return parts.flatMap { $0 }
    }
}
