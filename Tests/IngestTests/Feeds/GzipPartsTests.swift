import Foundation
import Testing

@testable import Ingest

/// A gzip file's text is decompressed on one core while other cores parse it: the rows, rejects, lines and refusals
/// must be those of the same text read whole, whatever the timing.
@Suite("gzip feeds read in parts")
struct GzipPartsTests {
    /// Event-level impressions with bad rows sprinkled in, no quoted line break (so that every cut holds).
    static func events(rows: Int) -> String {
        var text = "timestamp,campaign,banner,placement,region\n"
        for row in 0..<rows {
            let day = 1 + row % 28
            let stamp = "2020-03-\(day < 10 ? "0" : "")\(day)T\(row % 2 == 0 ? "22" : "10"):\(10 + row % 50):00Z"
            let campaign = row % 97 == 13 ? "" : "c\(row % 3)"
            let stampField = row % 89 == 7 ? "2020-03-01T10:00:00" : stamp
            text += "\(stampField),\(campaign),b\(row % 4),\(["search", "discover"][row % 2]),r\(row % 5)\n"
        }
        return text
    }

    /// Daily calls whose keys repeat far apart, so that duplicates fall in different parts.
    static func daily(rows: Int) -> String {
        var text = "date,helpline,calls,answered\n"
        for row in 0..<rows {
            let day = CivilDate(daysSinceEpoch: 18_262 + row % 400)
            let calls = row % 53 == 11 ? "-1" : "\(500 + row % 300)"
            text += "\(day),\(["119", "3919", "3020"][row % 3]),\(calls),\(row % 7 == 0 ? "" : "400")\n"
        }
        return text
    }

    static let paris = LocalDayTable(timeZoneIdentifier: "Europe/Paris")
    static let parts = IngestParallelism(parts: 16, minimumPartSize: 4096)

    func write(_ text: String, gzip: Bool, in scratch: GzipFeedTests.Scratch, name: String) throws -> String {
        let file = scratch.root.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        guard gzip else { return file.path }
        let compressed = try GzipFeedTests.gzip(file)
        try compressed.write(to: file)
        return file.path
    }

    func reader(_ feed: Feed) throws -> FeedFileReader {
        FeedFileReader(feed: feed, localDays: try #require(Self.paris), delimiter: nil)
    }

    /// What a read gives, with the interned keys spelt out so that reads with different interners compare.
    func summary(_ outcome: FeedFileReader.Outcome, _ interner: KeyInterner) -> String {
        var outcome = outcome
        outcome.finishCounts()
        let counts = outcome.batch.map { key, counts in
            "\(interner.components(of: key.dimensions)) \(key.day) \(counts.main) \(counts.companion) \(counts.line)"
        }.sorted()
        var report = outcome.report
        report.byteCount = 0
        report.sha256 = nil
        // Told by the read of the whole file (`readInOwnFormats`), of which the parts' read is one step.
        report.dateFormat = nil
        return "\(report)\n\(outcome.rejects)\n\(counts)"
    }

    @Test(arguments: [(Feed.impressions, 6000), (.helplineCalls, 5000)])
    func aFileOfManyPartsGivesWhatItsPlainTextReadWholeGives(feed: Feed, rows: Int) throws {
        let scratch = try GzipFeedTests.Scratch()
        let text = feed == .impressions ? Self.events(rows: rows) : Self.daily(rows: rows)
        #expect(text.utf8.count > 25 * 4096)
        let plain = try write(text, gzip: false, in: scratch, name: "plain.csv")
        let gzip = try write(text, gzip: true, in: scratch, name: "text.csv.gz")
        let reader = try reader(feed)
        let wholeInterner = KeyInterner()
        let whole = reader.read(path: plain, name: "f.csv", fileIndex: 0, interner: wholeInterner)
        let input = try OpenedInput.open(path: gzip)
        let head = try CSVFileReader().head(of: input)
        #expect(head.isGzip)
        let partsInterner = KeyInterner()
        let inParts = try #require(
            reader.readGzipInParts(
                input, name: "f.csv", fileIndex: 0, interner: partsInterner, parallelism: Self.parts, head: head))
        #expect(whole.report.rowsRead == rows)
        #expect(whole.report.rowsRejected > 50)
        #expect(summary(inParts, partsInterner) == summary(whole, wholeInterner))
        // Through the data-folder reader too, which takes the parts path for a gzip file.
        let folder = try DataFolderFixture([:])
        try folder.write("\(feed.rawValue)/f.csv.gz", try Data(contentsOf: URL(fileURLWithPath: gzip)))
        let viaFolder = try folder.read(parallelism: Self.parts)
        try folder.write("\(feed.rawValue)/f.csv.gz", Data(text.utf8))
        let plainFolder = try folder.read(parallelism: .sequential)
        #expect(GzipFeedTests.account(viaFolder) == GzipFeedTests.account(plainFolder))
        #expect(viaFolder.impressions == plainFolder.impressions)
    }

