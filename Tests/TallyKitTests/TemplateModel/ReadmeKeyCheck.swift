import Foundation

@testable import TallyKit

/// Checks `templates/README.md` against the views: every key it documents exists, and
/// every key of every view type is documented.
///
/// The README documents a view under a heading naming its type in parentheses and
/// backticks, ``### usage.html and usage.md (`UsageView`)``, as bullets that start with
/// the keys in backticks (`` - `from`, `to`: instants ``); bullets indented under a key
/// are the keys of its object, or of each element of its list. A key whose value is a
/// type documented under its own heading (an instant) needs no bullets under it.
struct ReadmeKeyCheck {
    /// Type name to a complete sample of it, for every type reachable from the roots.
    let samples: [String: any TemplateModel]

    /// Collects the types reachable from `roots` (complete samples, from `SampleDecoder`).
    init(roots: [any TemplateModel]) {
        var samples: [String: any TemplateModel] = [:]
        var queue = roots
        while let model = queue.popLast() {
            let name = Self.typeName(model)
            guard samples[name] == nil else { continue }
            samples[name] = model
            queue += Self.keys(of: model).flatMap { Self.models(in: $0.value) }
        }
        self.samples = samples
    }

    /// `UsageView`: a type's name without its module.
    static func typeName(_ value: Any) -> String { String(describing: type(of: value)) }

    /// The keys of a view: its stored properties, in order.
    static func keys(of model: any TemplateModel) -> [(label: String, value: Any)] {
        Mirror(reflecting: model).children.compactMap { child in
            child.label.map { ($0, Self.unwrapped(child.value) ?? child.value) }
        }
    }

    /// The views in a value: itself, a list's elements or an optional's content.
    static func models(in value: Any) -> [any TemplateModel] {
        if let model = value as? any TemplateModel { return [model] }
        if let list = value as? [Any] { return list.flatMap(models) }
        return []
    }

    /// The content of an optional, or nil when `value` is none or not an optional.
    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return nil }
        return mirror.children.first?.value
    }

    /// Each problem as `line N: message`; empty when the README and the views agree.
    func problems(in readme: String) -> [String] {
        var problems: [String] = []
        var documented: [String: Set<String>] = [:]
        // The bullets above the current one: indentation and the objects their keys name.
        var parents: [(indent: Int, objects: [any TemplateModel])] = []
        var section: (any TemplateModel)?
        for (index, line) in readme.components(separatedBy: "\n").enumerated() {
            let number = index + 1
            if line.hasPrefix("#") {
                parents = []
                section = nil
                guard let name = Self.headingType(line) else { continue }
                guard let sample = samples[name] else {
                    problems.append("line \(number): `\(name)` is not a view type")
                    continue
                }
                section = sample
                continue
            }
            guard let section, let bullet = Self.bullet(line) else { continue }
            while let last = parents.last, last.indent >= bullet.indent { parents.removeLast() }
            let owners = parents.last?.objects ?? (parents.isEmpty ? [section] : [])
            guard !bullet.keys.isEmpty else {
                problems.append("line \(number): a bullet under a view must start with its key in backticks")
                continue
            }
            if bullet.continued {
                problems.append("line \(number): keep a bullet's keys on its first line")
            }
            var children: [any TemplateModel] = []
            for owner in owners {
                let type = Self.typeName(owner)
                for key in bullet.keys {
                    guard let value = owner.child(named: key) else {
                        problems.append("line \(number): `\(key)` is not a key of \(type)")
                        continue
                    }
                    documented[type, default: []].insert(key)
                    children += Self.models(in: value).prefix(1)
                }
            }
            parents.append((bullet.indent, children))
        }
        for (type, sample) in samples.sorted(by: { $0.key < $1.key }) {
            for key in Self.keys(of: sample).map(\.label) where !documented[type, default: []].contains(key) {
                problems.append("`\(type).\(key)` is not documented")
            }
        }
        return problems
    }

    /// `UsageView` from ``### usage.html and usage.md (`UsageView`)``.
    static func headingType(_ line: String) -> String? {
        guard let open = line.range(of: "(`"), let close = line.range(of: "`)", range: open.upperBound..<line.endIndex) else {
            return nil
        }
        return String(line[open.upperBound..<close.lowerBound])
    }

    /// The indentation and keys of a bullet line: the backticked names before the first
    /// colon or prose outside backticks; `continued` when the line ends in that list
    /// after a comma. Nil for a line that is not a bullet.
    static func bullet(_ line: String) -> (indent: Int, keys: [String], continued: Bool)? {
        let indent = line.prefix { $0 == " " }.count
        guard line.dropFirst(indent).hasPrefix("- ") else { return nil }
        var keys: [String] = []
        var current: String?
        var trailingComma = false
        scan: for character in line.dropFirst(indent + 2) {
            if character == "`" {
                if let name = current { keys.append(name) }
                current = current == nil ? "" : nil
                trailingComma = false
            } else if current != nil {
                current?.append(character)
            } else if character == "," {
                trailingComma = true
            } else if character != " " {
                trailingComma = false
                break scan  // the description starts here
            }
        }
        let identifier = /^[A-Za-z_][A-Za-z0-9_]*$/
        return (indent, keys.filter { $0.wholeMatch(of: identifier) != nil }, trailingComma)
    }
}
