import Analytics
import Ingest
import Reporting
import Testing

/// The query tables people read: notes named and joined in the table's language, in markdown and in plain text.
@Suite("Query tables")
struct QueryTablesTests {
    static let day = CivilDate(year: 2020, month: 5, day: 4) ?? CivilDate(daysSinceEpoch: 0)

    /// The events of the sample calendar, named as campaigns.yaml names them.
    static func context() throws -> [ContextEvent] {
        let first = try #require(DayRange(start: day.adding(days: -48), end: day.adding(days: 6)))
        let second = try #require(DayRange(start: day.adding(days: 179), end: day.adding(days: 224)))
        return [
            ContextEvent(id: "lockdown-1", name: "Premier confinement", window: first),
            ContextEvent(id: "lockdown-2", name: "Deuxième confinement", window: second),
        ]
    }

    static let row = UpliftRow(
        campaign: "spring", series: SeriesName(metric: .calls, key: "119"), method: .model, start: day,
        end: day.adding(days: 13), observed: 5909, expected: 5319, expectedLow: 5121, expectedHigh: 5520, extra: 590,
        extraLow: 389, extraHigh: 788, uplift: 0.11, upliftLow: 0.071, upliftHigh: 0.15, pValue: 0.0004,
        dispersion: 1, notes: [.columnDropped(.contextEvent(id: "lockdown-2")), .fitNotConverged(iterations: 25)],
        controls: ["calls:116006"], contextEvents: ["lockdown-1"])

    @Test func frenchNotesNameTheEventsAndAreJoinedWithTheFrenchSemicolon() throws {
        let markdown = QueryTables(language: .fr, context: try Self.context()).uplift([Self.row]).markdown
        #expect(
            markdown.contains(
                "ajusté pour les événements\u{00A0}: Premier confinement\u{202F}; contrôles\u{00A0}: calls:116006"
                    + "\u{202F}; événement de contexte «\u{00A0}Deuxième confinement\u{00A0}» retiré"))
        #expect(!markdown.contains("lockdown"))
        #expect(!markdown.contains("; ad") && !markdown.contains("0; "))
    }

    @Test func englishNotesNameTheEventsToo() throws {
        let text = QueryTables(language: .en, context: try Self.context()).uplift([Self.row]).text()
        #expect(text.contains("\n[1] adjusted for context events: Premier confinement\n"))
        #expect(
            text.contains("\n[3] context event 'Deuxième confinement' dropped: it is constant over the fitted days\n"))
        #expect(text.contains("note [1] [2] [3] [4]"))
    }

    @Test func anEventNotInTheCalendarIsNamedByItsId() {
        let text = QueryTables(language: .en).uplift([Self.row]).text()
        #expect(text.contains("[1] adjusted for context events: lockdown-1\n"))
    }

    /// The tidy file keeps the ids and the English words of earlier versions, whatever the table's language.
    @Test func theTidyNoteKeepsTheIds() throws {
        let table = TidyTables.uplift([Self.row])
        let note = try #require(table.columns.firstIndex(of: "note"))
        #expect(
            table.rows[0][note]
                == .text(
                    "context event 'lockdown-2' dropped: it is constant over the fitted days; the fit did not converge "
                        + "in 25 iterations; treat the figures with care"))
    }

    /// Six weeks of 100 calls a day (slightly varying from week to week) with one day at 200 in the last.
    static func weeksWithASpike() throws -> [WeeklySummaryRow] {
        let monday = try #require(CivilDate(year: 2020, month: 9, day: 28))
        var values: [CivilDate: Double] = [:]
        let noise: [Double] = [0, 4, -2, 2, -4, 1]
        for offset in 0..<42 {
            let day = monday.adding(days: offset)
            values[day] = offset == 38 ? 200 : 100 + noise[offset / 7]
        }
        return WeeklySummary.rows(series: [DailySeries(name: SeriesName(metric: .calls, key: "119"), values: values)])
    }

    /// A flagged week: the table says `yes` on it and the sentence under the table says what the flag means, in
    /// the table's language.
    @Test func aFlaggedWeekIsExplainedUnderTheTable() throws {
        let rows = try Self.weeksWithASpike()
        #expect(rows.map(\.anomaly) == [false, false, false, false, false, true])
        let english = QueryTables(language: .en).weeklyDocument(rows).rendered(.text(width: 1000))
        #expect(
            english.hasSuffix(
                "\n\nanomaly: a day of the week lies outside what the same weekday of the four weeks before predicts "
                    + "(about 5% of weeks with no change are flagged); look at that day, it is not a campaign's "
                    + "effect.\n"))
        let french = QueryTables(language: .fr).weeklyDocument(rows).rendered(.text(width: 1000))
        #expect(french.contains("\n\nanomalie\u{00A0}: un jour de la semaine sort de ce que le même jour"))
        #expect(!french.contains("anomaly"))
    }

    @Test func noSentenceWhenNoWeekIsFlagged() throws {
        let rows = try Self.weeksWithASpike().dropLast()
        #expect(
            !QueryTables(language: .en).weeklyDocument(Array(rows)).rendered(.text(width: 1000)).contains("anomaly:"))
    }
}
