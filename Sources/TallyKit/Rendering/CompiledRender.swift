import Mustache
import Synchronization

/// Renders `CompiledTemplate`s into bytes exactly as swift-mustache 2.x's
/// `Template+Render.swift` renders the templates they were read from: the same lookups up
/// the context stack (a `MustacheParent`'s `child(named:)`, else `Mirror`), the same
/// section rules (sequences, booleans, null renderables, any other value pushed), the
/// same partial indentation (before a token's output when the template's output so far
/// ends with a line feed) and the same escaping per content type.
///
/// What the compiled form does not cover at render time (a lambda, a template as a
/// value) throws `Unsupported`, and the caller renders with swift-mustache instead.
struct CompiledRender {
    /// Something only swift-mustache renders; the whole template goes to it.
    struct Unsupported: Error {}

    /// An object on the context stack, classified once when pushed.
    enum Frame {
        /// A `MustacheParent` (every `TemplateModel`), asked by name.
        case parent(any MustacheParent)
        /// Anything else, looked up as swift-mustache does.
        case other(Any)
    }

    /// What swift-mustache asks of a value by casting it to its protocols, asked once per
    /// type: a cast that fails costs about a thousand instructions, and most do.
    struct Traits {
        var customRepresentation: Bool
        var customRenderable: Bool
        var sequence: Bool
        var parent: Bool
        var lambda: Bool
    }

    let library: CompiledLibrary?
    private(set) var out: [UInt8] = []
    private var stack: [Frame] = []
    private var known: [ObjectIdentifier: Traits] = [:]

    /// Renders `pieces` one after another, each on a fresh context holding `object` (as
    /// `MustacheTemplate.render(_:library:)` does per piece); `nil` when a value needs swift-mustache.
    static func render(_ pieces: [CompiledTemplate], _ object: Any, library: CompiledLibrary?, capacity: Int = 0) -> [UInt8]? {
        var render = CompiledRender(library: library)
        render.out.reserveCapacity(capacity)
        render.stack.reserveCapacity(8)
        do {
            for piece in pieces {
                render.stack = [render.frame(object)]
                try render.render(piece, escaping: .mustacheHTML, indentation: nil)
            }
        } catch {
            return nil
        }
        return render.out
    }

    /// Every render's traits, kept for the next: each page is a new render, and asking a
    /// dozen types again per page cost ~40 failing casts a page.
    private static let sharedTraits = Mutex<[ObjectIdentifier: Traits]>([:])

    private mutating func traits(_ value: Any) -> Traits {
        let type = ObjectIdentifier(Swift.type(of: value))
        if let traits = known[type] { return traits }
        if let traits = Self.sharedTraits.withLock({ $0[type] }) {
            known[type] = traits
            return traits
        }
        let traits = Traits(
            customRepresentation: value is MustacheCustomRepresentation, customRenderable: value is MustacheCustomRenderable,
            sequence: value is any MustacheSequence, parent: value is MustacheParent, lambda: value is MustacheLambda)
        known[type] = traits
        Self.sharedTraits.withLock { $0[type] = traits }
        return traits
    }

    private mutating func frame(_ value: Any) -> Frame {
        frame(value, traits: traits(value))
    }

    private func frame(_ value: Any, traits: Traits) -> Frame {
        if !traits.customRepresentation, traits.parent, let parent = value as? MustacheParent { return .parent(parent) }
        return .other(value)
    }

