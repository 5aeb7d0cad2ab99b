import Foundation
import SampleData
import Testing

/// Where `sample-data` may write: a new or empty folder, or an earlier sample when forced, never beside real feeds.
@Suite("Sample data destination")
struct SampleDataDestinationTests {
    /// A fresh temporary folder path (not created), removed at the end of the test.
    final class Scratch {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("destination-\(UUID().uuidString)")
        deinit { try? FileManager.default.removeItem(at: root) }

        func write(_ path: String, _ text: String = "x\n") throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    static let samplePaths = SampleDataSet(seed: 1).files.map(\.path)

    @Test(arguments: [false, true])
    func acceptsAFolderThatDoesNotExistOrIsEmpty(force: Bool) throws {
        let scratch = Scratch()
        let destination = SampleDataDestination(path: scratch.root.path, paths: Self.samplePaths)
        try destination.check(force: force)
        try FileManager.default.createDirectory(at: scratch.root, withIntermediateDirectories: true)
        try destination.check(force: force)
    }

    @Test func refusesAFolderThatHoldsAnythingUnlessForced() throws {
        let scratch = Scratch()
        try scratch.write("notes.txt")
        let destination = SampleDataDestination(path: scratch.root.path, paths: Self.samplePaths)
        #expect(throws: SampleDataDestination.Refusal.notEmpty(path: scratch.root.path)) {
            try destination.check(force: false)
        }
        try destination.check(force: true)
    }

    @Test func aHiddenFileMakesTheFolderNotEmpty() throws {
        let scratch = Scratch()
        try scratch.write(".keep")
        #expect(throws: SampleDataDestination.Refusal.notEmpty(path: scratch.root.path)) {
            try SampleDataDestination(path: scratch.root.path, paths: Self.samplePaths).check(force: false)
        }
    }

    @Test func writesOverAnEarlierSampleWhenForced() throws {
        let scratch = Scratch()
        for path in Self.samplePaths { try scratch.write(path) }
        try SampleDataDestination(path: scratch.root.path, paths: Self.samplePaths).check(force: true)
    }

    @Test func refusesAFeedFileItDoesNotWriteEvenWhenForced() throws {
        let scratch = Scratch()
        for path in Self.samplePaths { try scratch.write(path) }
        try scratch.write("helpline_calls/export_2021-01-04.csv", "date,helpline,calls\n")
        let expected = scratch.root.appendingPathComponent("helpline_calls/export_2021-01-04.csv").path
        #expect(throws: SampleDataDestination.Refusal.besideRealFeed(path: expected)) {
            try SampleDataDestination(path: scratch.root.path, paths: Self.samplePaths).check(force: true)
        }
    }

    /// The event-level feeds write other file names than the daily sample: the daily feeds are real data to them.
    @Test func theEventFeedsRefuseTheDailySampleFeedsEvenWhenForced() throws {
        let scratch = Scratch()
        for path in Self.samplePaths { try scratch.write(path) }
        let destination = SampleDataDestination(path: scratch.root.path, paths: EventFeedWriter.paths)
        let error = try #require(throws: SampleDataDestination.Refusal.self) { try destination.check(force: true) }
        #expect(error.path == scratch.root.appendingPathComponent("clicks/clicks_2020.csv").path)
    }

    @Test func refusesAPathThatIsAFile() throws {
        let scratch = Scratch()
        try scratch.write("Data")
        let path = scratch.root.appendingPathComponent("Data").path
        #expect(throws: SampleDataDestination.Refusal.notAFolder(path: path)) {
            try SampleDataDestination(path: path, paths: Self.samplePaths).check(force: true)
        }
    }

    @Test func namesTheFolderInItsMessage() {
        #expect(
            SampleDataDestination.Refusal.notEmpty(path: "Data").description
                == "Data: the folder exists and is not empty; sample-data writes only into a new or empty folder "
                + "(--force writes over an earlier sample in it)")
    }
}
