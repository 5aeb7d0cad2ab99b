import Ingest
import Nightly
import Reporting
import Testing

@Suite("Data-quality summary")
struct DataQualitySummaryTests {
    func data(read: Int, rejected: Int, failure: FileFailure? = nil) -> IngestedData {
        var report = FileReport(feed: .helplineCalls, file: "helpline_calls/a.csv")
        report.rowsRead = read
        report.rowsAccepted = read - rejected
        report.rowsRejected = rejected
        report.failure = failure
        var data = IngestedData()
        data.files = [report]
        data.rejects = (0..<rejected).map {
            RejectedRow(
                file: "helpline_calls/a.csv", line: $0 + 2, column: 3, value: "-1",
                reason: .notACount(column: "calls", value: "-1", problem: .negative), record: "")
        }
        return data
    }

    @Test func listsTheFirstErrorsOfAFileThenHowManyMore() {
        var summary = DataQualitySummary(
            folder: "Data", timeZone: "Europe/Paris", data: data(read: 100, rejected: 4), maxRejectRate: 0.01)
        summary.errorsPerFile = 2
        let lines = summary.text.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "    error: Data/helpline_calls/a.csv:2:3: calls: \"-1\" is negative; counts are non-negative whole numbers"
            ))
        #expect(
            lines.contains(
                "    error: Data/helpline_calls/a.csv:3:3: calls: \"-1\" is negative; counts are non-negative whole numbers"
            ))
        #expect(!lines.contains { $0.contains("a.csv:4:3") })
        #expect(lines.contains("    … and 2 more rejected rows"))
        #expect(lines.last == "Verdict: not usable: 4.00% of rows rejected, over the 1.00% threshold.")
    }

    @Test func aRejectRateAtTheThresholdIsStillUsable() {
        let summary = DataQualitySummary(
            folder: "Data", timeZone: "Europe/Paris", data: data(read: 100, rejected: 1), maxRejectRate: 0.01)
        #expect(summary.text.hasSuffix("Verdict: usable.\n"))
    }

    @Test func anUnreadableFileIsAnIOFailure() {
        let failed = data(
            read: 0, rejected: 0,
            failure: FileFailure(isIOError: true, line: nil, column: nil, reason: .csv(.noSuchFile)))
        let verdict = NightVerdict(data: failed, lastNight: nil, maxRejectRate: 0.5, maxFileRejectRate: 0.5)
        #expect(verdict.dataVerdict == .ioFailure)
    }
}

@Suite("Rows kept with bytes that are not text")
struct IgnoredInvalidTextWordingTests {
    @Test func theValidateBlockListsTheRowsKeptUnderTheirFile() throws {
        var report = FileReport(feed: .helplineCalls, file: "helpline_calls/a.csv")
        report.rowsRead = 4
        report.rowsAccepted = 4
        report.ignoredInvalidText = IgnoredInvalidText(rows: 2, firstLine: 3, columns: ["note", "coût"])
        var data = IngestedData()
        data.files = [report]
        let summary = DataQualitySummary(folder: "Data", timeZone: "Europe/Paris", data: data, maxRejectRate: 0.01)
        let lines = summary.text.split(separator: "\n").map(String.init)
        let file = try #require(lines.firstIndex { $0.hasPrefix("  helpline_calls/a.csv: 4 read") })
        #expect(
            lines[file + 1]
                == "    kept 2 rows whose ignored columns hold bytes that are not text (first on line 3; columns: note, coût)"
        )
        #expect(summary.text.hasSuffix("Verdict: usable.\n"))
    }

    @Test func isWordedInEnglishAndFrench() {
        let one = IgnoredInvalidText(rows: 1, firstLine: 7, columns: ["note"])
        #expect(
            one.text(in: .en)
                == "kept 1 row whose ignored columns hold bytes that are not text (first on line 7; column: note)")
        #expect(
            one.text(in: .fr)
                == "1 ligne gardée dont des colonnes ignorées contiennent des octets qui ne sont pas du texte (première à la "
                + "ligne 7\u{00A0}; colonne\u{00A0}: note)")
    }
}
