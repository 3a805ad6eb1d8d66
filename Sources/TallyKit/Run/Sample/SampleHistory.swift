/// The deterministic history: users first, then jobs one by one with their documents.
///
/// All randomness comes from one `SampleRandom` stream consumed in a fixed
/// order, so a seed names one history; writers only serialise what this yields.
struct SampleHistory: Sendable {
    /// Job shapes; `anomaly` is set on the rows planted on purpose.
    struct Plan: Sendable {
        var status: String?
        var userIndex: Int?
        var created: Instant?
        var anomaly: SampleAnomaly?
    }

    var rng: SampleRandom
    let options: SampleOptions
    let windowStart: Instant
    private(set) var users: [SampleUserRow] = []
    /// Planted rows by job index.
    private var plans: [Int: Plan] = [:]
    /// Job ids of the planted anomalies, filled as jobs are generated.
    private(set) var planted: [SampleAnomaly: [String]] = [:]
    /// The shared created_at of the two tied jobs.
    private var tieInstant: Instant

    init(options: SampleOptions) {
        self.options = options
        self.rng = SampleRandom(seed: options.seed)
        self.windowStart = Instant(microseconds: options.end.microseconds - Int64(options.days) * 86_400_000_000)
        self.tieInstant = Instant(seconds: options.end.seconds - 3 * 3600 - 17)
        for index in 0..<options.users { users.append(makeUser(index)) }
        if options.anomalies { plans = Self.anomalyPlans(jobs: options.jobs, tie: tieInstant) }
    }

    /// Where each anomaly goes: spread over the jobs, carol's (alice's for the tie).
    static func anomalyPlans(jobs: Int, tie: Instant) -> [Int: Plan] {
        let kinds = SampleAnomaly.allCases
        guard jobs >= 4 * (kinds.count + 2) else { return [:] }
        var plans: [Int: Plan] = [:]
        for (k, kind) in kinds.enumerated() {
            let index = (k + 1) * jobs / (kinds.count + 2)
            switch kind {
            case .createdAtTie:
                plans[index] = Plan(status: "completed", userIndex: 0, created: tie, anomaly: kind)
                plans[index + 1] = Plan(status: "completed", userIndex: 0, created: tie, anomaly: kind)
            case .countersExceedTotal, .completedBeforeStarted, .terminalWithoutCompletedAt:
                plans[index] = Plan(status: "completed", userIndex: 2, created: nil, anomaly: kind)
            case .epochCreatedAt, .farFutureCreatedAt:
                plans[index] = Plan(status: nil, userIndex: 2, created: nil, anomaly: kind)
            }
        }
        // One rare unknown status for certain, whatever the draws.
        plans[jobs / (kinds.count + 2) / 2] = Plan(status: "partial", userIndex: nil, created: nil, anomaly: nil)
        return plans
    }

    private mutating func makeUser(_ index: Int) -> SampleUserRow {
        let id = rng.uuid()
        let email: String
        let name: String
        switch index {
        case 0: (email, name) = ("alice@example.com", "Alice Example")
        case 1: (email, name) = ("bob@example.com", "Bob Example")
        case 2: (email, name) = ("carol@example.com", "Carol Example")
        case 4: (email, name) = ("zoë.ünïcode@exämple.com", "Zoë Ünïcode")
        default:
            email = "user\(index + 1)@example.com"
            name = "\(rng.pick(SampleVocabulary.firstNames)) \(rng.pick(SampleVocabulary.lastNames))"
        }
        let inactive = index == 5 || (index > 2 && rng.chance(perMille: 100))
        let created = rng.timestamp(windowStart.adding(microseconds: -Int64(rng.int(1...365)) * 86_400_000_000
            - Int64(rng.below(86_400_000_000))))
        let updated = rng.chance(perMille: 500) ? rng.timestamp(created.instant.adding(microseconds: 3_600_000_000)).text : nil
        return SampleUserRow(
            id: id, email: email, passwordHash: "$2b$12$" + rng.hex(53), fullName: name,
            isActive: !inactive, isVerified: index < 3 || rng.chance(perMille: 800),
            createdAt: created.text, updatedAt: updated)
    }

    /// The plan for job `index`: planted rows have one, the rest are drawn.
    func plan(for index: Int) -> Plan {
        plans[index] ?? Plan()
    }

    /// Records that job `id` carries a planted anomaly.
    mutating func recordPlanted(_ anomaly: SampleAnomaly, id: String) {
        planted[anomaly, default: []].append(id)
    }

    /// A created_at instant in the window, busier on weekdays and in office hours.
    mutating func drawCreatedInstant() -> Instant {
        let span = options.end.microseconds - windowStart.microseconds
        while true {
            let t = windowStart.microseconds + Int64(bitPattern: rng.next() % UInt64(span))
            let secs = t / 1_000_000
            let weekday = CivilDate(daysSinceEpoch: secs / 86_400).isoWeekday
            let hour = Int(secs % 86_400 / 3600)
            let dayWeight = weekday >= 6 ? 350 : 1000
            let hourWeight = hour < 7 ? 250 : hour < 9 ? 700 : hour < 18 ? 1000 : 550
            if rng.below(1_000_000) < dayWeight * hourWeight { return Instant(microseconds: t) }
        }
    }

    /// The owner of a new job: 3% anonymous, otherwise skewed towards the first users.
    mutating func drawUserIndex() -> Int? {
        if rng.chance(perMille: 30) { return nil }
        return rng.skewed(0, users.count - 1, power: 2)
    }
}
