import ArgumentParser
import Foundation
import TallyKit

/// `tally ledger`: inspect and check the ledger of final invoices.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Inspect and verify the ledger of final invoices and adjustment notes.",
        discussion: """
            The ledger (tally report --ledger FILE) records every final invoice and
            adjustment note once, append-only, each entry carrying the SHA-256 of the one
            before. These commands only read it.
            """,
        subcommands: [LedgerList.self, LedgerShow.self, LedgerVerify.self]
    )
}

/// `tally ledger list LEDGER`.
struct LedgerList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Print one tab-separated line per ledger entry (periods, invoices, notes), oldest first.",
        discussion: """
            EXAMPLES:
              tally ledger list /var/lib/tally/ledger.sqlite
              tally ledger list ledger.sqlite | awk -F'\\t' '$2 == "credit"'

            \(ExitCodesHelp.text)
            """
    )

    @Argument(help: "The ledger file.", completion: .file(extensions: ["sqlite", "db"]))
    var ledger: String

    func run() throws {
        try CommandRunner.run(logger: LogSettings().makeLogger()) {
            try LedgerInspection.list(path: ledger) { print($0) }
        }
    }
}

/// `tally ledger show LEDGER NUMBER`.
struct LedgerShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one invoice or adjustment note of the ledger with its lines.",
        discussion: """
            EXAMPLES:
              tally ledger show ledger.sqlite INV-000012

            \(ExitCodesHelp.text)
            """
    )

    @Argument(help: "The ledger file.", completion: .file(extensions: ["sqlite", "db"]))
    var ledger: String

    @Argument(help: "The invoice or note number, e.g. INV-000012 or ADJ-000001.")
    var number: String

    func run() throws {
        try CommandRunner.run(logger: LogSettings().makeLogger()) {
            try LedgerInspection.show(path: ledger, number: number) { print($0) }
        }
    }
}

/// `tally ledger verify LEDGER`.
struct LedgerVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the ledger's hash chain, that every total is the sum of its lines, and that numbers have no gaps.",
        discussion: """
            Prints 'FILE: ok (...)', or every problem, one line each, and exits 65 (66
            when the file is missing or not a ledger). An entry changed, removed or
            inserted after it was recorded breaks the chain from there on.

            EXAMPLES:
              tally ledger verify /var/lib/tally/ledger.sqlite

            \(ExitCodesHelp.text)
            """
    )

    @Argument(help: "The ledger file.", completion: .file(extensions: ["sqlite", "db"]))
    var ledger: String

    func run() throws {
        try CommandRunner.check { try LedgerInspection.verify(path: ledger) }
    }
}
