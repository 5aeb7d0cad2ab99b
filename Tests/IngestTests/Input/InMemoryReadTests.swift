import Foundation
import Ingest
import Testing

/// Feed files held in memory are read exactly as the same bytes in a data folder on disk: the fuzzer reads the
/// CSV reader this way, without files, and compares a whole read with a read in parts.
@Suite("In-memory read")
struct InMemoryReadTests {
    static let parts = IngestParallelism(parts: 4, minimumPartSize: 100)

    func reader(_ parallelism: IngestParallelism) throws -> DataFolderReader {
        let paris = try #require(LocalDayTable(timeZoneIdentifier: "Europe/Paris"))
        return DataFolderReader(localDays: paris, declaredCampaigns: ["c0", "c1"], parallelism: parallelism)
    }

    /// A folder mixing event-level and daily files, a file refused by name, a skipped file, a gzip file and a
    /// file broken by an unclosed quote.
    static func files() throws -> [DataFolderReader.FileBytes] {
        var broken = ParallelIngestTests.dailyFile(rows: 300)
        broken += "2021-01-01,119,\"never closed\n2021-01-02,119,5\n"
        return [
            .init(feed: .impressions, name: "events.csv", bytes: Array(ParallelIngestTests.eventFile(rows: 600).utf8)),
            .init(feed: .impressions, name: "notes.txt", bytes: Array("not a feed\n".utf8)),
            .init(feed: .impressions, name: ".DS_Store", bytes: [0, 1, 2]),
            .init(feed: .helplineCalls, name: "a.csv", bytes: Array(ParallelIngestTests.dailyFile(rows: 900).utf8)),
            .init(feed: .helplineCalls, name: "b.csv", bytes: Array(broken.utf8)),
            .init(
                feed: .helplineCalls, name: "c.csv.gz",
                bytes: try gzip("date,helpline,calls\n2021-02-01,119,7\n")),
        ]
    }

    /// `text` compressed by `gzip -n`.
    static func gzip(_ text: String) throws -> [UInt8] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("in-memory-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return Array(try GzipFeedTests.gzip(file))
    }

    func onDisk(_ files: [DataFolderReader.FileBytes]) throws -> DataFolderFixture {
        let fixture = try DataFolderFixture([:])
        for file in files { try fixture.write("\(file.feed.rawValue)/\(file.name)", Data(file.bytes)) }
        return fixture
    }

    @Test(arguments: [IngestParallelism.sequential, parts])
    func givesWhatTheSameBytesOnDiskGive(parallelism: IngestParallelism) throws {
        let files = try Self.files()
        let fixture = try onDisk(files)
        let fromDisk = try reader(parallelism).read(folder: fixture.root.path)
        let fromMemory = try reader(parallelism).read(files: files)
        #expect(fromDisk.files.count == 5)
        #expect(fromDisk.rowsRejected > 20)
        #expect(fromDisk.files.contains { $0.failure != nil })
        #expect(fromMemory.files == fromDisk.files)
        #expect(fromMemory == fromDisk)
    }

    @Test func aReadInPartsGivesTheWholeReadFromMemoryToo() throws {
        let files = try Self.files()
        let whole = try reader(.sequential).read(files: files)
        let inParts = try reader(Self.parts).read(files: files)
        #expect(inParts == whole)
    }

    @Test func hashesTheBytesItReads() throws {
        let text = "date,helpline,calls\n2021-02-01,119,7\n"
        let data = try reader(.sequential).read(files: [
            .init(feed: .helplineCalls, name: "a.csv", bytes: Array(text.utf8))
        ])
        // As `printf 'date,helpline,calls\n2021-02-01,119,7\n' | sha256sum` gives it.
        #expect(data.files.first?.sha256 == "c377b70b1baf9951df1f2bbb573474928a71d790b818d3093544f47afd53cae5")
        #expect(data.files.first?.byteCount == text.utf8.count)
    }

    @Test func aFeedWithNoFileIsAbsent() throws {
        let data = try reader(.sequential).read(files: [
            .init(feed: .helplineCalls, name: "a.csv", bytes: Array("date,helpline,calls\n".utf8))
        ])
        #expect(data.absentFeeds == Feed.allCases.filter { $0 != .helplineCalls })
    }
}
