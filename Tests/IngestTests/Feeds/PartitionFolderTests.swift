import Foundation
import Ingest
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Folders inside a feed folder, as log pipelines write them (`impressions/dt=2021-01-05/part-0000.csv`): read
/// recursively in name order with the rules, accounting and located rejects of top-level files (DESIGN §3.1).
@Suite("Partition folders")
struct PartitionFolderTests {
    static let header = "date,helpline,calls\n"

    @Test func readsTheFilesOfFoldersInsideAFeedFolderInNameOrder() throws {
        let data = try DataFolderFixture([
            "helpline_calls/dt=2020-05-05/part-0001.csv": Self.header + "2020-05-05,119,6\n",
            "helpline_calls/dt=2020-05-05/part-0000.csv": Self.header + "2020-05-05,3919,7\n",
            "helpline_calls/dt=2020-05-04/part-0000.csv": Self.header + "2020-05-04,119,5\n",
            "helpline_calls/a.csv": Self.header + "2020-05-03,119,4\n",
            "helpline_calls/z.csv": Self.header + "2020-05-06,119,8\n",
        ]).read()
        #expect(
            data.files.map(\.file) == [
                "helpline_calls/a.csv", "helpline_calls/dt=2020-05-04/part-0000.csv",
                "helpline_calls/dt=2020-05-05/part-0000.csv", "helpline_calls/dt=2020-05-05/part-0001.csv",
                "helpline_calls/z.csv",
            ])
        #expect(data.helplineCalls.map(\.calls).sorted() == [4, 5, 6, 7, 8])
        #expect(data.rowsAccepted == 5)
    }

    @Test func aFolderTakesItsPlaceInItsParentsOrder() throws {
        // `dt=1` sorts before `dt=1.csv`, and its files come there, before the file.
        let data = try DataFolderFixture([
            "helpline_calls/dt=1.csv": Self.header + "2020-05-04,119,5\n",
            "helpline_calls/dt=1/a/b.csv": Self.header + "2020-05-04,119,6\n",
            "helpline_calls/dt=0/x.csv": Self.header + "2020-05-04,119,7\n",
        ]).read()
        #expect(
            data.files.map(\.file) == [
                "helpline_calls/dt=0/x.csv", "helpline_calls/dt=1/a/b.csv", "helpline_calls/dt=1.csv",
            ])
        // A later file restates the day: the last in that order wins, and each restatement names its file.
        #expect(data.helplineCalls.map(\.calls) == [5])
        #expect(data.revisions.map(\.file) == ["helpline_calls/dt=1/a/b.csv", "helpline_calls/dt=1.csv"])
    }

    @Test func rejectsInAPartitionAreLocatedInItsFile() throws {
        let data = try DataFolderFixture([
            "helpline_calls/dt=2020-05-04/part-0000.csv": Self.header + "2020-05-04,119,5\n2020-05-04,3919,-1\n"
        ]).read()
        let reject = try #require(data.rejects.first)
        #expect(reject.file == "helpline_calls/dt=2020-05-04/part-0000.csv")
        #expect((reject.line, reject.column) == (3, 3))
        #expect(reject.reason == .notACount(column: "calls", value: "-1", problem: .negative))
        #expect((data.files[0].rowsRead, data.files[0].rowsAccepted, data.files[0].rowsRejected) == (2, 1, 1))
    }

    @Test func skipsLeftoversAndHiddenFoldersInsideAsAtTheTop() throws {
        let data = try DataFolderFixture([
            "impressions/dt=2020-05-04/part-0000.csv": "date,campaign,impressions\n2020-05-04,c,5\n",
            "impressions/dt=2020-05-04/_SUCCESS": "",
            "impressions/dt=2020-05-04/.part-0000.csv.crc": "crc",
            "impressions/dt=2020-05-04/~$part-0000.csv": "lock",
            "impressions/.spark-staging/part-0000.csv": "date,campaign,impressions\n2020-05-04,c,99\n",
            "impressions/_SUCCESS": "",
        ]).read()
        #expect(data.files.map(\.file) == ["impressions/dt=2020-05-04/part-0000.csv"])
        #expect(data.impressions.map(\.count) == [5])
        #expect(
            data.skippedFiles == [
                SkippedFile(feed: .impressions, file: "impressions/.spark-staging", reason: .hidden),
                SkippedFile(feed: .impressions, file: "impressions/_SUCCESS", reason: .jobMarker),
                SkippedFile(feed: .impressions, file: "impressions/dt=2020-05-04/.part-0000.csv.crc", reason: .hidden),
                SkippedFile(feed: .impressions, file: "impressions/dt=2020-05-04/_SUCCESS", reason: .jobMarker),
                SkippedFile(
                    feed: .impressions, file: "impressions/dt=2020-05-04/~$part-0000.csv", reason: .officeLockFile),
            ])
    }

    @Test func otherFilesInsideAreRefusedByNameAsAtTheTop() throws {
        let data = try DataFolderFixture([
            "helpline_calls/dt=2020-05-04/notes.txt": "x",
            "helpline_calls/dt=2020-05-04/part-0000.csv": Self.header + "2020-05-04,119,5\n",
        ]).read()
        let refused = try #require(data.files.first)
        #expect(refused.file == "helpline_calls/dt=2020-05-04/notes.txt")
        #expect(refused.failure?.reason == .notAFeedFileName)
        #expect(data.rowsAccepted == 1)
    }

    @Test func anEmptyFolderIsListedAsSkipped() throws {
        let fixture = try DataFolderFixture(["helpline_calls/a.csv": Self.header + "2020-05-04,119,5\n"])
        try FileManager.default.createDirectory(
            at: fixture.root.appendingPathComponent("helpline_calls/dt=2020-05-05"), withIntermediateDirectories: true)
        let data = try fixture.read()
        #expect(
            data.skippedFiles == [
                SkippedFile(feed: .helplineCalls, file: "helpline_calls/dt=2020-05-05", reason: .emptyFolder)
            ])
    }

    @Test func aFolderLinkedBackUpTheTreeIsRefusedNotFollowedForEver() throws {
        let fixture = try DataFolderFixture(["helpline_calls/dt=1/a.csv": Self.header + "2020-05-04,119,5\n"])
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("helpline_calls/dt=1/loop").path, withDestinationPath: "..")
        let data = try fixture.read()
        #expect(data.files.map(\.file) == ["helpline_calls/dt=1/a.csv", "helpline_calls/dt=1/loop"])
        let failure = try #require(data.files.last?.failure)
        #expect(failure.isIOError)
        #expect(failure.reason == .csv(.cannotOpen(system: String(cString: strerror(ELOOP)))))
    }

    @Test func filesHeldInMemoryAreReadInTheSameOrder() throws {
        let texts = [
            "helpline_calls/dt=1.csv": Self.header + "2020-05-04,119,5\n",
            "helpline_calls/dt=1/a/b.csv": Self.header + "2020-05-04,119,6\n",
            "helpline_calls/.hidden/b.csv": Self.header + "2020-05-04,119,6\n",
            "helpline_calls/dt=0/x.csv": Self.header + "2020-05-04,119,7\n",
        ]
        let fromDisk = try DataFolderFixture(texts).read()
        let paris = try #require(LocalDayTable(timeZoneIdentifier: "Europe/Paris"))
        let fromMemory = DataFolderReader(localDays: paris).read(
            files: texts.map { path, text in
                .init(
                    feed: .helplineCalls, name: String(path.dropFirst("helpline_calls/".count)),
                    bytes: Array(text.utf8))
            })
        #expect(fromMemory.files.map(\.file) == fromDisk.files.map(\.file))
        #expect(fromMemory.skippedFiles == fromDisk.skippedFiles)
        #expect(fromMemory.helplineCalls == fromDisk.helplineCalls)
    }

    @Test func theListingsOfAFeedFolderGoInsideItsFolders() throws {
        let fixture = try DataFolderFixture([
            "impressions/dt=2020-05-04/part-0000.csv": "x",
            "impressions/dt=2020-05-04/_SUCCESS": "",
            "impressions/a.csv": "y",
        ])
        let folder = fixture.root.appendingPathComponent("impressions").path
        #expect(DataFolderReader.feedFiles(in: folder) == ["a.csv", "dt=2020-05-04/part-0000.csv"])
        #expect(DataFolderReader.skippedEntries(in: folder).map(\.name) == ["dt=2020-05-04/_SUCCESS"])
        #expect(DataFolderReader.bytesToRead(in: fixture.root.path) == 2)
    }
}
