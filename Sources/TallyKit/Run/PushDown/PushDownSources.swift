/// Which sources `--push-down` works on: exactly one, a PostgreSQL database.
///
/// The database computes partial aggregates and never hands over the rows, so
/// nothing could be merged by job id with a second source (a merge must see
/// every version of an id); and a file has no database to push down to.
enum PushDownSources {
    /// Refuses anything but one PostgreSQL address, before connecting.
    ///
    /// - Throws: `TallyError.usage` (exit 64) naming what is wrong.
    static func check(_ sources: [String]) throws {
        guard sources.count == 1 else {
            throw TallyError.usage(
                "--push-down reads one PostgreSQL source, not \(sources.count): rows merged by job id across sources need streaming")
        }
        guard PostgresAddress.parse(sources[0]) != nil else {
            throw TallyError.usage("--push-down needs a PostgreSQL source (postgresql://... or service=...); \(sources[0]) is a file")
        }
    }
}
