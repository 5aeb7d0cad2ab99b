import Analytics
import Foundation
import Ingest
import Reporting
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Charts")
struct ChartTests {
    /// Parses `svg` as XML and returns the first parse error, if any, and the text content.
    func parse(_ svg: String) -> (error: String?, text: String, elements: [String]) {
        final class Collector: NSObject, XMLParserDelegate {
            var text = ""
            var elements: [String] = []
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) { elements.append(name) }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        }
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        let ok = parser.parse()
        return (
            ok ? nil : "\(parser.parserError.map { "\($0)" } ?? "unknown") at line \(parser.lineNumber)",
            collector.text, collector.elements
        )
    }

    @Test func writesWellFormedSvgForEverySampleAndExportsIt() throws {
        for (name, svg) in ChartSamples.svgs() {
            let result = parse(svg)
            #expect(result.error == nil, "\(name): \(result.error ?? "")")
            #expect(result.elements.first == "svg")
            try ChartSamples.export(svg, as: name)
        }
    }

    @Test func escapesTextFromDataInSvg() {
        let svg = ChartSamples.lineChart(.en).svg()
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; =HYPERLINK(&quot;x&quot;)"))
        #expect(parse(svg).text.contains("<script>alert(1)</script>"))
        #expect(XMLText.escape("a&b<c>\"d'e\u{01}") == "a&amp;b&lt;c&gt;&quot;d&apos;e")
    }

    @Test func isDeterministicWithOneDecimalCoordinates() throws {
        let first = ChartSamples.lineChart(.fr).svg()
        #expect(first == ChartSamples.lineChart(.fr).svg())
        let regex = try Regex(#" [xy][12]?="(-?\d+(\.\d+)?)""#)
        for match in first.matches(of: regex) {
            let value = String(first[match.range]).split(separator: "\"")[1]
            #expect((value.split(separator: ".").dropFirst().first?.count ?? 0) <= 1, "\(value)")
        }
    }

    @Test func breaksLinesAtMissingDaysInsteadOfDrawingZero() {
        let svg = ChartSamples.lineChart(.en).svg()
        let observedPaths = svg.split(separator: "\n").filter { $0.hasPrefix("<path") && $0.contains("#0072B2") }
        #expect(observedPaths.count == 2)
    }

    @Test func labelsFrenchAxesInFrench() {
        let svg = ChartSamples.lineChart(.fr).svg()
        #expect(svg.contains(">13 avr.<"))
        #expect(svg.contains(">Appels par jour<"))
        #expect(svg.contains("Période de campagne"))
    }

    @Test func splitsBarsIntoPanelsWhenScalesDifferALot() {
        #expect(ChartSamples.barChart(.en).usesPanels)
        #expect(!ChartSamples.barChart(.en, clicksScale: 0.4).usesPanels)
        #expect(
            Array(GroupedBarChart.weekLabels(ChartSamples.weeks(), language: .fr)[0...10]).filter { $0.contains("\n") }
                == ["S44\n2020", "S01\n2021"])
    }

    @Test(arguments: [
        (0.0, 87.0, 0.0, 100.0, 20.0), (0.0, 1234.0, 0.0, 1250.0, 250.0), (-0.3, 0.45, -0.3, 0.5, 0.1),
        (0.0, 0.0133, 0.0, 0.015, 0.0025), (5.0, 5.0, 0.0, 5.0, 1.0),
    ])
    func choosesNiceTicks(minimum: Double, maximum: Double, lower: Double, upper: Double, step: Double) {
        let scale = NiceScale(minimum: minimum, maximum: maximum, tickCount: 6)
        #expect(abs(scale.lower - lower) < 1e-12)
        #expect(abs(scale.upper - upper) < 1e-12)
        #expect(abs(scale.step - step) < 1e-12)
    }
}

@Suite("Mermaid charts")
struct MermaidTests {
    @Test func escapesQuotesAndHashesInTitlesAndLabels() {
        let chart = MermaidXYChart(
            title: "Say \"hi\" #119", categories: ["W1", "a\"b"], valueLabel: "Calls\nper day", valueMinimum: 0,
            valueMaximum: 500, lines: [[1, 2.5]], bars: [[3, 0.00001]])
        #expect(
            chart.text == """
                xychart-beta
                    title "Say #quot;hi#quot; #35;119"
                    x-axis ["W1", "a#quot;b"]
                    y-axis "Calls per day" 0 --> 500
                    bar [3, 0.00001]
                    line [1, 2.5]

                """)
        #expect(chart.markdown.hasPrefix("```mermaid\nxychart-beta\n"))
        #expect(chart.markdown.hasSuffix("\n```\n"))
    }

    @Test func drawsLineChartsOverTheDaysEverySeriesHas() {
        let chart = ChartSamples.lineChart(.en).mermaid()
        #expect(chart.lines.count == 2)
        #expect(chart.categories.first == "20 Apr")
        #expect(!chart.categories.contains("10 Apr"))
        #expect(chart.lines.allSatisfy { $0.count == chart.categories.count })
    }

    @Test func drawsBarChartsWithMissingWeeksAsZero() {
        let chart = ChartSamples.barChart(.en).mermaid()
        #expect(chart.bars.count == 2)
        #expect(chart.bars[0][5] == 0)
        #expect(chart.text.contains("    bar ["))
    }
}