    private mutating func render(_ template: CompiledTemplate, escaping: CompiledTemplate.Escaping, indentation: [UInt8]?) throws(Unsupported) {
        var escaping = escaping
        let start = out.count
        let indent = indentation.flatMap { $0.isEmpty ? nil : $0 }
        // By index: `for node in` copies every node (and retains its payload) first.
        for i in template.nodes.indices {
            let before = out.count
            switch template.nodes[i] {
            case .text(let bytes): out.append(contentsOf: bytes)
            case .variable(let path, let escaped): try variable(path, escaping: escaped ? escaping : nil)
            case .section(let path, let inverted, let body):
                if inverted {
                    try invertedSection(path, body, escaping: escaping, indentation: indentation)
                } else {
                    try section(path, body, escaping: escaping, indentation: indentation)
                }
            case .partial(let name, let indented):
                try partial(name, indentation: indented.map { (indentation ?? []) + $0 } ?? indentation)
            case .contentType(let type): escaping = type
            }
            if let indent, out.count > before, endsWithLineFeed(start, before) {
                out.insert(contentsOf: indent, at: before)
            }
        }
    }

    /// Whether `out[start..<end]` ends with the character "\n" (not "\r\n", one character in Swift).
    private func endsWithLineFeed(_ start: Int, _ end: Int) -> Bool {
        end > start && out[end - 1] == 0x0A && !(end - 1 > start && out[end - 2] == 0x0D)
    }

    private mutating func variable(_ path: CompiledTemplate.KeyPath, escaping: CompiledTemplate.Escaping?) throws(Unsupported) {
        guard let child = try lookUp(path) else { return }
        if let text = child as? String {
            append(text, escaping: escaping)
            return
        }
        if escaping != nil, child is MustacheTemplate { throw Unsupported() }
        if traits(child).customRenderable, let renderable = child as? MustacheCustomRenderable {
            append(renderable.renderText, escaping: escaping)
        } else if child is MustacheLambda {
            throw Unsupported()
        } else {
            append(String(describing: Self.unwrapped(child)), escaping: escaping)
        }
    }

    private mutating func append(_ text: String, escaping: CompiledTemplate.Escaping?) {
        switch escaping {
        case nil: out.append(contentsOf: text.utf8)
        case .html?: Escape.appendHTML(text, to: &out)
        case .mustacheHTML?: Self.appendMustacheHTML(text, to: &out)
        case .other(let type)?: out.append(contentsOf: type.escapeText(text).utf8)
        }
    }

