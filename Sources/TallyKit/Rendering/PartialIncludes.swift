/// The rule for `{{> name}}`: a template includes only partials that exist for it, and
/// no partial includes itself, directly or through others.
///
/// swift-mustache renders a missing partial as nothing and follows a partial that
/// includes itself until the stack overflows (a crash with no message), so both are
/// refused when the templates are loaded. The check is on the text: an include inside a
/// section that would never open counts all the same, which makes the depth of partials
/// at most the number of partials.
enum PartialIncludes {
    /// A partial that may be included: the file it comes from and what it includes.
    struct Partial {
        var path: String
        var uses: [TemplateOutline.PartialUse]
    }

    /// Checks that each of `uses` (of the template at `path`) names one of `available`.
    /// - Throws: `TallyError.badData` naming the file and line of an include that does not exist.
    static func check(_ uses: [TemplateOutline.PartialUse], in path: String, available: [String: Partial]) throws {
        for use in uses where available[use.name] == nil {
            let known = available.keys.sorted().joined(separator: ", ")
            throw TallyError.badData(
                file: path, location: "line \(use.line)",
                message: "partial `\(use.name)` does not exist (" + (known.isEmpty ? "this template includes no partials)" : "partials here: \(known))"))
        }
    }

    /// Checks every partial's includes, and that following them never comes back to a partial.
    /// - Throws: `TallyError.badData` naming the file and line of the include that closes a cycle.
    static func checkPartials(_ partials: [String: Partial]) throws {
        for (_, partial) in partials.sorted(by: { $0.key < $1.key }) {
            try check(partial.uses, in: partial.path, available: partials)
        }
        for name in partials.keys.sorted() {
            try follow(name, chain: [name], partials: partials)
        }
    }

    private static func follow(_ name: String, chain: [String], partials: [String: Partial]) throws {
        guard let partial = partials[name] else { return }
        for use in partial.uses {
            if chain.contains(use.name) {
                let path = (chain + [use.name]).joined(separator: " > ")
                throw TallyError.badData(
                    file: partial.path, location: "line \(use.line)",
                    message: "partial `\(use.name)` would include itself without end (\(path)); partials may not include themselves")
            }
            try follow(use.name, chain: chain + [use.name], partials: partials)
        }
    }
}
