import Foundation
import Testing
@testable import TallyKit

/// What the generated rows contain: variety, consistency, and the planted anomalies only where planted.
@Suite struct SampleContentTests {
    static func spellingClass(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let separator = bytes.count > 10 ? String(UnicodeScalar(bytes[10])) : "?"
        var digits = 0
        if bytes.count > 19, bytes[19] == UInt8(ascii: ".") {
            var i = 20
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { digits += 1; i += 1 }
        }
        let zone = String(decoding: bytes[(bytes.count > 19 ? 19 + (digits > 0 ? digits + 1 : 0) : bytes.count)...], as: UTF8.self)
        return "\(separator)|\(digits)|\(zone.isEmpty ? "naive" : zone)"
    }

    @Test func smallSampleHasEveryStatusTypeAndSpelling() throws {
        let fixture = try SampleFixture(jobs: 400, formats: [.sqlite])
        defer { fixture.remove() }
        let statuses = Set(try fixture.rows("SELECT DISTINCT status FROM jobs").map { $0[0]! })
        #expect(statuses.isSuperset(of: ["pending", "processing", "completed", "failed", "cancelled", "partial"]))
        #expect(Set(try fixture.rows("SELECT DISTINCT job_type FROM jobs").map { $0[0]! }) == ["single", "batch", "webhook"])
        #expect(Set(try fixture.rows("SELECT DISTINCT status FROM documents").map { $0[0]! })
            == ["pending", "processing", "success", "failed"])
        #expect(try fixture.rows("SELECT count(*) FROM jobs WHERE user_id IS NULL")[0][0].flatMap { Int($0) } ?? 0 > 0)

        let texts = try fixture.rows("SELECT created_at, started_at, completed_at FROM jobs").flatMap { $0 }.compactMap { $0 }
        let classes = Set(texts.map(Self.spellingClass))
        for zone in ["Z", "+00", "+00:00", "+05:30", "-07:00", "naive"] {
            #expect(classes.contains { $0.hasSuffix("|\(zone)") }, "no timestamp with zone \(zone)")
        }
        for digits in [0, 1, 3, 6, 9] {
            #expect(classes.contains { $0.contains("|\(digits)|") }, "no timestamp with \(digits) fraction digits")
        }
        #expect(classes.contains { $0.hasPrefix("T|") } && classes.contains { $0.hasPrefix(" |") })
        let parsed = texts.map { ($0, TimestampParser.parse($0)) }
        #expect(parsed.allSatisfy { $0.1 != nil }, "every generated timestamp parses")
        let sortedByText = parsed.sorted { $0.0 < $1.0 }.map { $0.1! }
        #expect(sortedByText != sortedByText.sorted(), "text order must differ from time order")
    }

    @Test func countersMatchDocumentsExceptPlantedRows() throws {
        let fixture = try SampleFixture(jobs: 400, formats: [.sqlite])
        defer { fixture.remove() }
        let planted = fixture.summary.anomalies
        #expect(Set(planted.keys) == Set(SampleAnomaly.allCases))
        let exceeding = Set(planted[.countersExceedTotal] ?? [])
        let rows = try fixture.rows("""
            SELECT j.id, j.total_documents, j.processed_count, j.failed_count,
              (SELECT count(*) FROM documents d WHERE d.job_id = j.id),
              (SELECT count(*) FROM documents d WHERE d.job_id = j.id AND d.status = 'success'),
              (SELECT count(*) FROM documents d WHERE d.job_id = j.id AND d.status = 'failed')
            FROM jobs j
            """)
        var mismatched: Set<String> = []
        for row in rows {
            let numbers = row[1...].map { Int($0!)! }
            if numbers[0] != numbers[3] || numbers[1] != numbers[4] || numbers[2] != numbers[5] { mismatched.insert(row[0]!) }
        }
        #expect(mismatched == exceeding)
        for id in exceeding {
            let counts = try fixture.rows("SELECT total_documents, processed_count + failed_count FROM jobs WHERE id = '\(id)'")[0]
            #expect(Int(counts[1]!)! > Int(counts[0]!)!)
        }
    }

    @Test func lifecycleTimestampsFollowTheStatusExceptPlantedRows() throws {
        let fixture = try SampleFixture(jobs: 400, formats: [.sqlite])
        defer { fixture.remove() }
        let planted = Set(fixture.summary.anomalies.values.joined())
        var violations: Set<String> = []
        for row in try fixture.rows("SELECT id, status, created_at, started_at, completed_at FROM jobs") {
            let (id, status) = (row[0]!, row[1]!)
            let created = TimestampParser.parse(row[2]!)!
            let started = row[3].flatMap(TimestampParser.parse)
            let completed = row[4].flatMap(TimestampParser.parse)
            let ok: Bool
            switch status {
            case "pending", "queued": ok = started == nil && completed == nil
            case "processing": ok = started.map { $0 > created } == true && completed == nil
            default:
                ok = started.map { $0 > created } == true && completed != nil && completed! >= started!
                    && created.utcDate.year == 2026
            }
            if !ok { violations.insert(id) }
        }
        #expect(violations.isSubset(of: planted))
        let named = fixture.summary.anomalies
        for kind in [SampleAnomaly.completedBeforeStarted, .terminalWithoutCompletedAt, .epochCreatedAt, .farFutureCreatedAt] {
            #expect(violations.isSuperset(of: named[kind] ?? ["missing"]), "\(kind) not visible")
        }
        let tie = try #require(named[.createdAtTie])
        #expect(tie.count == 2)
        let tied = try fixture.rows("SELECT created_at, user_id FROM jobs WHERE id IN ('\(tie[0])', '\(tie[1])')")
        #expect(TimestampParser.parse(tied[0][0]!) == TimestampParser.parse(tied[1][0]!))
    }

    @Test func usersStartWithAliceBobCarol() throws {
        let fixture = try SampleFixture(jobs: 60, users: 12, formats: [.sqlite], anomalies: false)
        defer { fixture.remove() }
        #expect(fixture.summary.anomalies.isEmpty)
        let users = try fixture.rows("SELECT email, full_name, is_active FROM users ORDER BY rowid")
        #expect(users.prefix(3).map { $0[0]! } == ["alice@example.com", "bob@example.com", "carol@example.com"])
        #expect(users[2][1] == "Carol Example")
        #expect(users.contains { $0[0] == "zoë.ünïcode@exämple.com" })
        #expect(users.contains { $0[2] == "0" })
        #expect(users[3][0] == "user4@example.com")
        let owners = Set(try fixture.rows("SELECT user_id FROM jobs WHERE user_id IS NOT NULL").map { $0[0]! })
        #expect(owners.isSubset(of: Set(try fixture.rows("SELECT id FROM users").map { $0[0]! })))
    }
}
