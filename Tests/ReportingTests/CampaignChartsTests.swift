import Analytics
import Foundation
import Ingest
import Reporting
import Testing

@Suite("Campaign charts")
struct CampaignChartsTests {
    /// A break in the fixture's fitted months, two months before the campaign.
    static let winterBreak = ContextEvent(
        id: "winter-break", name: "Winter break",
        window: DayRange(start: RunFixture.date(2019, 12, 21), end: RunFixture.date(2020, 1, 5))
            ?? RunFixture.window)
    /// An event after every day of data: no model adjusts for it and no chart reaches it.
    static let later = ContextEvent(
        id: "later", name: "Later",
        window: DayRange(start: RunFixture.date(2020, 6, 1), end: RunFixture.date(2020, 6, 10)) ?? RunFixture.window)

    func charts(_ language: ReportLanguage, context: [ContextEvent]) throws -> (CampaignCharts, ChartedSeries) {
        let run = RunFixture.run(language: language, context: context)
        let analysis = try #require(run.analysis.campaigns.first)
        let charts = CampaignCharts(
            analysis: analysis, wording: ReportWording(language: language, campaigns: [analysis.campaign]),
            context: context)
        let calls = try #require(analysis.charted.first { $0.estimate.series.description == "calls:119" })
        return (charts, calls)
    }

    @Test func startsTheDailyChartTwoWeeksBeforeTheFirstContextEventTheModelAdjustsFor() throws {
        let (_, calls) = try charts(.en, context: [Self.later, Self.winterBreak])
        #expect(calls.estimate.model?.figures?.contextEventsAdjustedFor == ["winter-break"])
        #expect(calls.span.start == RunFixture.date(2019, 12, 7))
        #expect(calls.span.end == RunFixture.window.end.adding(days: 21))
        #expect(calls.days.first?.date == RunFixture.date(2019, 12, 7))
    }

    @Test func keepsSixWeeksBeforeTheCampaignWithoutContextEvents() throws {
        let (charts, calls) = try charts(.en, context: [Self.later])
        #expect(calls.span == ChartedSeries.span(of: RunFixture.window))
        #expect(!charts.observedAgainstExpected(calls).svg.contains("period-hatch"))
    }

    @Test(arguments: [
        (ReportLanguage.en, "Context: Winter break"), (.fr, "Contexte\u{00A0}: Winter break"),
    ])
    func hatchesTheContextEventAndNamesItInTheLegend(language: ReportLanguage, legend: String) throws {
        let (charts, calls) = try charts(language, context: [Self.winterBreak, Self.later])
        let svg = charts.observedAgainstExpected(calls).svg
        #expect(svg.contains("<pattern id=\"period-hatch-0\""))
        #expect(svg.components(separatedBy: "fill=\"url(#period-hatch-0)\"").count - 1 == 2, "the span and its key")
        #expect(svg.contains(">\(legend)</text>"))
        #expect(!svg.contains("Later"))
        // The campaign window keeps its own shading.
        #expect(svg.contains("fill=\"#E69F00\""))
    }

