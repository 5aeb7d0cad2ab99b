import Foundation
import Ingest
import Nightly
import Reporting
import Testing

/// Every reason a night fails, worded in English and in French, in the summary's verdict and in
/// `failed-night.md`; and last night read from the reports folder's manifest.
@Suite("The night's verdict, worded")
struct NightVerdictWordingTests {
    typealias Reason = NightVerdict.Reason

    /// Each reason with its English and French text.
    static let texts: [(Reason, String, String)] = [
        (
            .feedUnreadable(feed: .helplineCalls, system: "Permission denied"),
            "helpline_calls: the feed folder cannot be read (Permission denied); its files could not be seen",
            "helpline_calls\u{00A0}: le dossier du flux ne peut pas être lu (Permission denied)\u{00A0}; ses fichiers "
                + "n'ont pas pu être vus"
        ),
        (
            .fileUnreadable(file: "helpline_calls/a.csv"), "helpline_calls/a.csv: the file could not be read",
            "helpline_calls/a.csv\u{00A0}: le fichier n'a pas pu être lu"
        ),
        (
            .feedVanished(feed: .helplineCalls, lastNightRows: 1_234),
            "helpline_calls: the feed folder is missing, and it gave 1234 rows last night (an unmounted share?)",
            "helpline_calls\u{00A0}: le dossier du flux manque alors qu'il a donné 1\u{202F}234 lignes la veille (un "
                + "partage non monté\u{00A0}?)"
        ),
        (
            .feedEmpty(feed: .hashtagVideos, lastNightRows: 1),
            "hashtag_videos: the feed folder holds no file, and it gave 1 row last night",
            "hashtag_videos\u{00A0}: le dossier du flux ne contient aucun fichier alors qu'il a donné 1 ligne la veille"
        ),
        (
            .feedHeaderOnly(feed: .clicks, lastNightRows: 2),
            "clicks: the feed's files hold no data row (headers only), and they gave 2 rows last night",
            "clicks\u{00A0}: les fichiers du flux n'ont aucune ligne de données (en-têtes seuls) alors qu'ils ont donné "
                + "2 lignes la veille"
        ),
        (
            .fileRefused(file: "clicks/x.txt"), "clicks/x.txt: the file was refused",
            "clicks/x.txt\u{00A0}: le fichier a été refusé"
        ),
        (
            .fileWhollyRejected(file: "helpline_calls/2021-01.csv", rows: 31),
            "helpline_calls/2021-01.csv: all 31 of its rows were rejected",
            "helpline_calls/2021-01.csv\u{00A0}: ses 31 lignes ont toutes été rejetées"
        ),
        (
            .fileWhollyRejected(file: "helpline_calls/one.csv", rows: 1),
            "helpline_calls/one.csv: its only row was rejected",
            "helpline_calls/one.csv\u{00A0}: sa seule ligne a été rejetée"
        ),
        (
            .newFileOverThreshold(file: "helpline_calls/new.csv", rate: 0.6, threshold: 0.5),
            "helpline_calls/new.csv: a new file with 60.00% of its rows rejected, over the 50.00% threshold for a new "
                + "file",
            "helpline_calls/new.csv\u{00A0}: nouveau fichier dont 60,00\u{202F}% des lignes sont rejetées, au-delà du "
                + "seuil de 50,00\u{202F}% pour un nouveau fichier"
        ),
        (
            .overallOverThreshold(rate: 0.04, threshold: 0.01), "4.00% of rows rejected, over the 1.00% threshold",
            "4,00\u{202F}% des lignes rejetées, au-delà du seuil de 1,00\u{202F}%"
        ),
    ]

    @Test func wordsEveryReasonInEnglishAndInFrench() {
        for (reason, english, french) in Self.texts {
            #expect(reason.text(in: .en) == english)
            #expect(reason.text(in: .fr) == french)
        }
    }