    /// swift-mustache's own `htmlEscape`: `< > & " '` as whole characters.
    /// ASCII text (every page's numbers, dates and ids) is escaped byte by byte: there each
    /// byte is one character, but for "\r\n", which is not escaped either way.
    private static func appendMustacheHTML(_ text: String, to out: inout [UInt8]) {
        var text = text
        let ascii: Bool = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            var copied = 0
            for (i, b) in bytes.enumerated() {
                let entity: StaticString
                switch b {
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                entity.withUTF8Buffer { out.append(contentsOf: $0) }
                copied = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return true
        }
        if ascii { return }
        for c in text {
            switch c {
            case "<": out.append(contentsOf: "&lt;".utf8)
            case ">": out.append(contentsOf: "&gt;".utf8)
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "\"": out.append(contentsOf: "&quot;".utf8)
            case "'": out.append(contentsOf: "&#39;".utf8)
            default: out.append(contentsOf: c.utf8)
            }
        }
    }

    private mutating func section(_ path: CompiledTemplate.KeyPath, _ body: CompiledTemplate, escaping: CompiledTemplate.Escaping, indentation: [UInt8]?) throws(Unsupported) {
        let child = try lookUp(path)
        if let flag = child as? Bool {
            if flag { try render(body, escaping: escaping, indentation: indentation) }
            return
        }
        guard let child else { return }
        let traits = traits(child)
        if traits.lambda { throw Unsupported() }
        if traits.sequence, let list = child as? any MustacheSequence {
            try each(list, body, escaping: escaping, indentation: indentation)
        } else if traits.customRenderable, let renderable = child as? MustacheCustomRenderable, renderable.isNull {
            return
        } else {
            try within(child, body, escaping: escaping, indentation: indentation)
        }
    }

    private mutating func each<S: Sequence>(_ list: S, _ body: CompiledTemplate, escaping: CompiledTemplate.Escaping, indentation: [UInt8]?) throws(Unsupported) {
        for element in list { try within(element, body, escaping: escaping, indentation: indentation) }
    }

    private mutating func within(_ object: Any, _ body: CompiledTemplate, escaping: CompiledTemplate.Escaping, indentation: [UInt8]?) throws(Unsupported) {
        stack.append(frame(object))
        defer { stack.removeLast() }
        try render(body, escaping: escaping, indentation: indentation)
    }

    private mutating func invertedSection(_ path: CompiledTemplate.KeyPath, _ body: CompiledTemplate, escaping: CompiledTemplate.Escaping, indentation: [UInt8]?) throws(Unsupported) {
        guard let child = try lookUp(path) else { return try render(body, escaping: escaping, indentation: indentation) }
        let traits = traits(child)
        if traits.sequence, let list = child as? any MustacheSequence {
            if Self.isEmpty(list) { try within(list, body, escaping: escaping, indentation: indentation) }
        } else if let flag = child as? Bool {
            if !flag { try render(body, escaping: escaping, indentation: indentation) }
        } else if traits.customRenderable, let renderable = child as? MustacheCustomRenderable, renderable.isNull {
            try render(body, escaping: escaping, indentation: indentation)
        }
    }

    private static func isEmpty<S: Sequence>(_ list: S) -> Bool {
        var iterator = list.makeIterator()
        return iterator.next() == nil
    }

    /// A partial renders on the same stack, in swift-mustache's default HTML escaping
    /// until it names a content type; one the library lacks renders as nothing.
    private mutating func partial(_ name: String, indentation: [UInt8]?) throws(Unsupported) {
        if let template = library?.templates[name] {
            try render(template, escaping: .mustacheHTML, indentation: indentation)
        } else if library?.library?.getTemplate(named: name) != nil {
            throw Unsupported()
        }
    }

    // MARK: Lookups (swift-mustache's `getChild`, without transforms)

    private mutating func lookUp(_ path: CompiledTemplate.KeyPath) throws(Unsupported) -> Any? {
        var child: Any?
        if path.currentOnly || path.names.isEmpty {
            child = try follow(path.names[...], from: Self.value(stack[stack.count - 1]))
        } else {
            // By index: `for frame in` copies every frame first.
            for i in stack.indices.reversed() {
                if let found = Self.immediate(path.names[0], in: stack[i]) {
                    child = try follow(path.names.dropFirst(), from: found)
                    break
                }
            }
        }
        if let found = child, found is String || found is Bool { return found }
        if let found = child, traits(found).customRepresentation, let custom = found as? MustacheCustomRepresentation {
            child = custom.representation
        }
        return child
    }

    private mutating func follow(_ names: ArraySlice<String>, from object: Any) throws(Unsupported) -> Any? {
        var object = object
        for name in names {
            let traits = traits(object)
            if traits.lambda { throw Unsupported() }
            guard let child = Self.immediate(name, in: frame(object, traits: traits)) else { return nil }
            object = child
        }
        return object
    }

    private static func value(_ frame: Frame) -> Any {
        switch frame {
        case .parent(let parent): parent
        case .other(let value): value
        }
    }

    private static func immediate(_ name: String, in frame: Frame) -> Any? {
        switch frame {
        case .parent(let parent):
            return parent.child(named: name)
        case .other(let value):
            let object: Any? = if let custom = value as? MustacheCustomRepresentation { custom.representation } else { value }
            if let parent = object as? MustacheParent { return parent.child(named: name) }
            guard let object else { return nil }
            guard let matched = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
            let mirror = Mirror(reflecting: matched.value)
            guard mirror.displayStyle == .optional else { return matched.value }
            return mirror.children.first?.value
        }
    }

    /// swift-mustache's `unwrapIfAnyContainsOptional`: the value inside an optional, if any.
    private static func unwrapped(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value ?? value
    }
}
