import Analytics
import Foundation
import Ingest
import Reporting

/// Sample charts built from deterministic made-up data, shared by the chart and notebook tests and
/// written to `$AWARENESS_SAMPLE_OUT` (when set) for `scripts/check-charts` and
/// `scripts/validate-notebooks`.
enum ChartSamples {
    static let hostileCampaign = "Spring | <script>alert(1)</script> =HYPERLINK(\"x\")"

    static func day(_ offset: Int) -> CivilDate {
        CivilDate(year: 2020, month: 3, day: 1).map { $0.adding(days: offset) } ?? CivilDate(daysSinceEpoch: 0)
    }

    /// Deterministic daily calls with a weekly pattern, a rise in the campaign window and two missing days.
    static func observed() -> [DatedValue] {
        (0..<120).compactMap { offset -> DatedValue? in
            guard offset != 40, offset != 41 else { return nil }
            let weekly = [0.0, 12, 18, 10, -6, -20, -14][offset % 7]
            let rise = (60..<88).contains(offset) ? 70.0 : 0
            let wiggle = Double((offset * 37) % 23) - 11
            return DatedValue(date: day(offset), value: 300 + weekly + rise + wiggle)
        }
    }

    static func lineChart(_ language: ReportLanguage, title: String = hostileCampaign) -> LineChart {
        let wording = ReportWording(language: language)
        let expected = (50..<120).map {
            DatedValue(date: day($0), value: 300 + [0.0, 12, 18, 10, -6, -20, -14][$0 % 7])
        }
        let band = ShadedBand(
            name: wording.expectedRange(atLevel: 0.95),
            intervals: expected.map { DatedInterval(date: $0.date, lower: $0.value * 0.88, upper: $0.value * 1.12) })
        let window = DayRange(start: day(60), end: day(87)).map {
            ShadedDays(name: wording.campaignWindow, days: $0)
        }
        return LineChart(
            title: title, valueLabel: wording.perDay(.calls),
            series: [
                LineSeries(name: wording.observed, points: observed()),
                LineSeries(name: wording.expectedWithoutCampaign, points: expected, isDashed: true),
            ], band: band, shadedDays: window, language: language)
    }

    static func weeks() -> [ISOWeek] {
        var week = ISOWeek(year: 2020, week: 44) ?? ISOWeek(containing: day(0))
        var weeks: [ISOWeek] = []
        for _ in 0..<14 {
            weeks.append(week)
            week = week.next
        }
        return weeks
    }

    static func barChart(_ language: ReportLanguage, clicksScale: Double = 0.012) -> GroupedBarChart {
        let impressions: [Double?] = weeks().indices.map { index in
            index == 5 ? nil : Double(180_000 + index * 23_000 % 90_000)
        }
        let clicks = impressions.map { $0.map { ($0 * clicksScale).rounded() } }
        return GroupedBarChart(
            title: "#NonAuHarcelement — " + ReportWording(language: language).impressions,
            valueLabel: ReportWording(language: language).value,
            categories: GroupedBarChart.weekLabels(weeks(), language: language),
            series: [
                BarSeries(name: ReportWording(language: language).impressions, values: impressions),
                BarSeries(name: ReportWording(language: language).clicks, values: clicks),
            ], language: language)
    }

    static func errorBarChart(_ language: ReportLanguage) -> ErrorBarChart {
        ErrorBarChart(
            title: ReportWording(language: language).clickThroughRate + " — #a*b_c|d",
            valueLabel: ReportWording(language: language).clickThroughRate,
            points: [
                ErrorBarPoint(label: "search", value: 0.0123, lower: 0.0114, upper: 0.0133),
                ErrorBarPoint(label: "discover", value: 0.0071, lower: 0.0058, upper: 0.0087),
                ErrorBarPoint(label: "<hashtag & page>", value: 0.0215, lower: 0.0160, upper: 0.0288),
            ], language: language)
    }

    /// Every sample SVG by file name.
    static func svgs() -> [(String, String)] {
        ReportLanguage.allCases.flatMap { language in
            [
                ("line-\(language.rawValue).svg", lineChart(language).svg()),
                ("bars-panels-\(language.rawValue).svg", barChart(language).svg()),
                ("bars-grouped-\(language.rawValue).svg", barChart(language, clicksScale: 0.4).svg()),
                ("ctr-\(language.rawValue).svg", errorBarChart(language).svg()),
            ]
        }
    }

    /// Writes `contents` to `$AWARENESS_SAMPLE_OUT/name` when the variable is set.
    static func export(_ contents: String, as name: String) throws {
        guard let folder = ProcessInfo.processInfo.environment["AWARENESS_SAMPLE_OUT"], !folder.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }
}
