/// A billing period: its bounds in the plan's zone, its status, and for a draft what it covers so far.
struct BillingPeriodView: TemplateModel {
    /// `2026-11`, `2026-W48`, `2026-Q4`.
    let label: String
    /// The zone of the times below.
    let zone: String
    /// `2026-11-01 00:00 +01:00`; `to` is excluded.
    let from: String
    let to: String
    /// The first and last days billed: `2026-11-01`, `2026-11-30`.
    let firstDay: String
    let lastDay: String
    /// ISO 8601 UTC.
    let startISO: String
    let endISO: String
    /// `draft` or `final`.
    let status: String
    let isDraft: Bool
    /// When the invoices turn final (the end plus the grace period).
    let closes: String
    /// Usage billed so far: up to `--as-of` for a draft, the end otherwise.
    let usageUpTo: String
    /// `DRAFT: usage up to 2026-11-29 01:00 +01:00; the period closes 2026-12-01 00:00 +01:00`; empty when final.
    let draftNote: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "zone": zone
        case "from": from
        case "to": to
        case "firstDay": firstDay
        case "lastDay": lastDay
        case "startISO": startISO
        case "endISO": endISO
        case "status": status
        case "isDraft": isDraft
        case "closes": closes
        case "usageUpTo": usageUpTo
        case "draftNote": draftNote
        default: nil
        }
    }
}

extension BillingPeriodView {
    /// The view of a period, times in the format's zone (named `format.zoneName`).
    init(_ p: BillingPeriod, format f: BillingFormat) {
        let at = { (i: Instant) in f.display.minute(i) + " " + f.display.offset(at: i) }
        let isDraft = p.status == .draft
        var note = ""
        if isDraft {
            note = "DRAFT: usage up to \(at(p.usageUpTo)); the period closes \(at(p.end))"
            if p.closesAt != p.end { note += " (final from \(at(p.closesAt)))" }
        }
        self.init(
            label: p.label, zone: f.zoneName, from: at(p.start), to: at(p.end), firstDay: p.firstDay.description,
            lastDay: p.lastDay.description, startISO: p.start.isoString, endISO: p.end.isoString, status: p.status.rawValue,
            isDraft: isDraft, closes: at(p.closesAt), usageUpTo: at(p.usageUpTo), draftNote: note)
    }
}

/// How billing pages show times: the plan's zone, as named.
struct BillingFormat: Sendable {
    /// Numbers and instants in the zone.
    let display: DisplayFormat
    /// The zone as the plan names it (Linux calls UTC `GMT`).
    let zoneName: String
}

/// From the usage report's processed documents to the documents billed in one period.
struct BridgeView: TemplateModel {
    /// Jobs created in the period and their processed documents (the usage report's Processed).
    let created: String
    let createdJobs: String
    /// Created in it, but in flight at its end or finished after it.
    let notFinished: String
    let notFinishedJobs: String
    /// Created in it, finished without completed_at.
    let unbillable: String
    let unbillableJobs: String
    /// Anonymous jobs finished in it.
    let anonymous: String
    let anonymousJobs: String
    /// Finished in it, created before (or after) it.
    let createdOutside: String
    let createdOutsideJobs: String
    /// What the bridge arrives at, and the documents on the invoices.
    let bridged: String
    let billed: String
    let ok: Bool
    /// `OK` or `MISMATCH`.
    let status: String

    func child(named name: String) -> Any? {
        switch name {
        case "created": created
        case "createdJobs": createdJobs
        case "notFinished": notFinished
        case "notFinishedJobs": notFinishedJobs
        case "unbillable": unbillable
        case "unbillableJobs": unbillableJobs
        case "anonymous": anonymous
        case "anonymousJobs": anonymousJobs
        case "createdOutside": createdOutside
        case "createdOutsideJobs": createdOutsideJobs
        case "bridged": bridged
        case "billed": billed
        case "ok": ok
        case "status": status
        default: nil
        }
    }
}

extension BridgeView {
    /// The view of a period's bridge.
    init(_ b: BillingBridge, format f: DisplayFormat) {
        self.init(
            created: f.count(b.created), createdJobs: f.count(b.createdJobs), notFinished: f.count(b.notFinished),
            notFinishedJobs: f.count(b.notFinishedJobs), unbillable: f.count(b.unbillable), unbillableJobs: f.count(b.unbillableJobs),
            anonymous: f.count(b.anonymous), anonymousJobs: f.count(b.anonymousJobs), createdOutside: f.count(b.createdOutside),
            createdOutsideJobs: f.count(b.createdOutsideJobs), bridged: f.count(b.bridged), billed: f.count(b.billed),
            ok: b.isConsistent, status: b.isConsistent ? "OK" : "MISMATCH")
    }
}
