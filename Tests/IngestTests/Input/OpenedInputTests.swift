import Foundation
import Synchronization
import Testing

@testable import Ingest

/// A feed file is opened once and read as one file: a file replaced during the read is read as it was opened, a
/// file cut short or written to in place is refused, and what is not a regular file is refused without waiting.
@Suite("Opened input")
struct OpenedInputTests {
    static let calls = "date,helpline,calls\n2021-02-01,119,7\n2021-02-02,119,8\n2021-02-03,119,9\n"

    func reader() throws -> FeedFileReader {
        let paris = try #require(LocalDayTable(timeZoneIdentifier: "Europe/Paris"))
        var reader = FeedFileReader(feed: .helplineCalls, localDays: paris, delimiter: nil)
        reader.digestsInput = true
        return reader
    }

    static let parts = IngestParallelism(parts: 3, minimumPartSize: 16)

    @Test(arguments: [IngestParallelism.sequential, parts])
    func aFileCutShortAfterItWasOpenedIsRefusedAsChanged(parallelism: IngestParallelism) throws {
        let fixture = try DataFolderFixture(["helpline_calls/calls.csv": Self.calls])
        let path = fixture.root.appendingPathComponent("helpline_calls/calls.csv").path
        let input = try OpenedInput.open(path: path)
        #expect(truncate(path, 40) == 0)
        let outcome = try reader().read(
            input, name: "helpline_calls/calls.csv", fileIndex: 0, interner: KeyInterner(), parallelism: parallelism)
        let failure = try #require(outcome.report.failure)
        #expect(failure.isIOError)
        #expect(failure.reason == .csv(.changedWhileRead(sizeAtOpen: Self.calls.utf8.count, sizeAfter: 40)))
        #expect(outcome.report.sha256 == nil)
        #expect(outcome.report.rowsAccepted == 0)
        #expect(outcome.batch.count == 0)
    }

