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

    /// The location and message of the error loading `files` gives, with the directory's path removed.
    func loadError(_ files: [String: String]) throws -> String? {
        let dir = try temporaryDirectory(files)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try TemplateSet.load(overrides: dir)
            return nil
        } catch let error as TallyError {
            #expect(error.exitStatus == .dataError)
            return error.description.replacingOccurrences(of: dir + "/", with: "")
        }
    }

    @Test func partialThatIncludesItselfIsRefusedNamingIt() throws {
        let lines = try #require(BuiltInTemplates.files["invoice-lines.html.mustache"])
        #expect(
            try loadError(["invoice-lines.html.mustache": "x{{> invoice-lines}}" + lines])
                == "invoice-lines.html.mustache: line 1: partial `invoice-lines` would include itself without end (invoice-lines > invoice-lines); partials may not include themselves")
        #expect(
            try loadError(["invoice-lines.html.mustache": "{{> billing-jobs}}", "billing-jobs.html.mustache": "\n{{#a}}{{> invoice-lines}}{{/a}}"])
                == "invoice-lines.html.mustache: line 1: partial `billing-jobs` would include itself without end (billing-jobs > invoice-lines > billing-jobs); partials may not include themselves")
    }

    @Test func partialThatDoesNotExistIsRefused() throws {
        #expect(
            try loadError(["billing.html.mustache": "a\n{{> invoice-line}}"])
                == "billing.html.mustache: line 2: partial `invoice-line` does not exist (partials here: billing-jobs, billing-party, invoice-lines)")
        #expect(
            try loadError(["usage.html.mustache": "{{> invoice-lines}}"])
                == "usage.html.mustache: line 1: partial `invoice-lines` does not exist (this template includes no partials)")
        #expect(try loadError(["billing.md.mustache": "{{> billing-jobs}}"])?.hasPrefix("billing.md.mustache: line 1: partial `billing-jobs` does not exist") == true)
    }

    @Test func hostileTemplatesGetOneLineErrors() throws {
        #expect(try loadError(["usage.md.mustache": "a\n{{#rows}}\n"]) == "usage.md.mustache: line 2: {{#rows}} is never closed")
        #expect(try loadError(["usage.md.mustache": "{{#a}}{{/b}}"]) == "usage.md.mustache: line 1: {{/b}} closes {{#a}} of line 1")
        let deep = String(repeating: "{{#a}}", count: 50_000) + String(repeating: "{{/a}}", count: 50_000)
        #expect(try loadError(["invoice.html.mustache": deep]) == "invoice.html.mustache: line 1: sections are nested more than 32 deep")
        let big = String(repeating: "x", count: TemplateSet.maxFileSize + 1)
        #expect(try loadError(["usage.css": big]) == "usage.css: template is larger than 4 MiB")
        let section = "{{#rows}}\n" + String(repeating: "<p>{{title}}</p>\n", count: 100_000) + "{{/rows}}\n"
        #expect(try loadError(["usage.html.mustache": section]) == "usage.html.mustache: line 1: lines 1-100002 (1700020 characters) hold too many tags to parse as one section: split the section")
    }

    @Test func largeTemplateLoadsAndRendersQuickly() throws {
        // The 1.6 MB page of issue 12, which swift-mustache alone parses in 545 s.
        let page = String(repeating: "<p>{{title}}</p>", count: 100_000)
        let dir = try temporaryDirectory(["usage.html.mustache": page])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let start = ContinuousClock.now
        let (set, _) = try TemplateSet.load(overrides: dir)
        let html = try ReportRenderer(templates: set, zone: RenderFixture.zone, csvBOM: false).render(RenderFixture.report(), formats: [.html])
        #expect(String(decoding: html[0].bytes, as: UTF8.self) == String(repeating: "<p>Usage report 2026-03</p>", count: 100_000))
        #expect(ContinuousClock.now - start < .seconds(60), "a few seconds in a debug build, under one in a release build")
    }

    @Test func builtInLoadHasNoWarnings() throws {
        let (_, warnings) = try TemplateSet.load(overrides: nil)
        #expect(warnings.isEmpty)
    }
}
