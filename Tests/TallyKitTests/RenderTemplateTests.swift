import Foundation
import Testing

@testable import TallyKit

/// Built-in templates, overrides from a directory, and template errors.
@Suite struct RenderTemplateTests {
    static let templatesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates")

    @Test func builtInTemplatesMatchTheTemplatesDirectory() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.templatesDirectory.path)
            .filter { $0 != "README.md" }.sorted()
        #expect(names == BuiltInTemplates.files.keys.sorted(), "run scripts/embed-templates.sh")
        #expect(names == TemplateSet.fileNames.sorted())
        for name in names {
            let text = try String(contentsOf: Self.templatesDirectory.appendingPathComponent(name), encoding: .utf8)
            #expect(BuiltInTemplates.files[name] == text, "\(name) differs from BuiltInTemplates.swift: run scripts/embed-templates.sh")
        }
    }

    func temporaryDirectory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tally-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir.path
    }

    @Test func overrideReplacesByNameAndMissingFilesFallBackWithWarnings() throws {
        let dir = try temporaryDirectory(["usage.md.mustache": "{{% CONTENT_TYPE: MARKDOWN}}\nReport {{period.label}} for {{#customers}}{{#rows}}{{user}};{{/rows}}{{/customers}}\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (set, warnings) = try TemplateSet.load(overrides: dir)
        #expect(warnings.count == TemplateSet.fileNames.count - 1)
        #expect(warnings.allSatisfy { $0.contains("not found, using the built-in") })
        #expect(warnings.contains { $0.hasSuffix("usage.html.mustache: not found, using the built-in usage.html.mustache") })
        var report = RenderFixture.report()
        report.customers[0].email = "a|b"
        let files = try ReportRenderer(templates: set, zone: RenderFixture.zone, csvBOM: false).render(report, formats: [.md, .html])
        #expect(String(decoding: files[1].bytes, as: UTF8.self) == "Report 2026-03 for a\\|b;bo@example.org;anonymous;\n")
        #expect(String(decoding: files[0].bytes, as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
    }

    @Test func templateSyntaxErrorNamesFileAndLine() throws {
        let dir = try temporaryDirectory(["usage.html.mustache": "<html>\n<body>\n{{#rows}}\n{{name}}\n</body>\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try TemplateSet.load(overrides: dir)
            Issue.record("expected an error")
        } catch let error as TallyError {
            guard case .badData(let file, let location, _) = error else { Issue.record("\(error)"); return }
            #expect(file == dir + "/usage.html.mustache")
            #expect(location?.hasPrefix("line ") == true)
            #expect(error.exitStatus == .dataError)
            #expect(error.description.hasPrefix(dir + "/usage.html.mustache: line "))
        }
    }

    @Test func unknownPragmaIsAnError() throws {
        let dir = try temporaryDirectory(["usage.md.mustache": "line one\n{{% CONTENT_TYPE: NOPE}}\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: TallyError.self) { try TemplateSet.load(overrides: dir) }
    }

    @Test func scriptThatClosesItsTagIsRejected() throws {
        let dir = try temporaryDirectory(["usage.js": "var a = 1;\nvar b = '</SCRIPT>';\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(throws: TallyError.badData(file: dir + "/usage.js", location: "line 2", message: "contains '</script', which would end the inline element")) {
            try TemplateSet.load(overrides: dir)
        }
    }

    @Test func missingDirectoryIsAnError() {
        #expect(throws: TallyError.self) { try TemplateSet.load(overrides: "/nonexistent/tally-templates") }
    }

    @Test func builtInLoadHasNoWarnings() throws {
        let (_, warnings) = try TemplateSet.load(overrides: nil)
        #expect(warnings.isEmpty)
    }
}