    @Test(arguments: [0.05, 0.2, 0.5, 0.8, 0.97])
    func aFileCutShortIsRefusedAsTheWholeReadRefusesIt(fraction: Double) throws {
        let scratch = try GzipFeedTests.Scratch()
        // Counts from a linear congruential sequence, so that the text compresses poorly and the cut falls in rows.
        var state: UInt64 = 20_200_504
        var text = "date,helpline,calls\n"
        for day in 0..<6000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += "\(CivilDate(daysSinceEpoch: 10_000 + day)),119,\(state >> 40)\n"
        }
        let path = try write(text, gzip: true, in: scratch, name: "calls.csv.gz")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(Int(Double(bytes.count) * fraction)).write(to: URL(fileURLWithPath: path))
        let reader = try reader(.helplineCalls)
        let input = try OpenedInput.open(path: path)
        let head = try CSVFileReader().head(of: input)
        #expect(
            reader.readGzipInParts(
                input, name: "c.csv", fileIndex: 0, interner: KeyInterner(), parallelism: Self.parts, head: head)
                == nil)
        let whole = reader.read(path: path, name: "c.csv", fileIndex: 0, interner: KeyInterner())
        let inParts = reader.read(
            path: path, name: "c.csv", fileIndex: 0, interner: KeyInterner(), parallelism: Self.parts)
        let failure = try #require(whole.report.failure)
        #expect(failure.csvProblem?.caseName == "gzipTruncated")
        #expect(inParts.report == whole.report)
        #expect((failure.line ?? 0) > 1 || fraction < 0.1)
    }

    @Test func aQuotedLineBreakAtACutMakesTheFileReadWhole() throws {
        let scratch = try GzipFeedTests.Scratch()
        var text = "date,helpline,calls\n"
        for day in 0..<4000 {
            let helpline = day % 50 == 0 ? "\"11\n9\"" : "119"
            text += "\(CivilDate(daysSinceEpoch: 10_000 + day)),\(helpline),\(day)\n"
        }
        let plain = try write(text, gzip: false, in: scratch, name: "p.csv")
        let gzip = try write(text, gzip: true, in: scratch, name: "c.csv.gz")
        let reader = try reader(.helplineCalls)
        let wholeInterner = KeyInterner()
        let whole = reader.read(path: plain, name: "c.csv", fileIndex: 0, interner: wholeInterner)
        let partsInterner = KeyInterner()
        let inParts = reader.read(
            path: gzip, name: "c.csv", fileIndex: 0, interner: partsInterner, parallelism: Self.parts)
        #expect(summary(inParts, partsInterner) == summary(whole, wholeInterner))
        #expect(whole.rejects.count == 80)
    }
}

@Suite("Reading ahead on another thread")
struct ReadAheadByteSourceTests {
    func text(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: ($0 * 7919) >> 3) | 1 }
    }

    @Test(arguments: [1, 100, 4096, 10_000])
    func deliversTheBytesOfItsSourceInOrderWhateverTheReadSize(readSize: Int) throws {
        let scratch = try GzipFeedTests.Scratch()
        let file = scratch.root.appendingPathComponent("t.bin")
        let bytes = text(50_000)
        try Data(bytes).write(to: file)
        let source = ReadAheadByteSource(base: try OpenedInput.open(path: file.path), chunkSize: 4096, depth: 2)
        var read: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: readSize)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0, at: read.count) }
            if count == 0 { break }
            #expect(count == readSize || read.count + count == bytes.count)
            read += buffer[..<count]
        }
        #expect(read == bytes)
    }

    @Test func startsAtAnOffsetPastTheFirstBytes() throws {
        let scratch = try GzipFeedTests.Scratch()
        let file = scratch.root.appendingPathComponent("t.bin")
        let bytes = text(9000)
        try Data(bytes).write(to: file)
        let source = ReadAheadByteSource(base: try OpenedInput.open(path: file.path), chunkSize: 1000, depth: 2)
        var buffer = [UInt8](repeating: 0, count: 10_000)
        let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0, at: 2500) }
        #expect(Array(buffer[..<count]) == Array(bytes[2500...]))
    }

    @Test func throwsTheSourcesErrorOnlyOnceEveryByteBeforeItIsDelivered() throws {
        let scratch = try GzipFeedTests.Scratch()
        let file = scratch.root.appendingPathComponent("t.csv")
        let bytes = text(200_000)
        try Data(bytes).write(to: file)
        var compressed = try GzipFeedTests.gzip(file)
        compressed.removeLast(20)
        try compressed.write(to: file)
        let direct = try GzipByteSource(path: file.path)
        let ahead = ReadAheadByteSource(base: try GzipByteSource(path: file.path), chunkSize: 3000, depth: 3)
        func drain(_ source: any CSVByteSource) -> (bytes: [UInt8], error: CSVFileError?) {
            var read: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 7000)
            do {
                while true {
                    let count = try buffer.withUnsafeMutableBytes { try source.read(into: $0, at: read.count) }
                    if count == 0 { return (read, nil) }
                    read += buffer[..<count]
                }
            } catch {
                return (read, error as? CSVFileError)
            }
        }
        let expected = drain(direct)
        let got = drain(ahead)
        #expect(expected.error?.kind == .compression)
        #expect(got.error == expected.error)
        #expect(got.bytes == expected.bytes)
        #expect(got.bytes.count > 100_000)
    }

    @Test func aReadLetGoBeforeTheEndStopsItsThread() throws {
        let scratch = try GzipFeedTests.Scratch()
        let file = scratch.root.appendingPathComponent("t.bin")
        try Data(text(1 << 20)).write(to: file)
        // Dropped after one small read, with the producer blocked on a full queue: letting it go must stop the
        // thread and free its chunks (under the address sanitizer, a leak or a use after free shows).
        for _ in 0..<20 {
            let source = ReadAheadByteSource(base: try OpenedInput.open(path: file.path), chunkSize: 4096, depth: 2)
            var buffer = [UInt8](repeating: 0, count: 10)
            _ = try buffer.withUnsafeMutableBytes { try source.read(into: $0, at: 0) }
        }
        // And one never read from.
        _ = ReadAheadByteSource(base: try OpenedInput.open(path: file.path))
    }
}
