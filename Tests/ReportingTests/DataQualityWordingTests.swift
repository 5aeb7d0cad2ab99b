import Ingest
import Reporting
import Testing

/// The words of the data-quality summary: English as earlier versions wrote it (ISO dates, plain numbers),
/// French with French dates, numbers, typography and agreement.
@Suite("Data-quality wording")
struct DataQualityWordingTests {
    static let english = ReportWording(language: .en)
    static let french = ReportWording(language: .fr)
    static let day = CivilDate(year: 2020, month: 5, day: 1) ?? CivilDate(daysSinceEpoch: 0)
}

// MARK: - Numbers and days

extension DataQualityWordingTests {
    @Test func writesNumbersAndDaysPlainlyInEnglishAndTheFrenchWayInFrench() {
        #expect(Self.english.qualityCount(12_345) == "12345")
        #expect(Self.french.qualityCount(12_345) == "12\u{202F}345")
        #expect(Self.english.qualityPercent(0.025) == "2.50%")
        #expect(Self.french.qualityPercent(0.025) == "2,50\u{202F}%")
        #expect(Self.english.qualityDay(Self.day) == "2020-05-01")
        #expect(Self.french.qualityDay(Self.day) == "1er mai 2020")
        #expect(Self.english.daysCovered(from: Self.day, to: Self.day.adding(days: 9)) == "2020-05-01 to 2020-05-10")
        #expect(Self.french.daysCovered(from: Self.day, to: Self.day.adding(days: 9)) == "1er–10 mai 2020")
    }
}

// MARK: - Feeds and files

extension DataQualityWordingTests {
    @Test func agreesTheCountsOfAFeedWithTheirNumbers() {
        #expect(
            Self.english.feedCounts(files: 1, read: 1, accepted: 0, rejected: 1)
                == "1 file, 1 row read, 0 accepted, 1 rejected")
        #expect(
            Self.english.feedCounts(files: 2, read: 1_200, accepted: 1_190, rejected: 10)
                == "2 files, 1200 rows read, 1190 accepted, 10 rejected")
        #expect(
            Self.french.feedCounts(files: 1, read: 1, accepted: 0, rejected: 1)
                == "1 fichier, 1 ligne lue, 0 acceptée, 1 rejetée")
        #expect(
            Self.french.feedCounts(files: 2, read: 1_200, accepted: 1_190, rejected: 10)
                == "2 fichiers, 1\u{202F}200 lignes lues, 1\u{202F}190 acceptées, 10 rejetées")
        #expect(Self.english.fileCounts(read: 3, accepted: 2, rejected: 1) == "3 read, 2 accepted, 1 rejected")
        #expect(Self.french.fileCounts(read: 3, accepted: 2, rejected: 1) == "3 lignes lues, 2 acceptées, 1 rejetée")
    }

    @Test func describesHowAFileWasRead() {
        #expect(Self.english.rowGranularity(eventLevel: true) == "event-level")
        #expect(Self.french.rowGranularity(eventLevel: false) == "quotidien")
        #expect(Self.english.fileDelimiter(0x09) == "delimiter tab")
        #expect(Self.english.fileDelimiter(UInt8(ascii: ";")) == "delimiter \";\"")
        #expect(Self.french.fileDelimiter(0x09) == "séparateur tabulation")
        #expect(Self.french.fileDelimiter(UInt8(ascii: ";")) == "séparateur «\u{00A0};\u{00A0}»")
        #expect(
            Self.english.fromRollup("impressions/e.csv.rollup.json", byteRanges: 1)
                == "from its rollup impressions/e.csv.rollup.json (1 byte range)")
        #expect(
            Self.french.fromRollup("impressions/e.csv.rollup.json", byteRanges: 3)
                == "depuis son cumul impressions/e.csv.rollup.json (3 plages d'octets)")
        #expect(Self.english.restatesEarlierDays(1) == "restates 1 day given by earlier files")
        #expect(
            Self.french.restatesEarlierDays(2) == "remplace les valeurs de 2 jours données par des fichiers précédents")
    }
}

