import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("awareness validate, end to end")
struct ValidateCommandTests {
    @Test func acceptsAGoodFolderAndPrintsItsWholeSummary() throws {
        let result = try CommandRunner.run(["validate", "--data", "good"])
        // The fixture has no hashtag videos: its campaign's #119 section would be empty, which is warned of.
        #expect(
            result.stderr
                == "warning: good/campaigns.yaml:5: campaign 'banner-119' names videos:119, which no feed has: "
                + "its section will be empty\n")
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                Data quality of good (time zone Europe/Paris)

                impressions: 1 file, 3 rows read, 3 accepted, 0 rejected, 2020-05-03 to 2020-05-04
                  impressions/events.csv: 3 read, 3 accepted, 0 rejected, 2020-05-03 to 2020-05-04, event-level
                    unknown columns (ignored): note

                clicks: 1 file, 1 row read, 1 accepted, 0 rejected, 2020-05-04 to 2020-05-04
                  clicks/daily.csv: 1 read, 1 accepted, 0 rejected, 2020-05-04 to 2020-05-04, daily, delimiter ";"

                hashtag_videos: 1 file, 2 rows read, 2 accepted, 0 rejected, 2020-05-04 to 2020-05-04
                  hashtag_videos/2020-05.csv: 2 read, 2 accepted, 0 rejected, 2020-05-04 to 2020-05-04, daily
                    unknown columns (ignored): language

                helpline_calls: 2 files, 5 rows read, 5 accepted, 0 rejected, 2020-05-03 to 2020-05-05
                  helpline_calls/2020-05-05.csv: 3 read, 3 accepted, 0 rejected, 2020-05-03 to 2020-05-04, daily
                  helpline_calls/2020-05-06.csv: 2 read, 2 accepted, 0 rejected, 2020-05-04 to 2020-05-05, daily
                    restates 1 day given by earlier files

                Revisions: 1 value restated by a later file
                  helpline_calls helpline=119 2020-05-04: 812/700 -> 815/702 (helpline_calls/2020-05-06.csv:2 restates helpline_calls/2020-05-05.csv:3)

                Total: 11 rows read, 11 accepted, 0 rejected (0.00%; threshold 1.00%).
                Verdict: usable.

                """)
    }

    @Test func listsEveryProblemOfABadFolderAndExitsWithStatus1() throws {
        let result = try CommandRunner.run(["validate", "--data", "bad"])
        #expect(result.status == 1)
        // The fixture has no hashtag videos: its campaign's #119 section would be empty, which is warned of.
        #expect(
            result.stderr
                == "warning: bad/campaigns.yaml:5: campaign 'banner-119' names videos:119, which no feed has: "
                + "its section will be empty\n"
                + "warning: bad/campaigns.yaml:5: campaign 'banner-119' names videos:alloenfanceendanger, which no "
                + "feed has: its section will be empty\n"
                + "error: bad/helpline_calls/a-values.csv: a new file with 90.00% of its rows rejected, over the "
                + "50.00% threshold for a new file\n")
        let expected = """
            Data quality of bad (time zone Europe/Paris)

            impressions: 1 file, 2 rows read, 1 accepted, 1 rejected, 2020-05-04 to 2020-05-04
              impressions/events.csv: 2 read, 1 accepted, 1 rejected, 2020-05-04 to 2020-05-04, event-level
                error: bad/impressions/events.csv:2:1: timestamp: "2020-05-04T10:00:00" has no time zone; add Z or an offset such as +01:00

            clicks: no folder (no data)

            hashtag_videos: no folder (no data)

