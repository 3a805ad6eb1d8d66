import Foundation

/// The layers of `Sources/TallyKit`, lowest first, and the check that code only
/// uses its own layer and those below.
///
/// A layer is a top-level folder. Folders of equal rank (Input and Output,
/// Billing and Stats) are siblings: neither may use the other. README's Design
/// section shows the same table; `ArchitectureTests` checks that they agree.
enum LayerCheck {
    /// Folder name to rank, lowest first.
    static let ranks: [String: Int] = [
        "Support": 0,
        "Model": 1,
        "Input": 2, "Output": 2,
        "Aggregation": 3,
        "Billing": 4, "Stats": 4,
        "Rendering": 5,
        "Run": 6,
    ]

    /// A file's use of a type defined in a layer it may not use.
    struct Violation: Equatable, CustomStringConvertible {
        var file: String
        var name: String
        var definedIn: String

        var description: String { "\(file) uses \(name), defined in \(definedIn)" }
    }

    /// The layer (top-level folder) of a path relative to `Sources/TallyKit`.
    static func layer(of path: String) -> String {
        String(path.prefix { $0 != "/" })
    }

    /// Every use, in `files` (relative path to source text), of a type, protocol or
    /// typealias declared at the top level of a file in a higher or sibling layer.
    ///
    /// A name that the using file's own layer, or a layer below it, also declares
    /// (nested types such as `BillingUsageTally.UnbilledJob` included) resolves there
    /// and is not counted.
    static func violations(in files: [String: String]) -> [Violation] {
        let code = files.mapValues(CodeText.strippingCommentsAndLiterals)
        var topLevel: [String: [String]] = [:]  // name -> files declaring it at the top level
        var anywhere: [String: Set<String>] = [:]  // name -> layers declaring it at any depth
        for (path, text) in code {
            for declaration in CodeText.declarations(in: text) {
                if declaration.topLevel { topLevel[declaration.name, default: []].append(path) }
                anywhere[declaration.name, default: []].insert(layer(of: path))
            }
        }
        var found: [Violation] = []
        for (path, text) in code.sorted(by: { $0.key < $1.key }) {
            let own = layer(of: path)
            guard let rank = ranks[own] else { continue }
            let visible = { (other: String) -> Bool in
                other == own || (ranks[other].map { $0 < rank } ?? false)
            }
            for name in CodeText.typeNames(in: text).sorted() {
                guard let definers = topLevel[name], !definers.contains(path) else { continue }
                if anywhere[name, default: []].contains(where: visible) { continue }
                for definer in definers.sorted() where !visible(layer(of: definer)) {
                    found.append(Violation(file: path, name: name, definedIn: definer))
                }
            }
        }
        return found
    }

    /// Every `.swift` file under `root`, by path relative to it.
    static func sources(under root: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }
}
