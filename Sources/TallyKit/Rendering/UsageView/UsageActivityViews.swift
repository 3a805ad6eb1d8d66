/// Jobs in flight at the as-of instant, stuck ones, and the newest completions.
struct ActivityView: TemplateModel {
    let pendingCount: String
    let processingCount: String
    /// Jobs in any status but completed, failed and cancelled.
    let inFlightCount: String
    /// `204 queued, 3 pending, 1 processing`: the jobs in flight per status, most first.
    let inFlightByStatus: String
    let hasInFlight: Bool
    let stuckCount: String
    /// In flight and not stuck.
    let activeCount: String
    let hasActive: Bool
    /// Not every active job is listed.
    let activeCapped: Bool
    /// In flight and not stuck, oldest first.
    let active: [ActiveJobView]
    let hasStuck: Bool
    let stuckCapped: Bool
    /// Oldest first.
    let stuck: [ActiveJobView]
    let hasCompletions: Bool
    let completions: [CompletedJobView]

    func child(named name: String) -> Any? {
        switch name {
        case "pendingCount": pendingCount
        case "processingCount": processingCount
        case "inFlightCount": inFlightCount
        case "inFlightByStatus": inFlightByStatus
        case "hasInFlight": hasInFlight
        case "stuckCount": stuckCount
        case "activeCount": activeCount
        case "hasActive": hasActive
        case "activeCapped": activeCapped
        case "active": active
        case "hasStuck": hasStuck
        case "stuckCapped": stuckCapped
        case "stuck": stuck
        case "hasCompletions": hasCompletions
        case "completions": completions
        default: nil
        }
    }
}

extension ActivityView {
    /// The view of the activity section.
    init(_ a: Activity, format f: DisplayFormat) {
        self.init(
            pendingCount: f.count(a.pendingCount), processingCount: f.count(a.processingCount),
            inFlightCount: f.count(a.inFlightCount),
            inFlightByStatus: a.inFlightByStatus.map { "\(f.count($0.count)) \($0.name)" }.joined(separator: ", "),
            hasInFlight: a.inFlightCount > 0, stuckCount: f.count(a.stuckCount), activeCount: f.count(a.activeCount),
            hasActive: !a.active.isEmpty, activeCapped: Int64(a.active.count) < a.activeCount,
            active: a.active.map { ActiveJobView($0, format: f) }, hasStuck: !a.stuck.isEmpty,
            stuckCapped: Int64(a.stuck.count) < a.stuckCount, stuck: a.stuck.map { ActiveJobView($0, format: f) },
            hasCompletions: !a.newestCompletions.isEmpty,
            completions: a.newestCompletions.map { j in
                CompletedJobView(
                    id: j.id, user: j.email ?? j.userID ?? "anonymous", jobType: j.jobType, status: j.status,
                    completed: InstantView(j.completedAt, format: f), runTime: f.duration(j.runTimeMicros),
                    documents: f.count(j.totalDocuments), processed: f.count(j.processed), failed: f.count(j.failed))
            })
    }
}

/// A job in flight.
struct ActiveJobView: TemplateModel {
    let id: String
    /// The email, else the user id, else `anonymous`.
    let user: String
    let jobType: String
    let status: String
    let created: InstantView
    let started: InstantView
    /// A duration.
    let age: String

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "user": user
        case "jobType": jobType
        case "status": status
        case "created": created
        case "started": started
        case "age": age
        default: nil
        }
    }
}

extension ActiveJobView {
    /// The view of one active job.
    init(_ j: ActiveJob, format f: DisplayFormat) {
        self.init(
            id: j.id, user: j.email ?? j.userID ?? "anonymous", jobType: j.jobType, status: j.status,
            created: InstantView(j.createdAt, format: f), started: InstantView(j.startedAt, format: f),
            age: f.duration(micros: j.ageMicros))
    }
}

/// A recently finished job.
struct CompletedJobView: TemplateModel {
    let id: String
    /// The email, else the user id, else `anonymous`.
    let user: String
    let jobType: String
    let status: String
    let completed: InstantView
    /// A duration.
    let runTime: String
    let documents: String
    let processed: String
    let failed: String

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "user": user
        case "jobType": jobType
        case "status": status
        case "completed": completed
        case "runTime": runTime
        case "documents": documents
        case "processed": processed
        case "failed": failed
        default: nil
        }
    }
}
