import Foundation

/// The pages beside `usage.html`, written into the staging directory in batches so
/// that a million customers' pages are never held at once: `customers/<id>.html`,
/// `customers/index*.html` and `errors/<rank>.html`.
enum PagesStage {
    /// Pages rendered and written together, on `request.parallelism` threads.
    static let batchSize = 256

    /// Writes every page; returns them one by one when `listPages` (for debug logs), else
    /// the folders written, counted (a million names are 100 MB).
    ///
    /// - Parameter invoiceLinks: invoice numbers and pages per customer (`PageRenderer.linkedCustomers`).
    /// - Throws: `TallyError.cannotWrite`, or the cancellation's error between batches.
    static func write(
        _ report: UsageReport, invoiceLinks: [String: [(number: String, file: String)]], templates: TemplateSet,
        zone: TimeZone, request: ReportRequest, directory: ReportDirectory, listPages: Bool, cancellation: Cancellation
    ) throws -> (written: [(name: String, bytes: Int)], folders: [WrittenFiles.Folder]) {
        let renderer = PageRenderer(report: report, templates: templates, zone: zone, paper: request.paper)
        let errorPages = try renderer.errorPages()
        try directory.makeDirectories(for: ["customers/x"] + (errorPages.isEmpty ? [] : ["errors/x"]))
        var folders: [String: (files: Int, bytes: Int)] = [:]
        var written: [(name: String, bytes: Int)] = []
        func count(_ name: String, _ bytes: Int) {
            if listPages { written.append((name, bytes)) }
            let folder = String(name.prefix { $0 != "/" })
            folders[folder, default: (0, 0)].files += 1
            folders[folder]!.bytes += bytes
        }
        for page in try errorPages + (0..<renderer.indexPageCount).map(renderer.indexPage) {
            try directory.write(page.bytes, to: page.name, parentExists: true)
            count(page.name, page.bytes.count)
        }
        let customers = report.customers, width = max(1, request.parallelism)
        var start = 0
        while start < customers.count {
            try cancellation.check()
            let batch = customers[start..<min(customers.count, start + batchSize)]
            let chunk = max(1, (batch.count + width - 1) / width)
            let sizes = try Parallel.map((batch.count + chunk - 1) / chunk, width: width) { piece -> [(String, Int)] in
                let lower = batch.startIndex + piece * chunk
                return try batch[lower..<min(batch.endIndex, lower + chunk)].map { row in
                    let page = try renderer.customerPage(row, invoices: row.userID.flatMap { invoiceLinks[$0] } ?? [])
                    try directory.write(page.bytes, to: page.name, parentExists: true)
                    return (page.name, page.bytes.count)
                }
            }
            for (name, bytes) in sizes.joined() { count(name, bytes) }
            start += batch.count
        }
        if listPages { return (written, []) }
        return ([], folders.sorted { $0.key < $1.key }.map { WrittenFiles.Folder(name: $0.key, files: $0.value.files, bytes: $0.value.bytes) })
    }
}
