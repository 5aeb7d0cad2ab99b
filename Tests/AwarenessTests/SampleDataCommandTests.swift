import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `awareness sample-data` end to end: it writes only where it is asked to, never beside real feeds.
@Suite("sample-data command, end to end")
struct SampleDataCommandTests {
    /// A temporary working folder for one test, removed at its end.
    final class WorkFolder {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sample-data-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: root) }

        func write(_ path: String, _ text: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        /// Every file under the folder with its bytes, by relative path.
        func contents() throws -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: root.path)
            while let path = enumerator?.nextObject() as? String {
                let url = root.appendingPathComponent(path)
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                    files[path] = try Data(contentsOf: url)
                }
            }
            return files
        }
    }

    @Test func writesTheSampleIntoANewFolder() throws {
        let work = try WorkFolder()
        let result = try CommandRunner.run(["sample-data", "--out", "Data"], in: work.root)
        #expect(result == .init(status: 0, stdout: "wrote 8 files to Data (seed 20200504)\n", stderr: ""))
        #expect(try work.contents().keys.contains("Data/helpline_calls/helpline_calls_2020.csv"))
    }

    @Test func refusesAFolderThatIsNotEmptyWithStatus2AndWritesNothing() throws {
        let work = try WorkFolder()
        try work.write("Data/helpline_calls/export.csv", "date,helpline,calls\n2021-01-04,119,800\n")
        let before = try work.contents()
        let result = try CommandRunner.run(["sample-data", "--out", "Data"], in: work.root)
        #expect(
            result
                == .init(
                    status: 2, stdout: "",
                    stderr: "error: Data: the folder exists and is not empty; sample-data writes only into a new or "
                        + "empty folder (--force writes over an earlier sample in it)\n"))
        #expect(try work.contents() == before)
    }

    @Test func refusesTheEventFeedsInAFolderThatIsNotEmpty() throws {
        let work = try WorkFolder()
        try work.write("ev/campaigns.yaml", "timezone: Europe/Paris\n")
        let result = try CommandRunner.run(["sample-data", "--events", "10", "--out", "ev"], in: work.root)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: ev: the folder exists and is not empty;"))
        #expect(try work.contents() == ["ev/campaigns.yaml": Data("timezone: Europe/Paris\n".utf8)])
    }

    @Test func forceWritesOverAnEarlierSample() throws {
        let work = try WorkFolder()
        #expect(try CommandRunner.run(["sample-data", "--out", "Data"], in: work.root).status == 0)
        let first = try work.contents()
        try work.write("Data/ground-truth.csv", "edited\n")
        let result = try CommandRunner.run(["sample-data", "--out", "Data", "--force"], in: work.root)
        #expect(result == .init(status: 0, stdout: "wrote 8 files to Data (seed 20200504)\n", stderr: ""))
        #expect(try work.contents() == first)
    }

    @Test func forceNeverWritesBesideARealFeed() throws {
        let work = try WorkFolder()
        #expect(try CommandRunner.run(["sample-data", "--out", "Data"], in: work.root).status == 0)
        try work.write("Data/impressions/export_2021-01-04.csv", "date,campaign,impressions\n2021-01-04,x,5\n")
        let before = try work.contents()
        let result = try CommandRunner.run(["sample-data", "--out", "Data", "--force", "--seed", "7"], in: work.root)
        #expect(
            result
                == .init(
                    status: 2, stdout: "",
                    stderr: "error: Data/impressions/export_2021-01-04.csv: a feed file that sample-data does not "
                        + "write; the sample is never written beside real feeds, even with --force\n"))
        #expect(try work.contents() == before)
    }

    /// The whole help, pinned: the folder rule is part of what the command promises.
    @Test func theHelpSaysWhereItWrites() throws {
        let result = try CommandRunner.run(["sample-data", "--help"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                OVERVIEW: Write the synthetic sample data set, or event-level feeds for
                benchmarks.

                Without --events, writes the daily feeds, campaigns.yaml, ground-truth.csv and
                README.md into --out (default Data). With --events N, writes N impression
                events (one per row, ISO-8601 timestamps over 2020) and the matching clicks
                into --out. The same seed always gives byte-identical files. The folder must be
                new or empty; --force writes over an earlier sample in it, but never beside
                feed files the sample does not write (status 2).

                USAGE: awareness sample-data [--seed <seed>] [--out <out>] [--events <events>] [--force]

                OPTIONS:
                  --seed <seed>           The seed of every random draw. (default: 20200504)
                  --out <out>             The folder to write into. (default: Data)
                  --events <events>       Write N event-level impression rows (and their
                                          clicks) instead of the daily data set; at most
                                          1000000000 (about 90 bytes each), and only when the
                                          folder's file system has the room.
                  --force                 Write into a folder that is not empty, over an
                                          earlier sample (never beside other feed files).
                  --version               Show the version.
                  -h, --help              Show help information.


                """)
    }

    /// A count past the documented bound (the issue's `9223372036854775807` wrote until the disk was full) is a
    /// usage error, before anything is written.
    @Test func refusesMoreEventsThanTheBoundWithStatus2() throws {
        let work = try WorkFolder()
        let result = try CommandRunner.run(
            ["sample-data", "--events", "9223372036854775807", "--out", "ev"], in: work.root)
        #expect(result.status == 2)
        #expect(
            result.stderr.hasPrefix(
                "error: --events must be at most 1000000000 rows (about 90.0 GB), not 9223372036854775807.\n"))
        #expect(try work.contents().isEmpty)
    }

    /// Twice the events the temporary folder's file system has room for (as statvfs gives it here), when that is
    /// within the bound; nil on a disk with room for the bound, where no count can be refused for space.
    static var eventsTheDiskCannotHold: Int? {
        var info = statvfs()
        guard statvfs(FileManager.default.temporaryDirectory.path, &info) == 0 else { return nil }
        let events = Int(info.f_bavail) * Int(info.f_frsize) / 90 * 2
        return events <= 1_000_000_000 ? events : nil
    }

    /// More events than the file system has room for: refused with status 3 before a byte is written, saying how
    /// much is needed and how much is free. Runs only where the disk is small enough for a count within the bound
    /// to overflow it (the decision itself is tested with numbers in `EventSpaceShortfallTests`).
    @Test(.enabled(if: eventsTheDiskCannotHold != nil, "the disk has room for the largest count"))
    func refusesMoreEventsThanTheDiskHoldsWithStatus3AndWritesNothing() throws {
        let work = try WorkFolder()
        let events = try #require(Self.eventsTheDiskCannotHold)
        let result = try CommandRunner.run(
            ["sample-data", "--events", String(events), "--out", "ev"], in: work.root)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("error: ev: --events \(events) needs about "), "\(result.stderr)")
        #expect(result.stderr.hasSuffix(" free; nothing was written\n"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try work.contents().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: work.root.appendingPathComponent("ev").path))
    }
}
