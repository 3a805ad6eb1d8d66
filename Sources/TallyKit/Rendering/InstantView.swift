/// An instant as templates show it, in the report zone and in UTC.
///
/// A class: a template reads it as an `Any`, which holds a reference without copying
/// (a struct of four strings would be copied into a new box on every lookup).
final class InstantView: TemplateModel {
    /// `2026-03-01 14:05 +01:00`; `–` when unknown.
    let local: String
    /// `2026-03-01 14:05`; `–` when unknown.
    let short: String
    /// `2026-03-01`; `–` when unknown.
    let date: String
    /// ISO 8601 UTC (`2026-03-01T13:05:00Z`); empty when unknown.
    let iso: String

    /// An instant in its four forms.
    init(local: String, short: String, date: String, iso: String) {
        self.local = local
        self.short = short
        self.date = date
        self.iso = iso
    }

    func child(named name: String) -> Any? {
        switch name {
        case "local": local
        case "short": short
        case "date": date
        case "iso": iso
        default: nil
        }
    }
}

extension InstantView {
    /// An instant (or `–` for every form but `iso` when it is unknown).
    convenience init(_ instant: Instant?, format: DisplayFormat) {
        guard let instant else {
            self.init(local: "–", short: "–", date: "–", iso: "")
            return
        }
        self.init(
            local: format.minute(instant) + " " + format.offset(at: instant), short: format.minute(instant),
            date: format.date(instant).description, iso: instant.isoString)
    }
}

/// One string of a list templates iterate, as `{{#list}}{{value}}{{/list}}`.
struct ListValue: TemplateModel {
    let value: String

    func child(named name: String) -> Any? {
        name == "value" ? value : nil
    }
}