            helpline_calls: 6 files, 12 rows read, 1 accepted, 11 rejected, 2020-05-01 to 2020-05-01
              helpline_calls/a-values.csv: 10 read, 1 accepted, 9 rejected, 2020-05-01 to 2020-05-01, daily
                error: bad/helpline_calls/a-values.csv:3:3: calls: "-5" is negative; counts are non-negative whole numbers
                error: bad/helpline_calls/a-values.csv:4:3: calls: "many" is not a count (a non-negative whole number)
                error: bad/helpline_calls/a-values.csv:5:3: calls: "5.0" is not a whole number; counts have no decimals
                error: bad/helpline_calls/a-values.csv:6:3: calls: "99999999999999999999" is too large for a count (the largest is 9223372036854775807)
                error: bad/helpline_calls/a-values.csv:7:1: date: "2020-02-30" is not a date (YYYY-MM-DD)
                … and 4 more rejected rows
              helpline_calls/b-unterminated.csv: refused (1 read, 0 accepted, 1 rejected)
                error: bad/helpline_calls/b-unterminated.csv:3: quoted field opened on line 3 is never closed
              helpline_calls/c-latin1.csv: refused (1 read, 0 accepted, 1 rejected)
                error: bad/helpline_calls/c-latin1.csv:3:25: invalid UTF-8 (0xE9 0x2C 0x37); the file is not UTF-8 text (Latin-1 or Windows-1252?), export it as UTF-8 or set encoding: for its feed in campaigns.yaml
              helpline_calls/d-empty.csv: refused (0 read, 0 accepted, 0 rejected)
                error: bad/helpline_calls/d-empty.csv: the file is empty
              helpline_calls/e-header-only.csv: 0 read, 0 accepted, 0 rejected, daily
              helpline_calls/f-no-calls.csv: refused (0 read, 0 accepted, 0 rejected)
                error: bad/helpline_calls/f-no-calls.csv:1: missing required column 'calls' (header has: date, helpline, answered)

            Total: 14 rows read, 2 accepted, 12 rejected (85.71%; threshold 1.00%).
            Verdict: not usable: 85.71% of rows rejected, over the 1.00% threshold; 4 files refused; helpline_calls/a-values.csv: a new file with 90.00% of its rows rejected, over the 50.00% threshold for a new file.

            """
        #expect(result.stdout == expected)
    }

    @Test func aFileRefusedAloneFailsTheDataEvenUnderAGenerousThreshold() throws {
        let result = try CommandRunner.run(["validate", "--data", "bad", "--max-reject-rate", "1"])
        #expect(result.status == 1)
        #expect(
            result.stdout.hasSuffix(
                "Verdict: not usable: 4 files refused; helpline_calls/a-values.csv: a new file with 90.00% of its rows "
                    + "rejected, over the 50.00% threshold for a new file.\n"))
        // Under the generous overall threshold, the row rejected in a file under its own threshold is a warning.
        #expect(result.stdout.contains("    warning: bad/impressions/events.csv:2:1: timestamp: "))
    }

    @Test func namesTheKeyPathAndLineOfAConfigurationErrorAndExitsWithStatus2() throws {
        let result = try CommandRunner.run(["validate", "--data", "badconfig"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(
            result.stderr == "error: badconfig/campaigns.yaml:8:10: campaigns[0].end: \"2020-11-31\" is not a date\n")
    }

    @Test func refusesAMissingFolderAndABadThresholdWithStatus2() throws {
        let missing = try CommandRunner.run(["validate", "--data", "nowhere"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: nowhere: no such data folder\n")
        let threshold = try CommandRunner.run(["validate", "--data", "good", "--max-reject-rate", "3"])
        #expect(threshold.status == 2)
        #expect(threshold.stderr.hasPrefix("error: --max-reject-rate must be a fraction between 0 and 1, got 3.0\n"))
    }

    @Test func aFileThatCannotBeReadExitsWithStatus3() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("io-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("helpline_calls"), withIntermediateDirectories: true)
        // A named pipe: reading it would wait for a writer.
        #expect(mkfifo(folder.appendingPathComponent("helpline_calls/x.csv").path, 0o644) == 0)
        try FileManager.default.copyItem(
            at: CommandRunner.fixtures.appendingPathComponent("good/campaigns.yaml"),
            to: folder.appendingPathComponent("campaigns.yaml"))
        let result = try CommandRunner.run(["validate", "--data", folder.path])
        #expect(result.status == 3)
        #expect(result.stdout.contains("helpline_calls/x.csv: refused (0 read, 0 accepted, 0 rejected)"))
        #expect(result.stdout.contains("helpline_calls/x.csv: is a named pipe (FIFO), not a regular file"))
    }

    @Test func printsItsHelp() throws {
        let result = try CommandRunner.run(["validate", "--help"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                OVERVIEW: Read every feed and print a data-quality summary.

                Gives the verdict run would give on the same folders: the data is compared with
                the last night that wrote --out (its run-manifest.json). Exit status: 0 the
                data is usable; 1 the night would fail (a feed folder that had data last night
                missing, empty or header-only; a file refused or wholly rejected; a new file
                over --max-file-reject-rate; more rows rejected than --max-reject-rate allows);
                2 usage or configuration error; 3 a file or feed folder could not be read, or
                the summary or a diagnostic could not be written (a full or closed standard
                output or error).

                USAGE: awareness validate [--data <dir>] [--out <dir>] [--max-reject-rate <fraction>] [--max-file-reject-rate <fraction>] [--language <en|fr>]

                OPTIONS:
                  --data <dir>            The data folder: campaigns.yaml and the feed folders.
                                          (default: Data)
                  --out <dir>             The reports folder run writes: its run-manifest.json
                                          says what last night read. (default: reports)
                  --max-reject-rate <fraction>
                                          The largest fraction of rows that may be rejected.
                                          (default: 0.01)
                  --max-file-reject-rate <fraction>
                                          The largest fraction of the rows of a file not read
                                          last night that may be rejected. (default: 0.5)
                  --language <en|fr>      The language of the summary (default: the one in
                                          campaigns.yaml). (values: en, fr)
                  --version               Show the version.
                  -h, --help              Show help information.


                """)
    }
}