@Suite("Chart edge cases")
struct ChartEdgeCaseTests {
    func chart(days: Int, every: Int = 1) -> LineChart {
        let points = stride(from: 0, to: days, by: every).map {
            DatedValue(date: ChartSamples.day($0), value: Double(1000 + ($0 * 53) % 400))
        }
        return LineChart(
            title: "Calls to 119", valueLabel: "Calls", series: [LineSeries(name: "119", points: points)],
            language: .fr)
    }

    @Test(arguments: [0, 1, 7, 800])
    func drawsAnySpanOfDaysAsWellFormedSvg(days: Int) throws {
        let svg = chart(days: days).svg()
        #expect(ChartTests().parse(svg).error == nil)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        try ChartSamples.export(svg, as: "edge-line-\(days)-days.svg")
    }

    @Test func labelsLongSpansByMonth() {
        let svg = chart(days: 800).svg()
        #expect(svg.contains(">janv. 2021<") || svg.contains(">2021<"))
    }

    @Test func drawsEmptyAndNonFiniteBarChartsWithoutFailing() {
        let chart = GroupedBarChart(
            title: "Empty", valueLabel: "Value", categories: ["W01"], series: [BarSeries(name: "a", values: [.nan])],
            language: .en)
        #expect(ChartTests().parse(chart.svg()).error == nil)
        let points = ErrorBarChart(title: "None", valueLabel: "CTR", points: [], language: .en)
        #expect(ChartTests().parse(points.svg()).error == nil)
    }
}

@Suite("Marked periods")
struct MarkedPeriodTests {
    static func day(_ offset: Int) -> CivilDate {
        (CivilDate(year: 2020, month: 3, day: 1) ?? CivilDate(daysSinceEpoch: 0)).adding(days: offset)
    }

    static func chart(_ periods: [MarkedPeriod]) -> LineChart {
        LineChart(
            title: "Calls", valueLabel: "Calls per day",
            series: [LineSeries(name: "Observed", points: (0..<30).map { DatedValue(date: day($0), value: 100) })],
            markedPeriods: periods, language: .en)
    }

    @Test func doesNotWidenTheChartAndLeavesOutPeriodsBeyondIt() throws {
        let inside = try #require(DayRange(start: Self.day(-20), end: Self.day(5)))
        let outside = try #require(DayRange(start: Self.day(40), end: Self.day(50)))
        let chart = Self.chart([
            MarkedPeriod(name: "Before and into", days: inside), MarkedPeriod(name: "After", days: outside),
        ])
        #expect(chart.dateSpan == DayRange(start: Self.day(0), end: Self.day(29)))
        let svg = chart.svg()
        #expect(svg.contains(">Before and into</text>"))
        #expect(!svg.contains(">After</text>"))
        #expect(!svg.contains("period-hatch-1"))
    }

    @Test func drawsAnEdgeOnlyWhereThePeriodBeginsOrEndsInsideTheChart() throws {
        let ending = try #require(DayRange(start: Self.day(-20), end: Self.day(5)))
        let within = try #require(DayRange(start: Self.day(10), end: Self.day(12)))
        let edges = { (svg: String) in svg.components(separatedBy: "stroke=\"#009E73\" stroke-width=\"1.5\"").count - 1
        }
        #expect(edges(Self.chart([MarkedPeriod(name: "Ending", days: ending)]).svg()) == 1)
        #expect(edges(Self.chart([MarkedPeriod(name: "Within", days: within)]).svg()) == 2)
    }

    @Test func hatchesTheMarkedWeeksOfABarChartInEveryPanel() {
        let chart = GroupedBarChart(
            title: "Banner", valueLabel: "Per week", categories: ["W1", "W2", "W3"],
            series: [
                BarSeries(name: "Impressions", values: [500_000, 600_000, 400_000]),
                BarSeries(name: "Clicks", values: [100, 120, 90]),
            ],
            markedCategories: [
                GroupedBarChart.MarkedCategories(name: "Lockdown", indices: [0, 1]),
                GroupedBarChart.MarkedCategories(name: "Beyond", indices: [7]),
            ], language: .en)
        #expect(chart.usesPanels)
        let svg = chart.svg()
        // Two weeks in each of the two panels, and the legend's key.
        #expect(svg.components(separatedBy: "fill=\"url(#period-hatch-0)\"").count - 1 == 5)
        #expect(svg.contains(">Lockdown</text>"))
        #expect(!svg.contains("Beyond"))
        #expect(!svg.contains("period-hatch-1"))
    }

    @Test func theBannerChartMarksTheWeeksAContextEventOverlaps() throws {
        let event = ContextEvent(
            id: "break", name: "Break",
            window: try #require(DayRange(start: RunFixture.date(2020, 2, 20), end: RunFixture.date(2020, 3, 3))))
        let run = RunFixture.run(language: .en, context: [event])
        let analysis = try #require(run.analysis.campaigns.first)
        let charts = CampaignCharts(analysis: analysis, wording: ReportWording(language: .en), context: [event])
        let weeks = [2020, 2020, 2020, 2020].enumerated().compactMap { offset, year in
            ISOWeek(year: year, week: 8 + offset)
        }
        // Weeks 8 (17–23 February) to 11: the break runs from the Thursday of week 8 to the Tuesday of week 10.
        #expect(charts.contextWeeks(weeks).map(\.indices) == [[0, 1, 2]])
        let svg = try #require(charts.weeklyBanner("spring")).svg
        #expect(svg.contains(">Context: Break</text>"))
    }
}
