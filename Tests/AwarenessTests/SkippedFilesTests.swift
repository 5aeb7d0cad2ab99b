import Foundation
import Testing

/// What other programs leave in feed folders (Office lock files, hidden files, `Thumbs.db`, `desktop.ini`),
/// end to end: skipped and listed once, in `validate`'s output and in the run manifest, never refused.
@Suite("Leftovers of other programs in feed folders, end to end")
struct SkippedFilesTests {
    static let leftovers = [
        "helpline_calls/.DS_Store", "helpline_calls/.~lock.calls.csv#", "helpline_calls/Thumbs.db",
        "helpline_calls/desktop.ini", "helpline_calls/~$calls.csv",
    ]

    /// The corpus case `leftovers-of-other-programs-skipped` as data folder `left`, with a calendar that has no
    /// campaign (so that a run on its one row has nothing it cannot estimate).
    static func folder() throws -> BadInputFolder {
        let folder = try BadInputFolder()
        let target = folder.root.appendingPathComponent("left")
        try FileManager.default.copyItem(
            at: BadInputTests.corpus.appendingPathComponent("cases/leftovers-of-other-programs-skipped"), to: target)
        try Data("timezone: Europe/Paris\nlanguage: en\nholidays: FR\ncampaigns: []\n".utf8).write(
            to: target.appendingPathComponent("campaigns.yaml"))
        return folder
    }

    @Test func validateListsEachLeftoverOnceAndExitsWith0() throws {
        let folder = try Self.folder()
        let result = try folder.validate("left")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(
            result.stdout == """
                Data quality of left (time zone Europe/Paris)

                impressions: no folder (no data)

                clicks: no folder (no data)

                hashtag_videos: no folder (no data)

                helpline_calls: 1 file, 1 row read, 1 accepted, 0 rejected, 2020-05-04 to 2020-05-04
                  helpline_calls/calls.csv: 1 read, 1 accepted, 0 rejected, 2020-05-04 to 2020-05-04, daily
                  helpline_calls/.DS_Store: skipped, not a feed file (hidden file)
                  helpline_calls/.~lock.calls.csv#: skipped, not a feed file (hidden file)
                  helpline_calls/Thumbs.db: skipped, not a feed file (Windows thumbnail cache)
                  helpline_calls/desktop.ini: skipped, not a feed file (Windows folder settings)
                  helpline_calls/~$calls.csv: skipped, not a feed file (Office lock file)

                Total: 1 row read, 1 accepted, 0 rejected (0.00%; threshold 1.00%).
                Verdict: usable.

                """)
        for path in Self.leftovers {
            #expect(result.stdout.components(separatedBy: path).count == 2, "\(path) is listed once")
        }
    }

    @Test func runListsEachLeftoverOnceInTheManifestAndExitsWith0() throws {
        let folder = try Self.folder()
        let result = try folder.run("left")
        #expect(result.status == 0)
        #expect(!result.stderr.contains("error"))
        let manifestURL = folder.outputs(of: "left").appendingPathComponent("reports/run-manifest.json")
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        #expect(inputs.compactMap { $0["path"] as? String } == ["helpline_calls/calls.csv"])
        let skipped = try #require(manifest["skipped"] as? [[String: String]])
        #expect(
            skipped == [
                ["path": "helpline_calls/.DS_Store", "feed": "helpline_calls", "reason": "hidden"],
                ["path": "helpline_calls/.~lock.calls.csv#", "feed": "helpline_calls", "reason": "hidden"],
                ["path": "helpline_calls/Thumbs.db", "feed": "helpline_calls", "reason": "thumbnail_cache"],
                ["path": "helpline_calls/desktop.ini", "feed": "helpline_calls", "reason": "folder_settings"],
                ["path": "helpline_calls/~$calls.csv", "feed": "helpline_calls", "reason": "office_lock_file"],
            ])
    }

    /// Only these names are leftovers: a file that merely contains `~$` or ends in `.db` is still refused by name.
    @Test func otherNamesAreStillRefused() throws {
        let folder = try BadInputFolder()
        let feed = try folder.makeFolder("near", feed: "helpline_calls")
        for name in ["calls~$.csv.bak", "thumbs.db.old", "Desktop.ini.txt"] {
            try Data("x\n".utf8).write(to: feed.appendingPathComponent(name))
        }
        let result = try folder.validate("near")
        #expect(result.status == 1)
        #expect(!result.stdout.contains("skipped"))
        for name in ["calls~$.csv.bak", "thumbs.db.old", "Desktop.ini.txt"] {
            #expect(result.stdout.contains("error: near/helpline_calls/\(name): not a feed file"))
        }
    }
}
