extension PostgresSource {
    /// Streams the jobs of `tally stats --user` (`PostgresSchema.userJobsSelect`) on `connection`.
    ///
    /// With the endpoint's cap the select is narrowed to jobs created at or after
    /// the `created_at` of the `depth`-th newest job of all (`newestJobsBound`);
    /// when fewer than the cap of the selected jobs are that new it returns no
    /// row and the next try looks 16 times deeper, until the bound would lie
    /// past the oldest job and the select runs unnarrowed (at once when `jobs`
    /// has no index led by `created_at`). Every try reads the
    /// same snapshot, so the answer is the unnarrowed select's.
    ///
    /// - Throws: as `read`.
    func streamUserJobs(
        _ filter: JobOwnerFilter, _ connection: PostgresConnection, _ options: ReadOptions, _ visitor: inout some RecordVisitor
    ) throws {
        let schema = snapshot.schema
        var depth = schema.firstBoundDepth(filter)
        let indexed = try filter.newest != nil ? schema.hasCreatedAtIndex(connection) : false
        while indexed, depth <= 1 << 40, let bound = try schema.newestJobsBound(filter, depth: depth, connection) {
            guard let select = schema.userJobsSelect(filter, details: options.jobDetails, since: bound) else { return }
            if try stream(connection, select, table: "jobs", kind: .job, options, &visitor) > 0 { return }
            depth *= 16
        }
        guard let select = schema.userJobsSelect(filter, details: options.jobDetails) else { return }
        try stream(connection, select, table: "jobs", kind: .job, options, &visitor)
    }
}
