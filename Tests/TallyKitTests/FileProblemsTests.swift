import Foundation
import Testing
@testable import TallyKit

/// Plan and config checks report every problem in the file, one line each, in file order.
@Suite struct FileProblemsTests {
    static func planProblems(_ text: String) throws -> [String] {
        try #require(throws: FileProblems.self) { try PlanLoader.parse(text, file: "plan.yaml") }.lines
    }

    static func breaking(_ replacements: [(String, String)]) -> String {
        replacements.reduce(validPlanYAML) { text, change in
            #expect(text.contains(change.0), "the valid plan has no '\(change.0)'")
            return text.replacingOccurrences(of: change.0, with: change.1)
        }
    }

    @Test func threeIndependentPlanProblemsGiveThreeLines() throws {
        let text = Self.breaking([
            ("discount_percent: \"10\"", "discount_percent: \"110\""),
            ("currency: USD", "currency: USX"),
            ("model: package", "model: tierd"),
        ])
        #expect(
            try Self.planProblems(text) == [
                "plan.yaml:1: currency: unknown currency 'USX'; did you mean 'USD'? (expected an ISO 4217 code such as "
                    + "USD, EUR, JPY)",
                "plan.yaml:17: plans.starter.charges[1].model: unknown model 'tierd' (expected one of: per_unit, graduated, "
                    + "volume, package; did you mean 'graduated' (each tier prices its own units) or 'volume' (one tier "
                    + "prices all units)?)",
                "plan.yaml:27: customers.alice@example.com.discount_percent: percent '110' is above 100",
            ])
    }

    @Test func problemsInOneChargeAndItsTiersAreEachReported() throws {
        let text = Self.breaking([
            ("up_to: 10000", "up_to: 50"),
            ("unit_price: \"0.03\"", "unit_price: 0.03"),
            ("package_size: 1000", "package_size: 0"),
            ("package_price: \"0.002\"", "package_price: \"0.002\"\n        unit_price: \"1\""),
        ])
        #expect(try Self.planProblems(text).map { $0.prefix(while: { $0 != " " }) } == [
            "plan.yaml:14:", "plan.yaml:15:", "plan.yaml:18:", "plan.yaml:20:",
        ])
    }

    /// A problem is reported once, not again through what depends on it.
    @Test(arguments: [
        // No plans: default_plan and the customers' plans cannot be checked against them.
        (("plans:\n", "planz:\n"), "plan.yaml:5: planz: unknown key 'planz' in the plan file; did you mean 'plans'?"),
        // An unknown model: its keys cannot be checked.
        (("model: package", "model: packet"), "plan.yaml:17: plans.starter.charges[1].model: unknown model 'packet'"),
        // A misspelt required key is reported as unknown with a suggestion, not also as missing.
        (("unit_price: \"0.0004\"", "unit_prize: \"0.0004\""), "plan.yaml:25: plans.pro.charges[0].unit_prize: unknown key"),
        // A plan with a problem is still a plan that customers and default_plan may name.
        (("base_fee: \"19.00\"", "base_fee: \"-19.00\""), "plan.yaml:7: plans.starter.base_fee: negative amount"),
    ])
    func dependentProblemsAreNotRepeated(change: (String, String), expected: String) throws {
        let lines = try Self.planProblems(Self.breaking([change]))
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.hasPrefix(expected) == true, "\(lines)")
    }

    @Test func threeIndependentConfigProblemsGiveThreeLines() throws {
        let problems = try #require(ConfigFixture.error(["jobs: four", "out: reports", "timezon: UTC", "strict: 'yes'"]))
        #expect(problems.exitStatus == .dataError)
        #expect(problems.lines.count == 3)
        #expect(problems.lines[0] == "tally.yaml:1: jobs: expected a whole number, found 'four'")
        #expect(problems.lines[1].hasPrefix("tally.yaml:3: unknown key 'timezon'; did you mean 'timezone'?"))
        #expect(problems.lines[2] == "tally.yaml:4: strict: expected true or false, found 'yes'")
        #expect(problems.description == problems.lines.joined(separator: "\n"))
    }

    @Test func problemsPastTheLimitAreCounted() throws {
        let customers = (0..<150).map { "  c\($0): { plan: starter, discount: \"1\" }" }.joined(separator: "\n")
        let lines = try Self.planProblems(validPlanYAML.replacingOccurrences(of: "customers:\n", with: "customers:\n\(customers)\n"))
        #expect(lines.count == 101)
        #expect(lines.last == "plan.yaml: 50 more problems not shown")
    }
}

/// The one YAML reader plans and configs share: its limits and its messages.
@Suite struct YAMLDocumentTests {
    /// Nine lists of nine aliases each: 9^9 values from ten short lines.
    static let billionLaughs = (["a: &a [x, x, x, x, x, x, x, x, x]"] + zip("bcdefghij", "abcdefghi").map { name, previous in
        "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]"
    }).joined(separator: "\n")

    @Test func aliasesExpandingPastTheLimitAreRefusedQuickly() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let problem = try #require(throws: FileProblem.self) { try YAMLDocument.parse(Self.billionLaughs, file: "x.yaml") }
        #expect(problem.description.hasPrefix("x.yaml: more than 1000000 values once aliases are expanded"))
        #expect(clock.now - start < .seconds(20))
        // Both loaders go through it.
        #expect(throws: FileProblems.self) { try PlanLoader.parse(Self.billionLaughs, file: "p.yaml") }
        #expect(throws: FileProblems.self) { try ConfigFixture.parse(Self.billionLaughs) }
    }

    @Test func aFewAliasesAreFine() throws {
        let text = "base: &base [a, b]\nmore: *base\nagain: *base\n"
        let root = try #require(try YAMLDocument.parse(text, file: "x.yaml"))
        let entries = try root.entries(what: "things", problems: ProblemList(file: "x.yaml"))
        #expect(entries.map(\.key) == ["base", "more", "again"])
        #expect(try entries[2].value.items(what: "letters").map { try $0.text() } == ["a", "b"])
    }

    @Test func emptyDocumentIsNil() throws {
        #expect(try YAMLDocument.parse("# only a comment\n", file: "x.yaml") == nil)
    }

    @Test func oversizedAndBinaryFilesAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = dir.appendingPathComponent("big.yaml").path
        try Data(repeating: UInt8(ascii: "#"), count: YAMLDocument.maxBytes + 1).write(to: URL(fileURLWithPath: big))
        let tooBig = try #require(throws: FileProblems.self) { try YAMLDocument.read(path: big, what: "plan file") }
        #expect(tooBig.lines == ["\(big): larger than 4 MiB, far more than any plan file needs"])
        let binary = dir.appendingPathComponent("bin.yaml").path
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: binary))
        let notText = try #require(throws: FileProblems.self) { try ConfigLoader.load(path: binary) }
        #expect(notText.lines == ["\(binary): not UTF-8 text"])
        #expect(throws: TallyError.cannotOpen(file: dir.path, message: "cannot read config file")) {
            try ConfigLoader.load(path: dir.path)
        }
    }
}
