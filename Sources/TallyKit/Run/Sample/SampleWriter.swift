/// Serialises generated rows into one output form, streaming, and commits the file at the end.
protocol SampleWriter: AnyObject {
    /// Receives every user before any job.
    func begin(users: [SampleUserRow]) throws
    /// Receives one job and its documents (`nil` when documents are not written).
    func write(job: SampleJobRow, documents: ArraySlice<SampleDocumentRow>?) throws
    /// Completes the file and moves it into place.
    func finish() throws
}

/// `jobs.ndjson`: one job a line, Python spacing, JSON columns as strings (the upstream export).
final class SampleNDJSONWriter: SampleWriter {
    private let file: SampleFile
    private let nest: Bool
    private let style = SampleJSONStyle(spaced: true, nested: false)

    init(path: String, nestDocuments: Bool) throws {
        file = try SampleFile(path: path)
        nest = nestDocuments
    }

    func begin(users: [SampleUserRow]) throws {}

    func write(job: SampleJobRow, documents: ArraySlice<SampleDocumentRow>?) throws {
        SampleJSON.appendJob(job, documents: nest ? documents : nil, style: style, to: &file.buffer)
        file.buffer.append(0x0A)
        try file.flushIfFull()
    }

    func finish() throws { try file.commit() }
}

/// `jobs.json`: a JSON array of compact job objects, JSON columns nested, one job a line.
final class SampleJSONArrayWriter: SampleWriter {
    private let file: SampleFile
    private let nest: Bool
    private var first = true
    private let style = SampleJSONStyle(spaced: false, nested: true)

    init(path: String, nestDocuments: Bool) throws {
        file = try SampleFile(path: path)
        nest = nestDocuments
    }

    func begin(users: [SampleUserRow]) throws {
        file.buffer.append(UInt8(ascii: "["))
    }

    func write(job: SampleJobRow, documents: ArraySlice<SampleDocumentRow>?) throws {
        file.buffer.append(contentsOf: first ? [0x0A] : [0x2C, 0x0A])
        first = false
        SampleJSON.appendJob(job, documents: nest ? documents : nil, style: style, to: &file.buffer)
        try file.flushIfFull()
    }

    func finish() throws {
        file.buffer.append(contentsOf: "\n]\n".utf8)
        try file.commit()
    }
}

/// `history.json`: `{"users":[...],"jobs":[...],"documents":[...]}`, one row a line, JSON columns nested.
///
/// Documents arrive interleaved with jobs, so they stream into a side file that
/// is appended after the jobs array.
final class SampleDumpWriter: SampleWriter {
    private let file: SampleFile
    private let side: SampleFile
    private var firstJob = true
    private var firstDocument = true
    private let style = SampleJSONStyle(spaced: false, nested: true)

    init(path: String) throws {
        file = try SampleFile(path: path)
        side = try SampleFile(path: path + ".documents")
    }

    func begin(users: [SampleUserRow]) throws {
        file.buffer.append(contentsOf: "{\"users\":[".utf8)
        for (k, user) in users.enumerated() {
            file.buffer.append(contentsOf: k == 0 ? [0x0A] : [0x2C, 0x0A])
            SampleJSON.appendUser(user, style: style, to: &file.buffer)
        }
        file.buffer.append(contentsOf: "\n],\"jobs\":[".utf8)
    }

    func write(job: SampleJobRow, documents: ArraySlice<SampleDocumentRow>?) throws {
        file.buffer.append(contentsOf: firstJob ? [0x0A] : [0x2C, 0x0A])
        firstJob = false
        SampleJSON.appendJob(job, documents: nil, style: style, to: &file.buffer)
        try file.flushIfFull()
        for document in documents ?? [] {
            side.buffer.append(contentsOf: firstDocument ? [0x0A] : [0x2C, 0x0A])
            firstDocument = false
            SampleJSON.appendDocument(document, style: style, to: &side.buffer)
        }
        try side.flushIfFull()
    }

    func finish() throws {
        file.buffer.append(contentsOf: "\n],\"documents\":[".utf8)
        try side.flush()
        try file.appendContents(of: side.temporaryPath)
        file.buffer.append(contentsOf: "\n]}\n".utf8)
        try file.commit()
    }
}
