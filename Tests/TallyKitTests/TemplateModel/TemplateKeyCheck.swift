import Foundation
import Mustache

/// Checks that every key a Mustache template uses resolves in the view it is rendered
/// with, looking keys up as swift-mustache does: up the context stack, `child(named:)`
/// on each object, dotted names from the first object that has their first part.
///
/// Run it on a complete sample (`SampleDecoder`): every optional is present and every
/// list has an element, so a key that does not resolve is not in the model at all.
/// Sections push their value (a list its element, a boolean nothing); partials are
/// checked where they are included, in the context there.
struct TemplateKeyCheck {
    /// Partial name to template text.
    var partials: [String: String] = [:]

    /// One key that does not resolve, or a tag the check cannot follow.
    struct Problem: Equatable, CustomStringConvertible {
        var template: String
        var line: Int
        var message: String
        var description: String { "\(template):\(line): \(message)" }
    }

    /// The problems of `text` (named `name` in messages) rendered with `root`.
    func problems(in text: String, named name: String, root: any MustacheParent) -> [Problem] {
        var problems: [Problem] = []
        check(text, named: name, stack: [root], depth: 0, problems: &problems)
        return problems
    }

    private func check(_ text: String, named name: String, stack: [Any], depth: Int, problems: inout [Problem]) {
        // Each open section: its name and the stack inside it (nil when its key did not resolve).
        var open: [(name: String, stack: [Any]?)] = []
        func report(_ line: Int, _ message: String) { problems.append(Problem(template: name, line: line, message: message)) }
        for tag in MustacheTags.scan(text) {
            guard let current = open.last.map(\.stack) ?? stack else {
                // Inside a section whose key is missing: only follow its nesting.
                if tag.kind == .section || tag.kind == .inverted { open.append((tag.name, nil)) }
                if tag.kind == .close { open.removeLast() }
                continue
            }
            switch tag.kind {
            case .comment, .pragma:
                continue
            case .unsupported:
                report(tag.line, "`{{\(tag.name)}}`: delimiters and blocks are not checked")
            case .variable:
                if Self.resolve(tag.name, in: current) == nil { report(tag.line, "`\(tag.name)` is not a key of \(Self.path(current))") }
            case .section, .inverted:
                guard let value = Self.resolve(tag.name, in: current) else {
                    report(tag.line, "`\(tag.name)` is not a key of \(Self.path(current))")
                    open.append((tag.name, nil))
                    continue
                }
                guard tag.kind == .section else {
                    open.append((tag.name, current))
                    continue
                }
                switch value {
                case let list as [Any]:
                    guard let first = list.first else {
                        report(tag.line, "`\(tag.name)`: the sample list is empty, its keys cannot be checked")
                        open.append((tag.name, nil))
                        continue
                    }
                    open.append((tag.name, current + [first]))
                case is Bool:
                    open.append((tag.name, current))
                default:
                    open.append((tag.name, current + [value]))
                }
            case .close:
                guard open.last?.name == tag.name else {
                    report(tag.line, "`{{/\(tag.name)}}` closes no open section")
                    return
                }
                open.removeLast()
            case .partial:
                guard let partial = partials[tag.name] else {
                    report(tag.line, "partial `\(tag.name)` does not exist")
                    continue
                }
                guard depth < 8 else {
                    report(tag.line, "partial `\(tag.name)` is nested too deeply")
                    continue
                }
                check(partial, named: tag.name, stack: current, depth: depth + 1, problems: &problems)
            }
        }
    }

    /// The value of a (dotted) key in a context stack, as swift-mustache finds it.
    static func resolve(_ name: String, in stack: [Any]) -> Any? {
        if name == "." { return stack.last }
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        let start: Any?
        if name.hasPrefix(".") {
            start = stack.last.flatMap { child(first, of: $0) }
        } else {
            start = stack.reversed().lazy.compactMap { child(first, of: $0) }.first
        }
        return parts.dropFirst().reduce(start) { object, part in object.flatMap { child(part, of: $0) } }
    }

    /// One key of one object: `child(named:)`, else the stored property of that name.
    static func child(_ name: String, of object: Any) -> Any? {
        if let parent = object as? any MustacheParent { return parent.child(named: name) }
        return Mirror(reflecting: object).children.first { $0.label == name }?.value
    }

    /// `UsageView > HeadlineCardView`: the types on a stack, for messages.
    static func path(_ stack: [Any]) -> String {
        stack.map { String(describing: type(of: $0)) }.joined(separator: " > ")
    }
}

/// The tags of a Mustache template, with the delimiters `{{ }}`.
enum MustacheTags {
    enum Kind: Equatable { case variable, section, inverted, close, partial, comment, pragma, unsupported }

    struct Tag: Equatable {
        var kind: Kind
        /// The key, partial name or tag text, trimmed; a transform's argument (`{{ first(rows) }}` → `rows`).
        var name: String
        var line: Int
    }

    /// Every tag in order.
    static func scan(_ text: String) -> [Tag] {
        var tags: [Tag] = []
        var rest = Substring(text)
        var line = 1
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].count { $0 == "\n" }
            let triple = rest[open.upperBound...].hasPrefix("{")
            let body = rest[(triple ? rest.index(after: open.upperBound) : open.upperBound)...]
            guard let close = body.range(of: triple ? "}}}" : "}}") else { break }
            let inner = body[..<close.lowerBound]
            tags.append(tag(inner, triple: triple, line: line))
            line += inner.count { $0 == "\n" }
            rest = body[close.upperBound...]
        }
        return tags
    }

    private static func tag(_ inner: Substring, triple: Bool, line: Int) -> Tag {
        let trimmed = inner.trimmingCharacters(in: .whitespaces)
        let sigil = triple ? nil : trimmed.first
        let kinds: [Character: Kind] = [
            "#": .section, "^": .inverted, "/": .close, ">": .partial, "!": .comment, "%": .pragma, "&": .variable,
            "=": .unsupported, "$": .unsupported, "<": .unsupported,
        ]
        guard let sigil, let kind = kinds[sigil] else { return Tag(kind: .variable, name: argument(trimmed), line: line) }
        let name = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
        return Tag(kind: kind, name: kind == .unsupported ? trimmed : argument(name), line: line)
    }

    /// `first(rows)` → `rows`; a plain name unchanged.
    private static func argument(_ name: String) -> String {
        guard let open = name.lastIndex(of: "("), let close = name.firstIndex(of: ")"), open < close else { return name }
        return String(name[name.index(after: open)..<close])
    }
}
