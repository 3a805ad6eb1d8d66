#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes deterministic sample histories (`tally sample`).
package enum SampleGenerator {
    /// Histories up to this many jobs get a `VACUUM`ed SQLite file (small, for committing).
    package static let vacuumLimit = 20_000

    /// Generates the history `options` describe and writes each requested form into the output directory.
    ///
    /// Rows stream job by job into every writer, so memory does not grow with the
    /// number of jobs. Each file appears only once complete (temporary file, then rename).
    /// - Throws: `TallyError.usage` for bad options, `TallyError.cannotWrite` when a file cannot be written.
    package static func write(_ options: SampleOptions) throws -> SampleSummary {
        try options.validate()
        let directory = options.outputDirectory
        if mkdir(directory, 0o755) != 0 && errno != EEXIST { throw SampleFile.error(directory) }
        let formats = Array(Set(options.formats)).sorted()
        let paths = formats.map { directory + "/" + $0.fileName }
        var writers: [any SampleWriter] = []
        for (format, path) in zip(formats, paths) {
            switch format {
            case .sqlite: writers.append(try SampleSQLiteWriter(path: path, vacuum: options.jobs <= vacuumLimit))
            case .ndjson: writers.append(try SampleNDJSONWriter(path: path, nestDocuments: options.nestDocuments))
            case .json: writers.append(try SampleJSONArrayWriter(path: path, nestDocuments: options.nestDocuments))
            case .dump: writers.append(try SampleDumpWriter(path: path))
            }
        }

        let history = SampleHistory(options: options)
        for writer in writers { try writer.begin(users: history.users) }
        let pipeline = SamplePipeline(history: history, jobs: options.jobs)
        defer { pipeline.cancel() }
        var documentCount = 0
        while let chunk = pipeline.next() {
            documentCount += chunk.documents.count
            for (k, job) in chunk.jobs.enumerated() {
                let written = options.documents ? chunk.documents[chunk.bounds[k]..<chunk.bounds[k + 1]] : nil
                for writer in writers { try writer.write(job: job, documents: written) }
            }
        }
        for writer in writers { try writer.finish() }
        return SampleSummary(
            users: history.users.count, jobs: options.jobs, documents: options.documents ? documentCount : 0,
            files: paths, anomalies: pipeline.plantedAnomalies)
    }

    /// Parses a `--formats` list such as `sqlite,ndjson`; throws `TallyError.usage` naming an unknown form.
    package static func formats(_ list: String) throws -> [SampleOptions.Format] {
        try list.split(separator: ",").map { name in
            let trimmed = String(name.filter { $0 != " " })
            guard let format = SampleOptions.Format(rawValue: trimmed) else {
                let known = SampleOptions.Format.allCases.map(\.rawValue).joined(separator: ", ")
                throw TallyError.usage("--formats: unknown form '\(trimmed)' (known: \(known))")
            }
            return format
        }
    }
}
