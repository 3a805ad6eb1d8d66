import Mustache

/// A template reduced to what rendering it costs (`TemplateScan` builds it).
indirect enum TemplateNode: Sendable {
    /// Text of this many characters.
    case text(Int)
    /// `{{name}}`, `{{{name}}}` or `{{&name}}`.
    case variable(TemplateKey)
    /// `{{#name}}...{{/name}}` or, inverted, `{{^name}}...{{/name}}`.
    case section(TemplateKey, inverted: Bool, [TemplateNode])
    /// `{{$name}}...{{/name}}`: its default content.
    case block([TemplateNode])
    /// `{{> name}}` or `{{< name}}`.
    case partial(String)
}

/// A key as swift-mustache looks it up: `.`, `a.b.c` (from the nearest object that has
/// `a`), `.a` (from the current object only); a transform's argument (`first(rows)`)
/// stands for the call.
struct TemplateKey: Sendable {
    let parts: [String]
    /// `.` (the current object), or a key starting with `.` (looked up in it only).
    let isDot: Bool, anchored: Bool

    init(_ name: String) {
        var name = Substring(name)
        if let open = name.lastIndex(of: "("), let close = name.firstIndex(of: ")"), open < close {
            name = name[name.index(after: open)..<close]
        }
        isDot = name == "."
        anchored = name.hasPrefix(".")
        parts = name.split(separator: ".").map(String.init)
    }
}

/// How large a template would render with a view, found by walking the view as
/// swift-mustache does (keys looked up the context stack with `child(named:)`, a list
/// repeats its section, `false`, `nil` and an empty list skip it) without building any
/// text, and stopping as soon as the size passes a limit.
///
/// A template renders its text once per element of every list around it, so sections
/// nested over lists multiply: `{{#rows}}{{#rows}}{{#rows}}...` over 500 customers is
/// 125 million copies. Rendering cannot be stopped once it has started; estimating
/// first turns that into a one-line error. Values count their length in UTF-8 bytes (their
/// escaped form may be longer: this is an estimate of the order of magnitude).
struct RenderEstimate {
    /// Partial name to its nodes.
    var partials: [String: [TemplateNode]] = [:]
    /// The size, in characters, above which `add` throws.
    var limit: Int
    /// The nodes visited (a value or section once per element around it) above which
    /// `add` throws: the work of rendering, whatever the size.
    var visitLimit = 1_000_000
    private(set) var size = 0
    private(set) var visits = 0
    /// The context stack of the node being visited.
    private var stack: [Any] = []

    /// The size or the number of visits is over its limit.
    struct Exceeded: Error {}

    init(limit: Int, partials: [String: [TemplateNode]] = [:]) {
        self.limit = limit
        self.partials = partials
    }

    /// Adds what `nodes` render with `root`.
    /// - Throws: `Exceeded` as soon as the size passes `limit` or the visits `visitLimit`.
    mutating func add(_ nodes: [TemplateNode], root: Any) throws(Exceeded) {
        size = 0
        visits = 0
        stack = [root]
        defer { stack = [] }
        try walk(nodes, depth: 0)
    }

    private mutating func grow(_ amount: Int) throws(Exceeded) {
        size += amount
        visits += 1
        if size > limit || visits > visitLimit { throw Exceeded() }
    }

    private mutating func walk(_ nodes: [TemplateNode], depth: Int) throws(Exceeded) {
        for node in nodes {
            switch node {
            case .text(let length):
                try grow(length)
            case .variable(let name):
                let value = Self.resolve(name, in: stack)
                try grow((value as? String)?.utf8.count ?? (value == nil ? 0 : 8))
            case .block(let children):
                try walk(children, depth: depth)
            case .partial(let name):
                // Partials cannot include themselves (`PartialIncludes`); the depth is a second guard.
                guard let children = partials[name], depth < 16 else { continue }
                try walk(children, depth: depth + 1)
            case .section(let name, let inverted, let children):
                try grow(0)
                try section(Self.resolve(name, in: stack), inverted: inverted, children, depth: depth)
            }
        }
    }

    private mutating func section(_ value: Any?, inverted: Bool, _ children: [TemplateNode], depth: Int) throws(Exceeded) {
        switch value {
        case let flag as Bool:
            if flag != inverted { try walk(children, depth: depth) }
        case let list as any MustacheSequence:
            if inverted {
                if Self.isEmpty(list) { try walk(children, depth: depth) }
                return
            }
            try each(list) { (estimate: inout RenderEstimate, element: Any) throws(Exceeded) in
                try estimate.within(element) { (estimate: inout RenderEstimate) throws(Exceeded) in try estimate.walk(children, depth: depth) }
            }
        case .some(let object):
            if !inverted { try within(object) { (estimate: inout RenderEstimate) throws(Exceeded) in try estimate.walk(children, depth: depth) } }
        case .none:
            if inverted { try walk(children, depth: depth) }
        }
    }

    /// Runs `body` with `object` on top of the stack.
    private mutating func within(_ object: Any, _ body: (inout RenderEstimate) throws(Exceeded) -> Void) throws(Exceeded) {
        stack.append(object)
        defer { stack.removeLast() }
        try body(&self)
    }

    private static func isEmpty<S: Sequence>(_ list: S) -> Bool {
        var iterator = list.makeIterator()
        return iterator.next() == nil
    }

    private mutating func each<S: Sequence>(_ list: S, _ body: (inout RenderEstimate, Any) throws(Exceeded) -> Void) throws(Exceeded) {
        for element in list { try body(&self, element) }
    }

    /// The value of a key in a context stack, as swift-mustache finds it.
    static func resolve(_ key: TemplateKey, in stack: [Any]) -> Any? {
        if key.isDot { return stack.last }
        guard let first = key.parts.first else { return nil }
        var value: Any?
        if key.anchored {
            value = stack.last.flatMap { child(first, of: $0) }
        } else {
            for object in stack.reversed() {
                value = child(first, of: object)
                if value != nil { break }
            }
        }
        for part in key.parts.dropFirst() {
            guard let object = value else { return nil }
            value = child(part, of: object)
        }
        return value
    }

    static func child(_ name: String, of object: Any) -> Any? {
        (object as? any MustacheParent)?.child(named: name)
    }
}