// MARK: - Findings, notes and verdict

extension DataQualityWordingTests {
    @Test func countsTheRejectedRowsLeftOutAndNamesTheirFileWhenAsked() {
        #expect(Self.english.moreRejectedRows(4) == "… and 4 more rejected rows")
        #expect(
            Self.english.moreRejectedRows(4, in: "Data/helpline_calls/a.csv")
                == "… and 4 more rejected rows in Data/helpline_calls/a.csv")
        #expect(Self.french.moreRejectedRows(1) == "… et 1 autre ligne rejetée")
        #expect(
            Self.french.moreRejectedRows(1_500, in: "Data/a.csv")
                == "… et 1\u{202F}500 autres lignes rejetées dans Data/a.csv")
    }

    @Test func saysHowManyRejectsTheListLeftOutInEachLanguage() {
        #expect(
            Self.english.rejectsNotListed(50, limit: 10_000)
                == "50 more rejected rows, not listed: rejects.csv lists the first 10000 of each file")
        #expect(
            Self.french.rejectsNotListed(1, limit: 10_000)
                == "1 autre ligne rejetée, non listée\u{00A0}: rejects.csv liste les 10\u{202F}000 premières de chaque "
                + "fichier")
        #expect(
            Self.english.rejectsListed(upTo: 10_000, unlisted: 1_500)
                == "Rejected rows are listed in `rejects.csv` with their file, line, column and reason, up to 10,000 "
                + "per file; 1,500 more were counted but not listed (a line per file in `rejects.csv` gives their "
                + "number).")
        #expect(
            Self.french.rejectsListed(upTo: 10_000, unlisted: 1_500)
                == "Les lignes rejetées figurent dans `rejects.csv` avec leur fichier, leur ligne, leur colonne et la "
                + "raison, jusqu’à 10\u{202F}000 par fichier\u{00A0}; 1\u{202F}500 autres ont été comptées sans être "
                + "listées (une ligne par fichier dans `rejects.csv` en donne le nombre).")
    }

    @Test func warnsOfAFileReadAfterANewerOneInEachLanguage() {
        let english = Self.english.fileOrderWarning(
            later: "Data/b.csv", earlier: "Data/a.csv", laterLastDay: Self.day,
            earlierLastDay: Self.day.adding(days: 1),
            restatedValues: 1)
        #expect(
            english.hasPrefix(
                "Data/b.csv is read after Data/a.csv (it sorts after it by name) but ends on 2020-05-01, before "
                    + "2020-05-02: its 1 restated value replaced the other file's."))
        let french = Self.french.fileOrderWarning(
            later: "Data/b.csv", earlier: "Data/a.csv", laterLastDay: Self.day,
            earlierLastDay: Self.day.adding(days: 1),
            restatedValues: 2)
        #expect(
            french.hasPrefix(
                "Data/b.csv est lu après Data/a.csv (son nom vient après) mais finit le 1er mai 2020, avant le "
                    + "2 mai 2020\u{00A0}: ses 2 valeurs reformulées ont remplacé celles de l'autre fichier."))
    }

    @Test func countsTheRevisionsAndWhatTheirListLeavesOut() {
        #expect(Self.english.valuesRestatedByLaterFiles(1) == "Revisions: 1 value restated by a later file")
        #expect(
            Self.french.valuesRestatedByLaterFiles(21)
                == "Révisions\u{00A0}: 21 valeurs remplacées par un fichier ultérieur")
        #expect(Self.english.andMore(1_001) == "… and 1001 more")
        #expect(Self.french.andMore(1_001) == "… et 1\u{202F}001 autres")
    }

    @Test func givesTheTotalsWithTheRejectRateAgainstTheThreshold() {
        #expect(
            Self.english.dataQualityTotal(read: 1, accepted: 1, rejected: 0, rejectRate: 0, maxRejectRate: 0.01)
                == "Total: 1 row read, 1 accepted, 0 rejected (0.00%; threshold 1.00%).")
        #expect(
            Self.french.dataQualityTotal(read: 14, accepted: 2, rejected: 12, rejectRate: 12 / 14, maxRejectRate: 0.01)
                == "En tout\u{00A0}: 14 lignes lues, 2 acceptées, 12 rejetées (85,71\u{202F}%\u{202F}; seuil "
                + "1,00\u{202F}%).")
    }

    @Test func givesEachVerdictInEachLanguage() {
        #expect(Self.english.verdictUsable == "Verdict: usable.")
        #expect(Self.french.verdictUsable == "Verdict\u{00A0}: utilisable.")
        #expect(Self.english.verdictUnreadable(files: 1) == "Verdict: not usable: 1 file(s) could not be read.")
        #expect(
            Self.french.verdictUnreadable(files: 2) == "Verdict\u{00A0}: inutilisable\u{00A0}: 2 fichiers illisibles.")
        #expect(
            Self.english.verdictNotUsable(rejectRate: 0.04, maxRejectRate: 0.01, refused: 1)
                == "Verdict: not usable: 4.00% of rows rejected, over the 1.00% threshold; 1 file refused.")
        #expect(
            Self.english.verdictNotUsable(rejectRate: nil, maxRejectRate: 0.01, refused: 3)
                == "Verdict: not usable: 3 files refused.")
        #expect(
            Self.french.verdictNotUsable(rejectRate: 0.04, maxRejectRate: 0.01, refused: 1)
                == "Verdict\u{00A0}: inutilisable\u{00A0}: 4,00\u{202F}% des lignes rejetées, au-delà du seuil de "
                + "1,00\u{202F}%\u{202F}; 1 fichier refusé.")
    }
}

