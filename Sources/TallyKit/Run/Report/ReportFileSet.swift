import Foundation

/// Renders every file of a report but `jobs.csv`: the usage files, the billing
/// files and `stats/`, side by side on `request.parallelism` threads.
///
/// The renderers only read their templates and inputs, so the pieces share nothing.
enum ReportFileSet {
    /// The usage files, then the billing files (with a billing run), then `stats/<user>.json` and `stats/index.json`.
    ///
    /// - Throws: the renderers' errors, the first in that order.
    static func render(
        _ report: UsageReport, billing: BillingRun?, stats: EndpointStatsAccumulator, users: UserDirectory, scope: ReportScope,
        request: ReportRequest, templates: TemplateSet, zone: TimeZone, zoneName: String
    ) throws -> [RenderedFile] {
        let parts = try Parallel.map(3, width: request.parallelism) { part -> [RenderedFile] in
            switch part {
            case 0:
                return try ReportRenderer(templates: templates, zone: zone, csvBOM: request.csvBOM).render(report, formats: request.formats)
            case 1:
                guard let billing else { return [] }
                return try BillingStage.files(
                    billing, formats: request.formats, templates: templates, zone: zone, zoneName: zoneName, bom: request.csvBOM,
                    width: request.parallelism)
            default:
                return StatsFiles.render(stats, users: users, only: scope.users).map {
                    RenderedFile(name: "stats/" + $0.name, bytes: $0.bytes)
                }
            }
        }
        return parts.flatMap { $0 }
    }
}
