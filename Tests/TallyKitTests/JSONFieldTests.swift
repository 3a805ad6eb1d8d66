import Testing
@testable import TallyKit

@Suite struct JSONFieldTests {
    typealias F = JSONFixture

    @Test func mapsEveryJobField() throws {
        let text = #"""
        {"id":"3F2504E0-4F89-11D3-9A0C-0305E82C3301","user_id":"ABC","job_type":"webhook","status":"partial",
         "total_documents":9223372036854775807,"processed_count":2,"failed_count":null,
         "config":{"model_name":"gpt-4o","num_pages":3},"error_message":"bo\"om\u00e9",
         "started_at":"2026-11-14 16:11:30.030529+00","completed_at":1794672690.5,
         "created_at":"2026-11-14T16:11:30Z","updated_at":null,"tags":"not json"}
        """#
        let job = try #require(try F.read(text).jobs.first)
        #expect(job.id == "3f2504e0-4f89-11d3-9a0c-0305e82c3301")
        #expect(job.userID == "ABC")
        #expect(job.jobType == "webhook" && job.status == "partial")
        #expect(job.totalDocuments == Int64.max && job.processedCount == 2 && job.failedCount == 0)
        #expect(job.modelName == "gpt-4o")
        #expect(job.errorMessage == "bo\"omé")
        #expect(job.startedAt == F.created.adding(microseconds: 30529))
        #expect(job.completedAt == F.created.adding(microseconds: 500_000))
        #expect(job.createdAt == F.created && job.updatedAt == nil)
    }

    @Test func defaultsMissingTypeAndStatus() throws {
        let job = try #require(try F.read(#"{"id":"a","created_at":"2026-11-14T16:11:30Z"}"#).jobs.first)
        #expect(job.jobType == "batch" && job.status == "pending" && job.totalDocuments == 0)
    }

    @Test(arguments: [
        #"{"model_name":"m1"}"#, #""{\"model_name\":\"m1\"}""#,
    ])
    func acceptsConfigAsObjectOrString(config: String) throws {
        let job = try #require(try F.read(F.job("a", #""config":"# + config)).jobs.first)
        #expect(job.modelName == "m1")
    }

    @Test(arguments: [#""{not json""#, "null", "42", #""[1,2]""#])
    func ignoresConfigThatIsNotAnObject(config: String) throws {
        let c = try F.read(F.job("a", #""config":"# + config))
        #expect(c.jobs.first?.modelName == nil)
        #expect(c.skipped.isEmpty)
    }

    @Test(arguments: [
        #"{"processing_time":1.25,"tokens_used":1200,"extraction_method":"ocr","is_scanned":true}"#,
        #""{\"processing_time\": 1.25, \"tokens_used\": 1200, \"extraction_method\": \"ocr\"}""#,
    ])
    func readsProcessingMetadataAsObjectOrString(metadata: String) throws {
        let text = #"{"documents":[{"id":"d","file_size":512,"processing_metadata":"# + metadata + "}],\"jobs\":[]}"
        let doc = try #require(try F.read(text).documents.first)
        #expect(doc.processingTime == 1.25 && doc.tokensUsed == 1200 && doc.extractionMethod == "ocr")
        #expect(doc.fileSize == 512 && doc.createdAt == nil)
    }

    @Test func absentUserIsTheOwnerAndNullIsAnonymous() throws {
        let text = #"{"id":"a","created_at":"2026-11-14T16:11:30Z"}"# + "\n"
            + #"{"id":"b","user_id":null,"created_at":"2026-11-14T16:11:30Z"}"#
        let owned = try F.read(text, options: ReadOptions(ownerOfUnownedRecords: "alice"))
        #expect(owned.jobs.map(\.userID) == ["alice", nil])
        let plain = try F.read(text)
        #expect(plain.jobs.map(\.userID) == [nil, nil])
    }

    @Test(arguments: [
        (#""12""#, "total_documents: \"12\""), ("1.5", "total_documents: 1.5"), ("true", "total_documents: true"),
        ("9223372036854775808", "total_documents: 9223372036854775808"), ("1e3", "total_documents: 1e3"),
    ])
    func skipsCountersThatAreNotIntegers(value: String, detail: String) throws {
        let c = try F.read(F.job("x", #""total_documents":"# + value) + "\n" + F.job("ok"))
        #expect(c.jobs.map(\.id) == ["ok"])
        let skip = try #require(c.skipped.first)
        #expect(skip.reason == .badCounter && skip.detail == detail)
        #expect(skip.location == RecordLocation(source: "h.json", position: .line(1)))
    }

    @Test func skipsMissingIdsAndBadCreatedAt() throws {
        let text = """
            [{"created_at":"2026-11-14T16:11:30Z"},{"id":"","created_at":"2026-11-14T16:11:30Z"},
             {"id":"a"},{"id":"b","created_at":"yesterday"},{"id":"c","created_at":null},7]
            """
        let c = try F.read(text)
        #expect(c.records.isEmpty)
        #expect(c.skipped.map(\.reason) == [.missingID, .missingID, .badCreatedAt, .badCreatedAt, .badCreatedAt, .notAnObject])
        #expect(c.skipped[3].detail == #"created_at: "yesterday""#)
        #expect(c.skipped[5].location.positionDescription == "jobs[6] (byte 163)")
    }

    @Test func duplicateKeysKeepTheLastValue() throws {
        let job = try #require(try F.read(F.job("a", #""status":"failed","status":"cancelled""#)).jobs.first)
        #expect(job.status == "cancelled")
    }

    @Test func unknownStatusesAreData() throws {
        let job = try #require(try F.read(F.job("a", #""status":"on hold 🚧","job_type":"nightly""#)).jobs.first)
        #expect(job.status == "on hold 🚧" && job.jobType == "nightly")
    }

    @Test func userFlagsAcceptBooleansAndIntegers() throws {
        let text = #"{"jobs":[],"users":[{"id":"a","is_active":false},{"id":"b","is_active":"yes"}]}"#
        let c = try F.read(text)
        #expect(c.users == [UserRecord(id: "a", email: nil, isActive: false)])
        #expect(c.skipped.map(\.reason) == [.badValue])
    }
}
