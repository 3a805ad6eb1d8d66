import Mustache

/// A template swift-mustache has parsed, read back once as a tree tally renders itself,
/// straight into bytes, with the same output as `MustacheTemplate.render`.
///
/// Why: swift-mustache 2.x spends ~2.3M instructions on an 8 KB invoice page, most of
/// them per lookup (it splits the key's name, casts every object on the stack to several
/// protocols, boxes and concatenates Strings). Here a key's path is split once, each
/// object pushed on the stack is classified once, and text goes to a byte buffer.
///
/// The parse stays swift-mustache's own, so standalone lines, whitespace and content
/// types are exactly its: the tokens are read with `Mirror` (they are not public). Only
/// text, variables, sections, inverted sections, partials and content types are
/// compiled; a template with anything else (transforms, inheritance blocks, dynamic
/// partials) or of another shape than expected compiles to `nil`, and is rendered by
/// swift-mustache. `CompiledTemplateTests` render every built-in template both ways.
struct CompiledTemplate: Sendable {
    /// One token of the template.
    enum Node: Sendable {
        case text([UInt8])
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
        case variable(KeyPath, escaped: Bool)
        case section(KeyPath, inverted: Bool, CompiledTemplate)
        /// `{{> name}}` with the whitespace before a standalone tag.
        case partial(String, indentation: [UInt8]?)
        case contentType(Escaping)
    }

    /// A key as swift-mustache reads it: `.` (the current object), `.name` (on the current
    /// object only) or `a.b.c` (`a` looked up the stack, then `b` and `c` in it).
    struct KeyPath: Sendable {
        var names: [String]
        /// `.` or a name starting with `.`: no climbing up the stack.
        var currentOnly: Bool

        init(_ name: String) {
            currentOnly = name == "." || name.first == "."
            names = name == "." ? [] : name.split(separator: ".").map(String.init)
        }
    }

    /// How a variable's text is escaped, after a `{{% CONTENT_TYPE: X}}` or by default.
    enum Escaping: Sendable {
        /// swift-mustache's own HTML escaping, which holds until a template names a type.
        case mustacheHTML
        /// tally's HTML escaping (`Escape.html`), written byte by byte.
        case html
        /// Any other registered type, through its `escapeText`.
        case other(any MustacheContentType)
    }

    let nodes: [Node]

    /// Reads `template`'s tokens; `nil` when one of them is not of a compiled kind.
    init?(_ template: MustacheTemplate) {
        guard let tokens = Self.field("tokens", of: template) as? [Any] else { return nil }
        var nodes: [Node] = []
        nodes.reserveCapacity(tokens.count)
        for token in tokens {
            // Text tokens stay apart: a partial's indentation goes in at a token's start.
            guard let node = Self.node(token) else { return nil }
            nodes.append(node)
        }
        self.nodes = nodes
    }

    private static func field(_ label: String, of value: Any) -> Any? {
        Mirror(reflecting: value).children.first { $0.label == label }?.value
    }

    /// One token: its case's name and payload (a value, or a tuple of them).
    private static func node(_ token: Any) -> Node? {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let (label, payload) = mirror.children.first.map({ ($0.label, $0.value) }) else { return nil }
        let parts = Mirror(reflecting: payload).displayStyle == .tuple ? Mirror(reflecting: payload).children.map(\.value) : [payload]
        switch (label, parts.count) {
        case ("text", 1):
            guard let text = parts[0] as? String else { return nil }
            return .text(Array(text.utf8))
        case ("variable", 2), ("unescapedVariable", 2):
            guard let name = parts[0] as? String, let transforms = parts[1] as? [String], transforms.isEmpty else { return nil }
            return .variable(KeyPath(name), escaped: label == "variable")
        case ("section", 3), ("invertedSection", 3):
            guard let name = parts[0] as? String, let transforms = parts[1] as? [String], transforms.isEmpty,
                let body = parts[2] as? MustacheTemplate, let compiled = CompiledTemplate(body)
            else { return nil }
            return .section(KeyPath(name), inverted: label == "invertedSection", compiled)
        case ("partial", 3):
            guard let name = parts[0] as? String, type(of: parts[1]) == String?.self, isNil(parts[2]) else { return nil }
            return .partial(name, indentation: (parts[1] as? String).map { Array($0.utf8) })
        case ("contentType", 1):
            guard let type = parts[0] as? any MustacheContentType else { return nil }
            return .contentType(type is TallyContentTypes.HTML ? .html : .other(type))
        default:
            return nil
        }
    }

    /// Whether `value` is an optional holding nothing.
    private static func isNil(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }
}

/// The partials a compiled template may include, compiled, next to the library they come
/// from (a name the library has but that did not compile is rendered by swift-mustache).
struct CompiledLibrary: Sendable {
    let templates: [String: CompiledTemplate]
    let library: MustacheLibrary?

    /// Compiles the templates `names` of `library`.
    init(_ library: MustacheLibrary?, names: some Sequence<String>) {
        var templates: [String: CompiledTemplate] = [:]
        for name in names {
            if let template = library?.getTemplate(named: name), let compiled = CompiledTemplate(template) {
                templates[name] = compiled
            }
        }
        self.templates = templates
        self.library = library
    }
}
