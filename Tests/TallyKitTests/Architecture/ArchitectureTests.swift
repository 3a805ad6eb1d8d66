import Foundation
import Testing

/// TallyKit's folders are layers and data flows one way: a file uses its own
/// layer and those below, never a higher or sibling one (README, "Design").
@Suite struct ArchitectureTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let kitRoot = packageRoot.appendingPathComponent("Sources/TallyKit")

    @Test func everyFileUsesOnlyItsOwnLayerAndThoseBelow() throws {
        let violations = LayerCheck.violations(in: try LayerCheck.sources(under: Self.kitRoot))
        #expect(violations.isEmpty, "back-edges:\n\(violations.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyFolderIsALayer() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.kitRoot.path).filter { !$0.hasPrefix(".") }
        #expect(Set(folders) == Set(LayerCheck.ranks.keys))
    }

    /// The issue's own example: the report model moved back into Rendering makes
    /// every aggregate that builds it a back-edge.
    @Test func theReportModelInRenderingIsCaught() throws {
        var files = try LayerCheck.sources(under: Self.kitRoot)
        let model = files.removeValue(forKey: "Model/Report/UsageReport.swift")
        try #require(model != nil)
        files["Rendering/UsageReport.swift"] = model
        let violations = LayerCheck.violations(in: files)
        #expect(violations.contains { $0.file.hasPrefix("Aggregation/") && $0.name == "UsageReport" })
    }

    @Test func siblingsMayNotUseEachOther() {
        let files = [
            "Input/Reader.swift": "struct Reader { var lock: OutputLock }",
            "Output/OutputLock.swift": "struct OutputLock {}",
        ]
        #expect(LayerCheck.violations(in: files) == [.init(file: "Input/Reader.swift", name: "OutputLock", definedIn: "Output/OutputLock.swift")])
    }

    @Test func commentsStringsAndNestedNamesAreNotUses() {
        let files = [
            "Model/Thing.swift": """
                /// Rendered by `Renderer`.
                struct Thing {
                    struct Renderer {}
                    var label = "Renderer /* not a comment"
                    var more = #"a "Renderer" here"#
                }
                """,
            "Rendering/Renderer.swift": "struct Renderer {}",
        ]
        #expect(LayerCheck.violations(in: files).isEmpty)
    }

    @Test func interpolationsAreCode() {
        let files = [
            "Model/Thing.swift": #"let label = "x \(Renderer.name) y""#,
            "Rendering/Renderer.swift": "enum Renderer { static let name = \"r\" }",
        ]
        #expect(LayerCheck.violations(in: files).map(\.name) == ["Renderer"])
    }

    /// README's layer table lists the folders in rank order.
    @Test func readmeShowsTheSameLayers() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = try #require(readme.range(of: "| rank | layer | holds |"))
        let rows = readme[table.upperBound...].split(separator: "\n").prefix { $0.hasPrefix("|") }
        var documented: [String: Int] = [:]
        for line in rows {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, let rank = Int(cells[0]) else { continue }
            for folder in cells[1].split(separator: ",") {
                documented[folder.trimmingCharacters(in: CharacterSet(charactersIn: " `"))] = rank
            }
        }
        #expect(documented == LayerCheck.ranks)
    }
}

/// TallyKit's `public` surface is what docs/library.md lists, nothing more.
@Suite struct PublicSurfaceTests {
    static let documented: Set<String> = [
        "Input/HistorySource.swift", "Input/SourceOpener.swift", "Model/Records.swift", "Model/RecordLocation.swift",
        "Model/Instant.swift", "Model/Instant+Format.swift", "Model/TimestampParser.swift", "Support/TallyError.swift",
    ]

    @Test func publicSurfaceIsOnlyTheDocumentedFiles() throws {
        let files = try LayerCheck.sources(under: ArchitectureTests.kitRoot)
        let withPublic = files.filter { _, text in
            CodeText.strippingCommentsAndLiterals(text).split(separator: "\n").contains {
                $0.split(separator: " ").contains("public")
            }
        }
        #expect(Set(withPublic.keys).subtracting(Self.documented).isEmpty, "undocumented public API in \(Set(withPublic.keys).subtracting(Self.documented).sorted())")
        let doc = try String(contentsOf: ArchitectureTests.packageRoot.appendingPathComponent("docs/library.md"), encoding: .utf8)
        for file in Self.documented { #expect(doc.contains("`\(file)`"), "docs/library.md does not list \(file)") }
    }
}
