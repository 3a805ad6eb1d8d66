import Mustache

/// A value a Mustache template reads by key: one struct per object of the view model,
/// each stored property a key (a string, a boolean for sections, a list or another
/// `TemplateModel`).
///
/// `child(named:)` answers each stored property by name (a `switch`, which swift-mustache
/// reads several times faster than it reflects a plain struct); an optional property
/// answers `nil` when absent, so the lookup goes on up the context stack as Mustache
/// specifies. `templates/README.md` documents every key: `TemplateModelTests` checks
/// that each property is answered, that every key a built-in template uses exists, and
/// that the README names exactly these keys.
///
/// `Decodable` is there so that a complete sample of any view (every optional present,
/// every list one long) can be made without data, from the type alone.
protocol TemplateModel: MustacheParent, Sendable, Decodable {}
