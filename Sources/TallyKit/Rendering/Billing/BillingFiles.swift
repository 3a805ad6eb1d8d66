import Foundation

/// Writes a billing run's files into the report's staging directory as its invoices
/// arrive, holding none of them longer than a batch of pages:
/// `invoices.csv`, `invoice_breakdown.csv`, `billing_summary.csv`, `adjustments.csv`,
/// `invoices.json`, `invoices/<number>.html`, `adjustments/<number>.html`, and at the
/// end `billing.html` and `billing.md` from the digest.
package struct BillingFiles: BillingSink {
    /// Pages rendered and written together, on `width` threads.
    static let batchSize = 256

    let directory: ReportDirectory
    let formats: Set<ReportFormat>
    let renderer: BillingRenderer
    let currency: Currency
    let width: Int
    /// Stops the run between batches of pages when a signal arrives.
    let cancellation: Cancellation
    private var csv: [String: StreamedFile] = [:]
    private var json: StreamedFile?
    private var firstInvoice = true
    private var batch: [(name: String, page: Page)] = []
    private var issuer: PartyView?
    /// Whether `adjustments/` was made (on the first note: most runs have none).
    private var notesFolder = false
    private(set) var digest = BillingDigest()
    /// Sizes of the files written so far (the pages only when `listPages`).
    private(set) var written: [(name: String, bytes: Int)] = []
    /// Pages written per folder (`invoices`, `adjustments`): how many and their bytes.
    private(set) var pages: [String: (files: Int, bytes: Int)] = [:]
    /// Whether `written` names every page too (a million names are 100 MB: only for debug logs).
    let listPages: Bool
    /// The customers whose invoice pages are remembered for their customer pages (a bounded set).
    package var linkCustomers: Set<String> = []
    /// Invoice number and page per customer of `linkCustomers`, in the order written.
    package private(set) var invoiceLinks: [String: [(number: String, file: String)]] = [:]

    /// An invoice or note page waiting to be rendered.
    enum Page: Sendable {
        case invoice(InvoiceView, issuer: PartyView?)
        case note(AdjustmentNoteView, issuer: PartyView?)
    }

    /// Creates the streamed files in `directory` and writes their headers.
    ///
    /// - Parameters:
    ///   - planName: the plan file's name without its folder (no path reaches any output).
    ///   - bom: start CSV files with a UTF-8 byte-order mark.
    /// - Throws: `TallyError.cannotWrite`.
    package init(
        directory: ReportDirectory, formats: Set<ReportFormat>, renderer: BillingRenderer, currency: Currency, planName: String,
        asOf: Instant, bom: Bool, fileMode: mode_t, width: Int, listPages: Bool = true,
        cancellation: Cancellation = Cancellation()
    ) throws {
        self.cancellation = cancellation
        self.directory = directory
        self.listPages = listPages
        self.formats = formats
        self.renderer = renderer
        self.currency = currency
        self.width = width
        if formats.contains(.csv) {
            for (name, columns) in Self.csvFiles {
                let file = try StreamedFile(path: directory.stagingPath(name), mode: fileMode)
                try file.write(BillingCSVWriter.header(columns, bom: bom))
                csv[name] = file
            }
        }
        if formats.contains(.json) {
            json = try StreamedFile(path: directory.stagingPath("invoices.json"), mode: fileMode)
            try json?.write(BillingJSONWriter.head(planName: planName, currency: currency, asOf: asOf))
        }
        if formats.contains(.html) { try directory.makeDirectories(for: ["invoices/x"]) }
    }

    static let csvFiles = [
        ("invoices.csv", BillingCSVWriter.invoiceColumns), ("invoice_breakdown.csv", BillingCSVWriter.breakdownColumns),
        ("billing_summary.csv", BillingCSVWriter.summaryColumns), ("adjustments.csv", BillingCSVWriter.adjustmentColumns),
    ]

    package mutating func begin(_ period: BillingPeriod, issuer: BillingParty?) throws {
        digest.periods.append(BillingDigest.PeriodPart(period: period))
        self.issuer = issuer.map(PartyView.init)
    }

    package mutating func add(_ invoice: Invoice, notes: [AdjustmentNote]) throws {
        let file = BillingRenderer.pageFile("invoices", invoice.number)
        if linkCustomers.contains(invoice.customer.id), formats.contains(.html) {
            invoiceLinks[invoice.customer.id, default: []].append((invoice.number, file))
        }
        let noteFiles = notes.map { ($0, BillingRenderer.pageFile("adjustments", $0.number)) }
        let view = InvoiceView(invoice, file: file, notes: noteFiles, format: renderer.format)
        let noteViews = noteFiles.map { AdjustmentNoteView($0.0, file: $0.1, originalFile: file, format: renderer.format) }
        digest.add(invoice, notes: notes, view: view, noteViews: noteViews)
        try csv["invoices.csv"]?.write(BillingCSVWriter.invoiceRows(invoice))
        try csv["invoice_breakdown.csv"]?.write(BillingCSVWriter.breakdownRows(invoice))
        try csv["billing_summary.csv"]?.write(BillingCSVWriter.summaryRow(invoice, notes: notes))
        if !notes.isEmpty { try csv["adjustments.csv"]?.write(BillingCSVWriter.adjustmentRows(notes)) }
        try json?.write(BillingJSONWriter.element(invoice, notes: notes, first: firstInvoice))
        firstInvoice = false
        guard formats.contains(.html) else { return }
        batch.append((file, .invoice(view, issuer: issuer)))
        if !notes.isEmpty, !notesFolder {
            try directory.makeDirectories(for: ["adjustments/x"])
            notesFolder = true
        }
        for (note, view) in zip(notes, noteViews) {
            batch.append((view.file, .note(view, issuer: note.issuer.map(PartyView.init))))
        }
        if batch.count >= Self.batchSize { try flushPages() }
    }

    package mutating func end(_ period: BillingPeriod, bridge: BillingBridge, unbilled: UnbilledUsage) throws {
        digest.periods[digest.periods.count - 1].bridge = bridge
        digest.periods[digest.periods.count - 1].unbilled = unbilled
    }

    /// Renders and writes the waiting pages, on `width` threads.
    private mutating func flushPages() throws {
        try cancellation.check()
        let pages = batch
        batch.removeAll(keepingCapacity: true)
        let renderer = renderer, directory = directory, code = currency.code, cancellation = cancellation
        let chunk = max(1, (pages.count + width - 1) / max(width, 1))
        let sizes = try Parallel.map((pages.count + chunk - 1) / chunk, width: width) { piece -> [Int] in
            try pages[piece * chunk..<min(pages.count, (piece + 1) * chunk)].map { name, page in
                let bytes: [UInt8]
                switch page {
                case .invoice(let view, let issuer): bytes = renderer.page(view, issuer: issuer, currency: code)
                case .note(let view, let issuer): bytes = renderer.page(view, issuer: issuer, currency: code)
                }
                try directory.write(bytes, to: name, parentExists: true)
                try cancellation.checkpoint(name)
                return bytes.count
            }
        }
        for (name, size) in zip(pages.map(\.name), sizes.flatMap { $0 }) {
            let folder = String(name.prefix { $0 != "/" })
            self.pages[folder, default: (0, 0)].files += 1
            self.pages[folder]!.bytes += size
            if listPages { written.append((name, size)) }
        }
    }

    /// Writes the rest: the last pages, `billing.html`, `billing.md`, the end of `invoices.json`;
    /// closes every file and returns the summary line of the usage report.
    ///
    /// - Parameters:
    ///   - view: the page view, made from the digest by `BillingPageView`.
    ///   - unmatched: plan customers matching no user (the first 100) and how many in all.
    mutating func finish(view: BillingView, unmatched: [String], unmatchedCount: Int) throws -> BillingSummaryView {
        try flushPages()
        if formats.contains(.html) { try write("billing.html", renderer.html(view)) }
        if formats.contains(.md) { try write("billing.md", renderer.markdown(view)) }
        if let json {
            let periods = digest.periods.map { BillingJSONWriter.period($0, currency: currency) }
            let check = BillingJSONWriter.reconciliation(
                invoicesTotal: digest.invoicesTotal, linesTotal: digest.linesTotal, bridgesOK: digest.bridgesOK, currency: currency)
            try json.write(
                BillingJSONWriter.tail(
                    periods: periods, unmatched: unmatched, unmatchedCount: unmatchedCount, reconciliation: check,
                    hadInvoices: digest.invoiceCount > 0))
            try json.finish()
            try cancellation.checkpoint("invoices.json")
            written.append(("invoices.json", json.size))
        }
        for (name, _) in Self.csvFiles {
            guard let file = csv[name] else { continue }
            try file.finish()
            try cancellation.checkpoint(name)
            written.append((name, file.size))
        }
        return BillingSummaryView(
            invoices: digest.invoiceCount,
            totals: [BillingSummaryView.CurrencyTotal(currency: currency.code, amount: currency.format(digest.invoicesTotal))])
    }

    private mutating func write(_ name: String, _ bytes: [UInt8]) throws {
        try directory.write(bytes, to: name)
        try cancellation.checkpoint(name)
        written.append((name, bytes.count))
    }
}