    @Test func wordsTheLineOfAFeedFolderThatCannotBeReadInEnglishAndInFrench() {
        #expect(
            ReportWording(language: .en).feedFolderUnreadable(system: "Permission denied")
                == "folder cannot be read (Permission denied)")
        #expect(
            ReportWording(language: .fr).feedFolderUnreadable(system: "Permission denied")
                == "dossier illisible (Permission denied)")
        var data = IngestedData()
        data.unreadableFeeds = [UnreadableFeedFolder(feed: .clicks, folder: "clicks", system: "Permission denied")]
        let summary = DataQualitySummary(folder: "Data", timeZone: "UTC", data: data, maxRejectRate: 0.01)
        #expect(summary.text.contains("\nclicks: folder cannot be read (Permission denied)\n"))
        #expect(
            summary.text.hasSuffix(
                "Verdict: not usable: clicks: the feed folder cannot be read (Permission denied); its files could not "
                    + "be seen.\n"))
    }

    @Test func locatesAReasonAtItsFeedFolderOrFileAndTheOverallRateNowhere() {
        #expect(Reason.feedVanished(feed: .helplineCalls, lastNightRows: 1).subject == "helpline_calls")
        #expect(Reason.fileRefused(file: "clicks/x.txt").subject == "clicks/x.txt")
        #expect(Reason.overallOverThreshold(rate: 1, threshold: 0).subject == nil)
        #expect(
            Reason.feedEmpty(feed: .clicks, lastNightRows: 3).message(in: .en)
                == "the feed folder holds no file, and it gave 3 rows last night")
    }

    /// A summary of one history file with two rejected rows and, when `newFile`, a new file all of whose rows were
    /// rejected, against last night's history file.
    static func summary(newFile: Bool, language: ReportLanguage) -> DataQualitySummary {
        var data = IngestedData()
        var history = FileReport(feed: .helplineCalls, file: "helpline_calls/history.csv")
        history.rowsRead = 1_000
        history.rowsAccepted = 998
        history.rowsRejected = 2
        data.files = [history]
        data.rejects = [
            RejectedRow(
                file: "helpline_calls/history.csv", line: 1_001, column: 3, value: "-1",
                reason: .notACount(column: "calls", value: "-1", problem: .negative), record: "2020-05-04,119,-1")
        ]
        if newFile {
            var us = FileReport(feed: .helplineCalls, file: "helpline_calls/2021-01.csv")
            us.rowsRead = 3
            us.rowsRejected = 3
            data.files.append(us)
            data.rejects.append(
                RejectedRow(
                    file: "helpline_calls/2021-01.csv", line: 2, column: 3, value: "-5",
                    reason: .notACount(column: "calls", value: "-5", problem: .negative), record: "2021-01-31,119,-5"))
        }
        let lastNight = LastNight(files: ["helpline_calls/history.csv"], rowsAccepted: [.helplineCalls: 998])
        let verdict = NightVerdict(data: data, lastNight: lastNight, maxRejectRate: 0.01, maxFileRejectRate: 0.5)
        return DataQualitySummary(
            folder: "Data", timeZone: "Europe/Paris", data: data, verdict: verdict, language: language)
    }

    @Test func rejectedRowsUnderTheThresholdsAreWarningsAndThoseOfAFailedFileErrors() {
        let good = Self.summary(newFile: false, language: .en)
        #expect(good.errors.map(\.severity) == [.warning])
        #expect(good.text.contains("    warning: Data/helpline_calls/history.csv:1001:3: calls: \"-1\" is negative"))
        #expect(good.text.hasSuffix("Verdict: usable.\n"))
        let bad = Self.summary(newFile: true, language: .en)
        #expect(bad.errors.map(\.severity) == [.warning, .error])
        #expect(bad.text.contains("    error: Data/helpline_calls/2021-01.csv:2:3: calls: \"-5\" is negative"))
        #expect(
            bad.text.hasSuffix("Verdict: not usable: helpline_calls/2021-01.csv: all 3 of its rows were rejected.\n"))
        let french = Self.summary(newFile: true, language: .fr)
        #expect(french.text.contains("    avertissement\u{00A0}: Data/helpline_calls/history.csv:1001:3\u{00A0}: "))
        #expect(
            french.text.hasSuffix(
                "Verdict\u{00A0}: inutilisable\u{00A0}: helpline_calls/2021-01.csv\u{00A0}: ses 3 lignes ont toutes "
                    + "été rejetées.\n"))
    }

    @Test func aFailedNightListsEveryReasonInTheReportLanguage() {
        let reasons = [Self.texts[2].0, Self.texts[6].0]
        let english = ReportWording(language: .en).failedNight(
            reasons: reasons.map { $0.text(in: .en) }, reportsPath: "reports")
        #expect(
            english.hasPrefix(
                "The data had problems:\n\n- helpline\\_calls: the feed folder is missing, and it gave 1234 rows last "
                    + "night (an unmounted share?)\n- helpline\\_calls/2021-01.csv: all 31 of its rows were rejected\n\n"
                    + "The reports in `reports` and the notebooks are last night's, unchanged."))
        let french = ReportWording(language: .fr).failedNight(
            reasons: reasons.map { $0.text(in: .fr) }, reportsPath: "reports")
        #expect(
            french.hasPrefix(
                "Les données posaient problème\u{00A0}:\n\n- helpline\\_calls\u{00A0}: le dossier du flux manque"))
        #expect(french.contains("\n\nLes rapports de `reports` et les carnets sont ceux de la veille, inchangés."))
    }
}

