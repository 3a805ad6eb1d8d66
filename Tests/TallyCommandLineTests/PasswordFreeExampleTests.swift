import ArgumentParser
import Foundation
import Testing
@testable import tally

/// No help screen, man page or document shows a database address with a password
/// in it: examples are copied into crontabs, and a crontab is readable by `ps`.
@Suite struct PasswordFreeExampleTests {
    /// `scheme://user:secret@`: user info with a password.
    static let withPassword = try! NSRegularExpression(pattern: #"postgres(ql)?://[^/@\s'"]*:[^/@\s'"]*@"#)

    static func addressesWithPasswords(in text: String) -> [String] {
        withPassword.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    @Test func helpScreensShowNoPassword() {
        for (path, type) in ExampleLines.commands() {
            let help = Tally.helpMessage(for: type, columns: 1 << 20)
            #expect(Self.addressesWithPasswords(in: help).isEmpty, "tally \(path.joined(separator: " ")) --help")
        }
        #expect(Tally.helpMessage(for: StatsCommand.self, columns: 1 << 20).contains("postgresql://"))
    }

    @Test func documentsShowNoPassword() throws {
        let root = ExampleLines.packageRoot.path
        for file in try ExampleLines.documentationFiles() + [root + "/docs/man/tally.1"] {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(Self.addressesWithPasswords(in: text).isEmpty, "\(file)")
        }
        #expect(!Self.addressesWithPasswords(in: "postgresql://tally:s3cret@db/h").isEmpty, "the check finds one")
        #expect(Self.addressesWithPasswords(in: "postgresql://tally@db:5432/h").isEmpty)
    }
}
