import Analytics
import Foundation
import Ingest
import Nightly
import Reporting
import Testing

@Suite("Campaign report")
struct CampaignReportTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares `text` with the golden file `name`; with `AWARENESS_UPDATE_GOLDEN=1` rewrites it instead.
    func expectGolden(_ text: String, _ name: String) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["AWARENESS_UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs; review the diff, then rerun with AWARENESS_UPDATE_GOLDEN=1")
    }

    func report(_ language: ReportLanguage) throws -> CampaignReport {
        try #require(RunFixture.run(language: language).reports.first)
    }

    @Test(arguments: [ReportLanguage.en, .fr])
    func writesTheWholeCampaignReportAsReviewed(language: ReportLanguage) throws {
        try expectGolden(try report(language).markdown(), "spring-\(language.rawValue).md")
    }

    @Test(arguments: [
        (ReportLanguage.en, "| Rows kept with bytes that are not text in ignored columns "),
        (.fr, "| Lignes gardées avec des octets hors texte dans des colonnes ignorées "),
    ])
    func theDataQualitySectionCountsTheRowsKeptWithBytesThatAreNotText(
        language: ReportLanguage, row: String
    ) throws {
        let calendar = RunFixture.calendar()
        var data = RunFixture.data()
        var file = FileReport(feed: .helplineCalls, file: "helpline_calls/a.csv")
        file.ignoredInvalidText = IgnoredInvalidText(rows: 3, firstLine: 2, columns: ["note"])
        data.files = [file]
        let series = SeriesCatalog.build(from: data)
        let run = NightlyRun(
            analysis: NightAnalysis(calendar: calendar, series: series), data: data, manifest: RunFixture.manifest,
            language: language)
        let markdown = try #require(run.reports.first).markdown()
        let lines = markdown.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix(row) && $0.hasSuffix(" 3 |") })
        // Without such rows the line is left out, as on most nights.
        #expect(try !report(language).markdown().contains(row))
    }

    @Test func opensWithTheHeadlineANewsroomCanQuoteInEnglish() throws {
        let headline = try report(.en).headline
        #expect(headline.method == .model)
        #expect(headline.text.hasPrefix("Calls to 119 during the campaign (2–8 March 2020): "))
        #expect(headline.text.contains("Without the campaign about "))
        #expect(headline.text.contains("this rise is larger than day-to-day noise (p < 0.001)."))
    }

    @Test func opensWithTheHeadlineInFrenchWithFrenchNumbers() throws {
        let headline = try report(.fr).headline
        #expect(headline.text.hasPrefix("Appels au 119 pendant la campagne (2–8 mars 2020)\u{00A0}: "))
        #expect(headline.text.contains("\u{202F}%"))
        #expect(headline.text.contains("cette hausse dépasse le bruit d'un jour à l'autre (p < 0,001)."))
    }

    @Test func headlineWarnsWhenThePlaceboFindsAnEffect() throws {
        let cautioned = try #require(RunFixture.run(language: .en, riseBefore: true).reports.first)
        #expect(cautioned.headline.choice?.cautions.map(\.code) == [.placebo])
        let english = cautioned.headline.text
        #expect(english.contains("Caution: the same model finds an effect of +"))
        #expect(
            english.contains(
                ", before the campaign, where there should be none (p < 0.001); the expected count may be off. "
                    + "For comparison, the before/during comparison finds +"))
        let french = try #require(RunFixture.run(language: .fr, riseBefore: true).reports.first).headline.text
        #expect(french.contains("Prudence\u{202F}: le même modèle trouve un effet de +"))
        #expect(
            french.contains("l'attendu peut être faussé. À titre de comparaison, la comparaison avant/pendant trouve +")
        )
        #expect(!(try report(.en).headline.text.contains("Caution")))
    }

    /// Two events of one window in the fitted months: the second one's column repeats the first's, so no model
    /// can be fitted and the reason names that column.
    static let twinEvents: [ContextEvent] = {
        let window =
            DayRange(start: RunFixture.date(2019, 12, 21), end: RunFixture.date(2020, 1, 5)) ?? RunFixture.window
        return [
            ContextEvent(id: "winter-break", name: "Winter break", window: window),
            ContextEvent(id: "school-holidays", name: "Vacances scolaires", window: window),
        ]
    }()

    @Test(arguments: [
        (
            ReportLanguage.en,
            "The seasonal model was not fitted: design matrix is singular (the column of context event 'Vacances "
                + "scolaires' is a linear combination"
        ),
        (
            .fr,
            "Le modèle saisonnier n'a pas été ajusté\u{00A0}: la matrice du modèle est singulière (la colonne de "
                + "l'événement de contexte «\u{00A0}Vacances scolaires\u{00A0}» est une combinaison linéaire"
        ),
    ])
    func namesAContextEventByItsNameWherePeopleReadIt(language: ReportLanguage, sentence: String) throws {
        let run = RunFixture.run(language: language, context: Self.twinEvents)
        let report = try #require(run.reports.first)
        let markdown = report.markdown()
        #expect(markdown.contains(sentence))
        let outputs = try run.outputs()
        let notebook = try #require(outputs.notebooks.first { $0.path == "spring.ipynb" }).contents
        #expect(notebook.contains(Self.jsonString(sentence)))
        // The reports, charts and notebooks name the event; the tidy files keep the id the model knows it by.
        for file in outputs.reports + outputs.notebooks {
            let tidy = ["uplift.csv", "uplift.json"].contains(file.path)
            #expect(file.contents.contains("school-holidays") == tidy, "\(file.path)")
        }
        let csv = try #require(outputs.reports.first { $0.path == "uplift.csv" }).contents
        #expect(csv.contains("no model: design matrix is singular (column 'context:school-holidays' is a linear"))
    }

    /// `text` as a notebook's JSON writes it inside a string (quotes and backslashes escaped).
    static func jsonString(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    @Test func summaryGivesEveryHeadlineAndTheLatestWeek() throws {
        let outputs = try RunFixture.run(language: .en).outputs()
        let summary = try #require(outputs.reports.first { $0.path == "summary.md" }).contents
        let headline = try report(.en).headline.markdown
        #expect(summary.contains(headline))
        #expect(summary.contains("## Latest week\n\nWeek 13 of 2020 (23–29 March 2020) against the week before."))
        #expect(summary.contains("[`campaigns/spring.md`](campaigns/spring.md)"))
    }
}