// MARK: - Last night

extension NightVerdictWordingTests {
    /// A fresh reports folder holding `manifest` as its run-manifest.json (none when nil).
    static func reports(_ manifest: String?) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("last-night-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let manifest {
            try Data(manifest.utf8).write(to: folder.appendingPathComponent("run-manifest.json"))
        }
        return folder.path
    }

    @Test func readsLastNightsFilesAndRowsPerFeedFromTheManifest() throws {
        let manifest = RunManifest(
            toolVersion: "awareness 0.1.0", configPath: "Data/campaigns.yaml", configSHA256: "00",
            inputs: [
                .init(
                    path: "helpline_calls/a.csv", feed: "helpline_calls", size: 10, sha256: nil, rowsRead: 5,
                    rowsAccepted: 4, rowsRejected: 1),
                .init(
                    path: "helpline_calls/b.csv", feed: "helpline_calls", size: 10, sha256: nil, rowsRead: 3,
                    rowsAccepted: 3, rowsRejected: 0),
                .init(
                    path: "clicks/c.csv", feed: "clicks", size: 10, sha256: nil, rowsRead: 0, rowsAccepted: 0,
                    rowsRejected: 0),
                .init(
                    path: "gone/d.csv", feed: "gone", size: 10, sha256: nil, rowsRead: 1, rowsAccepted: 1,
                    rowsRejected: 0),
            ], runTime: "2026-12-06T02:00:00Z")
        let folder = try Self.reports(try manifest.json())
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lastNight = try #require(RunManifest.lastNight(inReports: folder))
        #expect(lastNight.files == ["helpline_calls/a.csv", "helpline_calls/b.csv", "clicks/c.csv", "gone/d.csv"])
        #expect(lastNight.rows(of: .helplineCalls) == 7)
        #expect(lastNight.rows(of: .clicks) == nil)
        #expect(lastNight.rows(of: .impressions) == nil)
    }

    @Test(arguments: [nil, "", "{\"inputs\": [", "[1, 2]", "{\"inputs\": [{\"feed\": \"clicks\"}]}"])
    func aMissingOrUnparsableManifestMeansNoHistory(_ manifest: String?) throws {
        let folder = try Self.reports(manifest)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(RunManifest.lastNight(inReports: folder) == nil)
        // A manifest that is there but unusable is told from none, so that the summary can say so.
        let path = folder + "/run-manifest.json"
        #expect(RunManifest.lastNightManifest(inReports: folder) == (manifest == nil ? .absent : .unusable(path: path)))
        let verdict = NightVerdict(
            data: IngestedData(), reportsPath: folder, maxRejectRate: 0.01, maxFileRejectRate: 0.5)
        #expect(verdict.unusableManifest == (manifest == nil ? nil : path))
        #expect(!verdict.hasLastNight)
    }

    @Test func saysInEnglishAndInFrenchThatAnUnusableManifestLeavesTonightUncompared() {
        #expect(
            ReportWording(language: .en).lastNightManifestUnusable("reports/run-manifest.json")
                == "Last night's manifest reports/run-manifest.json could not be read: tonight is not compared with "
                + "last night (every file counts as new, no feed folder as vanished)")
        #expect(
            ReportWording(language: .fr).lastNightManifestUnusable("reports/run-manifest.json")
                == "Le manifeste de la veille reports/run-manifest.json n'a pas pu être lu\u{00A0}: cette nuit n'est pas "
                + "comparée à la veille (chaque fichier compte comme nouveau, aucun dossier de flux comme disparu)")
        var verdict = NightVerdict(data: IngestedData(), lastNight: nil, maxRejectRate: 0.01, maxFileRejectRate: 0.5)
        verdict.unusableManifest = "reports/run-manifest.json"
        let summary = DataQualitySummary(
            folder: "Data", timeZone: "UTC", data: IngestedData(), verdict: verdict, language: .fr)
        #expect(summary.text.contains("\nLe manifeste de la veille reports/run-manifest.json n'a pas pu être lu"))
    }

    @Test func aManifestWithOnlyItsInputsStillGivesLastNight() throws {
        let folder = try Self.reports(
            "{\"inputs\": [{\"path\": \"helpline_calls/a.csv\", \"feed\": \"helpline_calls\", \"rows_accepted\": 9}]}")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(
            RunManifest.lastNight(inReports: folder)
                == LastNight(files: ["helpline_calls/a.csv"], rowsAccepted: [.helplineCalls: 9]))
    }
}
