import Foundation
import Ingest
import Synchronization
import Testing

/// The snapshots a read reported, collected from whichever thread reported them.
private final class Snapshots: Sendable {
    private let all = Mutex<[ReadProgress.Snapshot]>([])
    var values: [ReadProgress.Snapshot] { all.withLock { $0 } }
    func append(_ snapshot: ReadProgress.Snapshot) {
        all.withLock { $0.append(snapshot) }
    }
}

@Suite("Read progress")
struct ReadProgressTests {
    static let events = ParallelIngestTests.eventFile(rows: 3_000)
    static let calls = ParallelIngestTests.dailyFile(rows: 900)

    /// The snapshots of one read, and the rows it read.
    func read(
        parallelism: IngestParallelism, interval: Double, delay: Double
    ) throws -> (
        [ReadProgress.Snapshot], Int
    ) {
        let fixture = try DataFolderFixture([
            "impressions/a.csv": Self.events, "helpline_calls/calls.csv": Self.calls,
            "helpline_calls/notes.txt": "not a feed file, not read",
        ])
        let paris = try #require(LocalDayTable(timeZoneIdentifier: "Europe/Paris"))
        let snapshots = Snapshots()
        let progress = ReadProgress(interval: interval, delay: delay) { snapshots.append($0) }
        let data = DataFolderReader(localDays: paris, parallelism: parallelism, progress: progress)
            .read(folder: fixture.root.path)
        let rows = data.files.reduce(0) { $0 + $1.rowsRead }
        return (snapshots.values, rows)
    }

    @Test(arguments: [IngestParallelism.sequential, IngestParallelism(parts: 3, minimumPartSize: 1_000)])
    func countsEveryByteAndRecordOfTheFilesRead(parallelism: IngestParallelism) throws {
        let (snapshots, rows) = try read(parallelism: parallelism, interval: 0, delay: 0)
        let last = try #require(snapshots.last)
        #expect(last.totalBytes == Self.events.utf8.count + Self.calls.utf8.count)
        #expect(snapshots.map(\.bytesRead) == snapshots.map(\.bytesRead).sorted())
        if parallelism == .sequential {
            #expect(last.bytesRead == last.totalBytes)
            #expect(last.rows == rows)
        } else {
            // A part cut inside a quoted newline stops at its first syntax error and the part before it re-parses
            // the rest uncounted: the count then falls short, never over.
            #expect(last.bytesRead > last.totalBytes / 2 && last.bytesRead <= last.totalBytes)
            #expect(last.rows > rows / 2 && last.rows <= rows)
        }
    }

    @Test func reportsNothingBeforeTheDelayNorMoreOftenThanTheInterval() throws {
        let (late, _) = try read(parallelism: .sequential, interval: 0, delay: 3_600)
        #expect(late.isEmpty)
        let (throttled, _) = try read(parallelism: .sequential, interval: 3_600, delay: 0)
        #expect(throttled.count == 1)
    }
}
