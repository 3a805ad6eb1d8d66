#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONStreamReader {
    /// Reads a whole history file in whichever form it has.
    func readDocument(into visitor: inout some RecordVisitor) throws {
        switch try detect() {
        case .empty:
            throw TallyError.cannotOpen(file: name, message: "empty file: not a history")
        case .other(let c):
            throw TallyError.cannotOpen(
                file: name, message: "not a history: JSON text must start with '[' or '{' \(JSONScanner.found(c))")
        case .array:
            if try readArray(name: "jobs", kind: .job, stop: arrayStop, into: &visitor) { try expectEnd() }
        case .ndjson:
            try readLines(firstLine: lineOf(offset(cursor)) ?? 1, byteLocations: false, into: &visitor)
        case .wrapper:
            try readWrapper(into: &visitor)
        case .single:
            let start = try scanBoundedRecord(collect: true)
            let o = JSONObject(base: window.bytes, members: members, keys: JSONRecordKeys.job,
                               names: JSONRecordKeys.jobNames)
            guard o.has(JSONRecordKeys.jobID) || o.has(JSONRecordKeys.jobCreated) else {
                throw TallyError.cannotOpen(file: name, message: "not a history: a JSON object with no \"jobs\" array")
            }
            let location = RecordLocation(source: name, position: .line(lineOf(offset(start)) ?? 1))
            try decoder.emit(.job, base: window.bytes, members: members, at: location, baseOffset: offset(0),
                             into: &visitor)
        }
    }

    /// Reads an array at `cursor` whose elements are records of `kind`, named `name` in locations.
    ///
    /// Returns whether the array ended; false when it stopped at an element beginning at or after `stop`.
    @discardableResult
    func readArray(name array: String, kind: RecordKind, stop: Int? = nil, into visitor: inout some RecordVisitor) throws -> Bool {
        cursor += 1
        if try requireByte() == 0x5D {
            cursor += 1
            return true
        }
        return try readElements(name: array, kind: kind, firstIndex: 1, stop: stop, into: &visitor)
    }

    /// Reads array elements from the one at `cursor` (number `firstIndex`) to the array's end,
    /// or to the first element beginning at or after `stop`; returns whether the array ended.
    func readElements(
        name array: String, kind: RecordKind, firstIndex: Int, stop: Int? = nil, into visitor: inout some RecordVisitor
    ) throws -> Bool {
        let wanted = kind == .job ? decoder.wantsJobs || decoder.wantsDocuments : decoder.options.kinds.contains(kind)
        var index = firstIndex - 1
        while true {
            index += 1
            let isObject = try requireByte() == 0x7B
            let start = try scanBoundedRecord(collect: isObject && wanted)
            let location = RecordLocation(
                source: name, position: .item(array: array, index: index, byteOffset: offset(start)))
            if !isObject {
                let value = JSONValue(JSONMember(keyStart: 0, keyEnd: 0, keyEscaped: false, valueStart: start,
                                                 valueEnd: cursor, flags: 0), in: window.bytes)
                try visitor.skip(SkippedRecord(location: location, kind: kind, reason: .notAnObject,
                                               detail: "\(array)[\(index)]: \(value.excerpt)"))
            } else if wanted {
                try decoder.emit(kind, base: window.bytes, members: members, at: location, baseOffset: offset(0),
                                 into: &visitor)
            }
            switch try requireByte() {
            case 0x2C:
                cursor += 1
                if let stop, try requireByte() != 0, offset(cursor) >= stop { return false }
            case 0x5D:
                cursor += 1
                return true
            case let c: throw fatal("expected ',' or ']' \(JSONScanner.found(c))", at: cursor)
            }
        }
    }

    /// Reads a jobs page or a full dump at `cursor`: its `jobs`, `users` and `documents` arrays are
    /// streamed, other keys skipped.
    func readWrapper(into visitor: inout some RecordVisitor) throws {
        cursor += 1
        var sawHistory = false
        var c = try requireByte()
        while c != 0x7D {
            guard c == 0x22 else { throw fatal("expected a string key \(JSONScanner.found(c))", at: cursor) }
            let keyStart = try scanBoundedRecord(collect: false)
            let key = JSONValue(JSONMember(keyStart: 0, keyEnd: 0, keyEscaped: false, valueStart: keyStart,
                                           valueEnd: cursor, flags: 1), in: window.bytes).string
            guard try requireByte() == 0x3A else { throw fatal("expected ':' after key \"\(key)\"", at: cursor) }
            cursor += 1
            let kinds: [String: RecordKind] = ["jobs": .job, "users": .user, "documents": .document]
            if try requireByte() == 0x5B, let kind = kinds[key] {
                sawHistory = sawHistory || kind != .document
                try readArray(name: key, kind: kind, into: &visitor)
            } else {
                _ = try scanBoundedRecord(collect: false)
            }
            c = try requireByte()
            if c == 0x2C {
                cursor += 1
                c = try requireByte()
            } else if c != 0x7D {
                throw fatal("expected ',' or '}' \(JSONScanner.found(c))", at: cursor)
            }
        }
        cursor += 1
        try expectEnd()
        guard sawHistory else {
            throw TallyError.cannotOpen(file: name, message: "not a history: a JSON object with no \"jobs\" array")
        }
    }
}
