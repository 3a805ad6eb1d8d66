#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONStreamReader {
    /// Reads NDJSON from `cursor`: one job object a line; blank lines and CRLF endings are fine.
    ///
    /// A line that is not valid JSON (NaN, invalid UTF-8, a cut-off object) is skipped as
    /// `.malformedLine`; a line longer than the record limit is fatal. Locations are
    /// `.line(n)`, or `.byteOffset` of the line's start when `byteLocations` (shards).
    func readLines(firstLine: Int, byteLocations: Bool, into visitor: inout some RecordVisitor) throws {
        var line = firstLine - 1
        let collect = !decoder.options.kinds.isDisjoint(with: [.job, .document])
        while true {
            var searched = cursor
            var newline: Int?
            while true {
                if let p = memchr(window.bytes + searched, 0x0A, window.count - searched) {
                    newline = window.bytes.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    break
                }
                guard window.count - cursor <= recordLimit else {
                    throw tooLong(byteLocations ? lineOf(offset(cursor)) ?? line + 1 : line + 1)
                }
                let before = window.count - cursor
                guard try refill() else { break }
                searched = cursor + before
            }
            guard newline != nil || cursor < window.count else { return }
            let end = newline ?? window.count
            guard end - cursor <= recordLimit else {
                throw tooLong(byteLocations ? lineOf(offset(cursor)) ?? line + 1 : line + 1)
            }
            line += 1
            let position: RecordLocation.Position = byteLocations ? .byteOffset(offset(cursor)) : .line(line)
            try readLine(cursor, end, at: RecordLocation(source: name, position: position), collect: collect,
                         isLast: newline == nil, into: &visitor)
            guard let newline else { return }
            cursor = newline + 1
        }
    }

    /// The fatal error for line `number` (at `cursor`) past the record limit.
    private func tooLong(_ number: Int) -> TallyError {
        fatal("line \(number) is longer than the \(recordLimit >> 20) MB record limit", at: cursor)
    }

    private func readLine(
        _ start: Int, _ newline: Int, at location: RecordLocation, collect: Bool, isLast: Bool,
        into visitor: inout some RecordVisitor
    ) throws {
        let base = window.bytes
        let end = newline > start && base[newline - 1] == 0x0D ? newline - 1 : newline
        var scanner = JSONScanner(base: base, start: start, end: end, hardEnd: true)
        if scanner.atEndAfterWhitespace() { return }
        let isObject = base[scanner.i] == 0x7B
        func skip(_ reason: SkipReason, _ detail: String) throws {
            try visitor.skip(SkippedRecord(location: location, kind: .job, reason: reason, detail: detail))
        }
        do throws(JSONScanError) {
            members = try decoder.recordScratch.scan(
                &scanner, collect: isObject && collect, stack: decoder.stack, readableEnd: window.readableEnd)
        } catch {
            guard case .syntax(let message, let at) = error else { return }
            // A last line without a newline whose JSON stops unfinished: the file was cut (or is still being written).
            if isLast, at >= end, !decoder.options.lenient {
                throw fatal("the last line is cut short: \(message) (a truncated file? --lenient counts it as a skipped row)", at: at)
            }
            try skip(.malformedLine, "\(message) at byte \(offset(at))")
            return
        }
        if !scanner.atEndAfterWhitespace() {
            return try skip(.malformedLine, "trailing characters at byte \(offset(scanner.i))")
        }
        guard isObject else { return try skip(.notAnObject, "a line holding a JSON value that is not an object") }
        if collect {
            try decoder.emit(.job, base: base, members: members, at: location, baseOffset: offset(0), into: &visitor)
        }
    }
}