    @Test func aFileWrittenToInPlaceWithItsSizeKeptIsRefusedAsChanged() throws {
        let fixture = try DataFolderFixture(["helpline_calls/calls.csv": Self.calls])
        let url = fixture.root.appendingPathComponent("helpline_calls/calls.csv")
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_600_000_000)], ofItemAtPath: url.path)
        let input = try OpenedInput.open(path: url.path)
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data("date,helpline,calls\n2021-02-01,119,1".utf8))
        try handle.close()
        // Set apart from the time at open whatever the file system's clock resolution.
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_600_000_100)], ofItemAtPath: url.path)
        let outcome = try reader().read(
            input, name: "helpline_calls/calls.csv", fileIndex: 0, interner: KeyInterner(),
            parallelism: .sequential)
        let size = Self.calls.utf8.count
        #expect(outcome.report.failure?.reason == .csv(.changedWhileRead(sizeAtOpen: size, sizeAfter: size)))
    }

    @Test(arguments: [IngestParallelism.sequential, parts])
    func aFileRenamedOverThePathIsReadAndHashedAsItWasOpened(parallelism: IngestParallelism) throws {
        let replacement = "date,helpline,calls\n2022-01-01,3919,1\n"
        let fixture = try DataFolderFixture([
            "helpline_calls/calls.csv": Self.calls, "next.csv": replacement,
        ])
        let path = fixture.root.appendingPathComponent("helpline_calls/calls.csv").path
        let input = try OpenedInput.open(path: path)
        #expect(rename(fixture.root.appendingPathComponent("next.csv").path, path) == 0)
        let outcome = try reader().read(
            input, name: "helpline_calls/calls.csv", fileIndex: 0, interner: KeyInterner(), parallelism: parallelism)
        #expect(outcome.report.failure == nil)
        #expect(outcome.report.rowsAccepted == 3)
        #expect(outcome.report.byteCount == Self.calls.utf8.count)
        // `printf 'date,helpline,calls\n2021-02-01,119,7\n2021-02-02,119,8\n2021-02-03,119,9\n' | sha256sum`
        #expect(outcome.report.sha256 == "e45c63964c6830c8d03d8fdbc586ca51f997853db085a8b11042b3e91dfc9f3b")
    }

    @Test func aFIFOInAFeedFolderIsRefusedWithoutWaitingForAWriter() throws {
        let fixture = try DataFolderFixture(["helpline_calls/calls.csv": Self.calls])
        let fifo = fixture.root.appendingPathComponent("helpline_calls/pipe.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let paris = try #require(LocalDayTable(timeZoneIdentifier: "Europe/Paris"))
        let result = FIFORead()
        let done = DispatchSemaphore(value: 0)
        let root = fixture.root.path
        Thread.detachNewThread {
            result.data = DataFolderReader(localDays: paris).read(folder: root)
            done.signal()
        }
        let finished = done.wait(timeout: .now() + 20) == .success
        if !finished {
            // Let a reader blocked in open(2) go: a writer opening the FIFO wakes it.
            let writer = open(fifo, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            done.wait()
        }
        #expect(finished, "the read of a folder holding a FIFO waited for a writer")
        let data = try #require(result.data)
        let report = try #require(data.files.first { $0.file == "helpline_calls/pipe.csv" })
        #expect(report.failure?.reason == .csv(.notARegularFile(.fifo)))
        #expect(report.failure?.isIOError == true)
        #expect(data.files.first { $0.file == "helpline_calls/calls.csv" }?.rowsAccepted == 3)
    }

    @Test func aDeviceIsRefusedByItsType() throws {
        let error = try #require(throws: CSVFileError.self) { try OpenedInput.open(path: "/dev/null") }
        #expect(error.problem == .notARegularFile(.characterDevice))
        let directory = try #require(throws: CSVFileError.self) { try OpenedInput.open(path: "/tmp") }
        #expect(directory.problem == .isDirectory)
    }

    @Test func bytesInMemoryAreReadAtAnyOffset() throws {
        let input = OpenedInput(bytes: Array("abcdef".utf8), name: "m.csv")
        var buffer = [UInt8](repeating: 0, count: 4)
        let count = try buffer.withUnsafeMutableBytes { try input.read(into: $0, at: 3) }
        #expect(count == 3)
        #expect(Array(buffer[..<3]) == Array("def".utf8))
        #expect(input.snapshot == nil)
        #expect(try input.finish(digest: false) == nil)
    }
}

// MARK: - The digest from the same pass

extension OpenedInputTests {
    /// The sample file's SHA-256 (`sha256sum` of ``calls``).
    static let callsDigest = "e45c63964c6830c8d03d8fdbc586ca51f997853db085a8b11042b3e91dfc9f3b"

    func openCalls(digesting: Bool) throws -> (OpenedInput, DataFolderFixture) {
        let fixture = try DataFolderFixture(["helpline_calls/calls.csv": Self.calls])
        let path = fixture.root.appendingPathComponent("helpline_calls/calls.csv").path
        return (try OpenedInput.open(path: path, digesting: digesting), fixture)
    }

    /// A file parsed start to end is hashed as it is parsed: the digest reads nothing more from the disk.
    @Test(arguments: [IngestParallelism.sequential, parts])
    func aFileReadWholeIsHashedInTheSamePass(parallelism: IngestParallelism) throws {
        let (input, fixture) = try openCalls(digesting: true)
        _ = fixture
        var fileReader = try reader()
        fileReader.digestsInput = false
        let outcome = fileReader.read(
            input, name: "helpline_calls/calls.csv", fileIndex: 0, interner: KeyInterner(), parallelism: parallelism)
        #expect(outcome.report.rowsAccepted == 3)
        let parsed = input.bytesReadFromDisk
        #expect(parsed >= Self.calls.utf8.count)
        #expect(try input.finish(digest: true) == Self.callsDigest)
        if parallelism == .sequential {
            #expect(input.bytesReadFromDisk == parsed)
        } else {
            // Parts read out of order on other threads are read again, and only they.
            #expect(input.bytesReadFromDisk < parsed + Self.calls.utf8.count)
        }
    }

    /// Reads out of order leave the bytes after a gap to the digest, which reads them again; the digest is the
    /// file's whatever the order.
    @Test func readsOutOfOrderStillGiveTheFilesDigest() throws {
        let (input, fixture) = try openCalls(digesting: true)
        _ = fixture
        var buffer = [UInt8](repeating: 0, count: 20)
        _ = try buffer.withUnsafeMutableBytes { try input.read(into: $0, at: 30) }
        _ = try buffer.withUnsafeMutableBytes { try input.read(into: $0, at: 0) }
        _ = try buffer.withUnsafeMutableBytes { try input.read(into: $0, at: 10) }
        #expect(input.bytesReadFromDisk == 60)
        #expect(try input.finish(digest: true) == Self.callsDigest)
        // Bytes 0..<30 were hashed as read; the digest read from 30 to the end.
        #expect(input.bytesReadFromDisk == 60 + Self.calls.utf8.count - 30)
    }

    /// Without a running digest, the digest is a whole second pass, as before.
    @Test func anInputOpenedWithoutDigestingHashesInASecondPass() throws {
        let (input, fixture) = try openCalls(digesting: false)
        _ = fixture
        var buffer = [UInt8](repeating: 0, count: 100)
        _ = try buffer.withUnsafeMutableBytes { try input.read(into: $0, at: 0) }
        #expect(try input.finish(digest: true) == Self.callsDigest)
        #expect(input.bytesReadFromDisk == 2 * Self.calls.utf8.count)
    }
}

/// Where the FIFO test's reading thread leaves what it read.
private final class FIFORead: Sendable {
    private let read = Mutex<IngestedData?>(nil)
    var data: IngestedData? {
        get { read.withLock { $0 } }
        set { read.withLock { $0 = newValue } }
    }
}
