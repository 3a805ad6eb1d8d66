/// The ledger's tables, indexes and the triggers that make it append-only.
enum LedgerSchema {
    /// What `ledger_info.format` says.
    static let format = "tally-ledger 1"

    static let tables = """
        CREATE TABLE IF NOT EXISTS ledger_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS entries (
          seq INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('period', 'invoice', 'credit', 'debit')),
          number TEXT UNIQUE, refers_to TEXT,
          period_label TEXT NOT NULL, period_start TEXT NOT NULL, period_end TEXT NOT NULL,
          first_day TEXT NOT NULL, last_day TEXT NOT NULL,
          customer_id TEXT, customer_email TEXT, customer_name TEXT,
          bill_to_name TEXT, bill_to_address TEXT, bill_to_tax_id TEXT,
          plan TEXT, currency TEXT NOT NULL, usage TEXT, total TEXT NOT NULL,
          issued_at TEXT NOT NULL, issue_date TEXT NOT NULL, due_date TEXT,
          issuer_name TEXT, issuer_address TEXT, issuer_tax_id TEXT, issuer_contact TEXT,
          prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE);
        CREATE INDEX IF NOT EXISTS entries_by_period ON entries (period_start, period_end, kind);
        CREATE INDEX IF NOT EXISTS entries_by_customer ON entries (customer_id, period_start);
        CREATE TABLE IF NOT EXISTS lines (
          seq INTEGER NOT NULL REFERENCES entries (seq), line INTEGER NOT NULL,
          kind TEXT NOT NULL, metric TEXT, model TEXT, quantity TEXT NOT NULL, unit_price TEXT,
          exact_amount TEXT NOT NULL, amount TEXT NOT NULL, PRIMARY KEY (seq, line));
        CREATE TABLE IF NOT EXISTS tiers (
          seq INTEGER NOT NULL, line INTEGER NOT NULL, row INTEGER NOT NULL,
          tier TEXT NOT NULL, range TEXT NOT NULL, quantity TEXT NOT NULL, unit_price TEXT NOT NULL,
          flat_fee TEXT NOT NULL, amount TEXT NOT NULL, PRIMARY KEY (seq, line, row),
          FOREIGN KEY (seq, line) REFERENCES lines (seq, line));
        """

    /// UPDATE and DELETE refused on every table; entries appended in order, lines only to the newest entry.
    static var triggers: String {
        var sql = ""
        for table in ["ledger_info", "entries", "lines", "tiers"] {
            for action in ["UPDATE", "DELETE"] {
                sql += """
                    CREATE TRIGGER IF NOT EXISTS \(table)_no_\(action.lowercased()) BEFORE \(action) ON \(table)
                    BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: \(action) refused'); END;

                    """
            }
        }
        sql += """
            CREATE TRIGGER IF NOT EXISTS entries_in_order BEFORE INSERT ON entries
            WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM entries)
              OR NEW.prev_hash IS NOT coalesce((SELECT hash FROM entries ORDER BY seq DESC LIMIT 1), '\(LedgerChain.genesis)')
            BEGIN SELECT RAISE(ABORT, 'entries are appended in order, each naming the hash of the one before'); END;
            CREATE TRIGGER IF NOT EXISTS lines_of_newest BEFORE INSERT ON lines
            WHEN NEW.seq IS NOT (SELECT max(seq) FROM entries)
            BEGIN SELECT RAISE(ABORT, 'lines are only added to the newest entry'); END;
            CREATE TRIGGER IF NOT EXISTS tiers_of_newest BEFORE INSERT ON tiers
            WHEN NEW.seq IS NOT (SELECT max(seq) FROM entries)
            BEGIN SELECT RAISE(ABORT, 'lines are only added to the newest entry'); END;

            """
        return sql
    }

    /// Creates what is missing (inside the caller's transaction); refuses a database that holds other tables.
    static func create(in db: LedgerDatabase) throws {
        var tables: [String] = []
        try db.query("SELECT name FROM sqlite_master WHERE type = 'table'") { row in
            tables.append(row.text(0) ?? "")
            return true
        }
        if !tables.isEmpty, !tables.contains("entries") {
            throw TallyError.badData(file: db.path, location: nil, message: "not a tally ledger (it holds other tables)")
        }
        try db.execute(Self.tables + Self.triggers)
        try db.query("INSERT OR IGNORE INTO ledger_info (key, value) VALUES ('format', ?)", [.text(format)])
    }

    /// Whether the database holds a ledger.
    static func exists(in db: LedgerDatabase) throws -> Bool {
        var found = false
        try db.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entries'") { _ in
            found = true
            return false
        }
        return found
    }

    static let insertEntry =
        "INSERT INTO entries (seq, \(LedgerEntry.columns.joined(separator: ", ")), hash) VALUES ("
        + Array(repeating: "?", count: LedgerEntry.columns.count + 2).joined(separator: ", ") + ")"
    static let insertLine =
        "INSERT INTO lines (seq, line, \(LedgerLine.columns.joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: LedgerLine.columns.count + 2).joined(separator: ", ") + ")"
    static let insertTier =
        "INSERT INTO tiers (seq, line, row, \(LedgerTier.columns.joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: LedgerTier.columns.count + 3).joined(separator: ", ") + ")"
    static let selectLines = "SELECT \(LedgerLine.columns.joined(separator: ", ")) FROM lines WHERE seq = ? ORDER BY line"
    static let selectTiers = "SELECT line, \(LedgerTier.columns.joined(separator: ", ")) FROM tiers WHERE seq = ? ORDER BY line, row"
}