// MARK: - The summary in French

extension DataQualityWordingTests {
    @Test func theSummaryIsInTheLanguageItIsGiven() {
        var report = FileReport(feed: .helplineCalls, file: "helpline_calls/a.csv")
        report.rowsRead = 8
        report.rowsAccepted = 1
        report.rowsRejected = 7
        report.delimiter = UInt8(ascii: ";")
        report.unknownColumns = ["note"]
        var data = IngestedData()
        data.files = [report]
        data.absentFeeds = [.clicks]
        data.rejects = (0..<7).map {
            RejectedRow(
                file: "helpline_calls/a.csv", line: $0 + 2, column: 3, value: "-1",
                reason: .notACount(column: "calls", value: "-1", problem: .negative), record: "")
        }
        var summary = DataQualitySummary(
            folder: "Data", timeZone: "Europe/Paris", data: data, maxRejectRate: 0.01, language: .fr)
        summary.errorsPerFile = 5
        let lines = summary.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "Qualité des données de Data (fuseau horaire Europe/Paris)")
        #expect(lines.contains("clicks\u{00A0}: pas de dossier (aucune donnée)"))
        #expect(
            lines.contains(
                "  helpline_calls/a.csv\u{00A0}: 8 lignes lues, 1 acceptée, 7 rejetées, quotidien, séparateur "
                    + "«\u{00A0};\u{00A0}»"))
        #expect(lines.contains("    colonnes inconnues (ignorées)\u{00A0}: note"))
        #expect(lines.contains("    … et 2 autres lignes rejetées"))
        #expect(summary.errorLines.first?.hasPrefix("erreur\u{00A0}: Data/helpline_calls/a.csv:2:3\u{00A0}: ") == true)
        #expect(summary.errorLines.last == "… et 2 autres lignes rejetées dans Data/helpline_calls/a.csv")
        #expect(
            lines.last
                == "Verdict\u{00A0}: inutilisable\u{00A0}: 87,50\u{202F}% des lignes rejetées, au-delà du seuil de 1,00\u{202F}%"
                + "\u{202F}; helpline_calls/a.csv\u{00A0}: nouveau fichier dont 87,50\u{202F}% des lignes sont rejetées, "
                + "au-delà du seuil de 50,00\u{202F}% pour un nouveau fichier.")
    }
}