@Suite("awareness --version")
struct VersionTests {
    /// The version the run manifest records.
    @Test func printsTheManifestsVersion() throws {
        let result = try CommandRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }
}

@Suite("Files whose names sort against their dates")
struct FileOrderTests {
    /// `appels_30-06-2020.csv`, the older export, sorts after the corrected `appels_01-07-2020.csv` and restates two
    /// of its days: validate names both files and says how to name them.
    @Test func anOlderExportReadAfterANewerOneIsNamed() throws {
        let folder = try BadInputFolder()
        let feed = try folder.makeFolder("order", feed: "helpline_calls")
        try Data("date,helpline,calls\n2020-06-29,119,700\n2020-06-30,119,710\n2020-07-01,119,720\n".utf8)
            .write(to: feed.appendingPathComponent("appels_01-07-2020.csv"))
        try Data("date,helpline,calls\n2020-06-28,119,650\n2020-06-29,119,690\n2020-06-30,119,705\n".utf8)
            .write(to: feed.appendingPathComponent("appels_30-06-2020.csv"))
        let result = try folder.validate("order")
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "warning: order/helpline_calls/appels_30-06-2020.csv is read after "
                    + "order/helpline_calls/appels_01-07-2020.csv (it sorts after it by name) but ends on 2020-06-30, "
                    + "before 2020-07-01: its 2 restated values replaced the other file's. Files are read in name "
                    + "order and later ones win: name exports so that they sort by date (appels_2020-07-01.csv)\n"),
            "\(result.stdout)")
    }

    /// A later export that extends the data (the usual nightly case) is no warning.
    @Test func aNewerExportReadLastIsNoWarning() throws {
        let folder = try BadInputFolder()
        let feed = try folder.makeFolder("order", feed: "helpline_calls")
        try Data("date,helpline,calls\n2020-06-29,119,690\n2020-06-30,119,705\n".utf8)
            .write(to: feed.appendingPathComponent("appels_2020-06-30.csv"))
        try Data("date,helpline,calls\n2020-06-30,119,710\n2020-07-01,119,720\n".utf8)
            .write(to: feed.appendingPathComponent("appels_2020-07-01.csv"))
        let result = try folder.validate("order")
        #expect(result.status == 0)
        #expect(!result.stdout.contains("warning:"), "\(result.stdout)")
    }
}