    @Test func theCumulativeChartEndsOnTheModelRowsExtraCountAndInterval() throws {
        let (charts, calls) = try charts(.en, context: [])
        let row = try #require(calls.estimate.rows.first { $0.method == .model })
        let last = try #require(calls.cumulative?.days.last)
        #expect(last.extra == row.extra)
        #expect(last.extraInterval.lower == row.extraLow)
        #expect(last.extraInterval.upper == row.extraHigh)
        let chart = try #require(charts.cumulativeExtra(calls))
        let format = HumanFormat(language: .en)
        let cells = try #require(chart.table.rows.last)
        #expect(cells[0] == format.date(RunFixture.window.end))
        #expect(cells[3] == format.count(try #require(row.extra)))
        #expect(
            cells[4] == format.countInterval(lower: try #require(row.extraLow), upper: try #require(row.extraHigh)))
        #expect(chart.table.rows.count == RunFixture.window.dayCount)
        #expect(chart.fileName == "spring-calls-119-cumulative.svg")
    }

    @Test func upliftJSONCarriesTheCumulativeTotalsOfEachModelledSeries() throws {
        let outputs = try RunFixture.run(language: .en).outputs()
        let file = try #require(outputs.reports.first { $0.path == "uplift.json" })
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(file.contents.utf8)) as? [String: Any])
        let rows = try #require(json["cumulative"] as? [[String: Any]])
        let calls = rows.filter { $0["series"] as? String == "calls:119" }
        #expect(calls.count == RunFixture.window.dayCount)
        #expect(calls.first?["date"] as? String == "2020-03-02")
        let last = try #require(calls.last)
        let observed = try #require(last["observed"] as? Double)
        let expected = try #require(last["expected"] as? Double)
        let extra = try #require(last["extra"] as? Double)
        #expect(observed == 1599)
        #expect(abs(extra - (observed - expected)) < 1e-6)
        #expect(try #require(last["extra_low"] as? Double) < extra)
        #expect(extra < (try #require(last["extra_high"] as? Double)))
        #expect(rows.contains { $0["series"] as? String == "videos:springtag" })
    }

    @Test func theNotebookShowsTheCumulativeChartAfterTheDailyOneWithItsTable() throws {
        let report = try #require(RunFixture.run(language: .fr).reports.first)
        let cells = CampaignNotebook.notebook(report).cells.filter { $0.kind == .code }
        let svgs = cells.compactMap { $0.outputs.first?.svg }
        let charts = report.blocks.compactMap { block -> ReportChart? in
            if case .chart(let chart) = block { return chart }
            return nil
        }
        let daily = try #require(charts.firstIndex { $0.fileName == "spring-calls-119.svg" })
        let cumulative = try #require(charts.firstIndex { $0.fileName == "spring-calls-119-cumulative.svg" })
        #expect(cumulative == daily + 1)
        #expect(svgs.contains(charts[cumulative].svg))
        let cell = try #require(cells.first { $0.outputs.first?.svg == charts[cumulative].svg })
        #expect(cell.outputs.last?.markdown == charts[cumulative].table.markdown)
        #expect(cell.source.contains("uplift[\"cumulative\"]"))
        let markdown = report.markdown()
        #expect(markdown.contains("](../charts/spring-calls-119-cumulative.svg)\n\n<details>"))
    }

    @Test func theSetupCellGivesItsTableHelpersTheWordsOfTheReportsLanguage() {
        let english = CampaignNotebook.setup(language: .en)
        let french = CampaignNotebook.setup(language: .fr)
        #expect(english.contains("\nWEEK = \"week {number} of {year}\"\n"))
        #expect(french.contains("\nWEEK = \"semaine {number} de {year}\"\n"))
        #expect(english.contains("\nFIRST_OF_MONTH = \"1\"\n"))
        #expect(french.contains("\nFIRST_OF_MONTH = \"1er\"\n"))
        #expect(french.contains("MONTHS = [\"janvier\", \"février\","))
        // The helpers are told how to write, never which language to test for.
        #expect(!english.contains("FRENCH") && !french.contains("FRENCH"))
    }

    @Test(arguments: [0.95, 0.90])
    func theCTRCellQuotesTheRunsIntervalsAtTheCalendarsLevel(level: Double) throws {
        let calendar = RunFixture.calendar(confidenceLevel: level)
        let data = RunFixture.data()
        let analysis = try #require(
            NightAnalysis(calendar: calendar, series: SeriesCatalog.build(from: data)).campaigns.first)
        let charts = CampaignCharts(analysis: analysis, wording: ReportWording(language: .en))
        let chart = try #require(charts.ctrByPlacement("spring"))
        let search = try #require(
            analysis.estimates.funnel.campaignWindow.first { $0.banner == "spring" && $0.placement == "search" }?.ctr)
        #expect(search.interval.level == level)
        #expect(chart.python.contains("\(search.proportion), \(search.interval.lower), \(search.interval.upper)),"))
        #expect(!chart.python.contains("NormalDist") && !chart.python.contains("sqrt"))
    }
}
