import Foundation
import Ingest

/// What campaigns.yaml names that the data does not hold, and what the data holds that looks like a misspelling
/// of a name campaigns.yaml uses: warnings for `validate` and `run`, never errors (the feeds may simply not
/// have arrived yet).
public enum CalendarWarning: Sendable, Hashable {
    /// A campaign's helpline, hashtag, banner or control that no feed has: its section would be empty.
    case seriesNotInData(campaign: String, line: Int?, series: String)
    /// A helpline or banner campaign id in the data that no campaign names, close to one that a campaign does
    /// (`Allô 119` beside `119`).
    case probableTypo(series: String, near: String)
    /// A campaign that starts after the last day of data.
    case campaignAfterData(campaign: String, line: Int?, start: CivilDate, lastDay: CivilDate)

    /// The warnings of `calendar` against the daily series `series`, campaign by campaign, then the typos in
    /// series-name order.
    public static func check(calendar: CampaignCalendar, series: [DailySeries]) -> [CalendarWarning] {
        let present = Set(series.map(\.name))
        let lastDay = series.compactMap { $0.points.last?.date }.max()
        var warnings: [CalendarWarning] = []
        var named: Set<SeriesName> = []
        for campaign in calendar.campaigns {
            var names = campaign.helplines.map { SeriesName(metric: .calls, key: $0) }
            names += campaign.hashtags.map { SeriesName(metric: .videos, key: Hashtag.key($0)) }
            names += campaign.banners.map { SeriesName(metric: .impressions, key: $0) }
            names += campaign.controls.compactMap(SeriesName.init(parsing:))
            for name in names {
                named.insert(name)
                if !present.contains(name) {
                    warnings.append(
                        .seriesNotInData(campaign: campaign.id, line: campaign.line, series: name.description))
                }
            }
            if let lastDay, lastDay < campaign.window.start {
                warnings.append(
                    .campaignAfterData(
                        campaign: campaign.id, line: campaign.line, start: campaign.window.start, lastDay: lastDay))
            }
        }
        let checkedMetrics: Set<SeriesName.Metric> = [.calls, .impressions]
        for name in present.sorted() where checkedMetrics.contains(name.metric) && name.placement == nil {
            guard !named.contains(name) else { continue }
            let candidates = named.filter { $0.metric == name.metric }.sorted()
            if let near = candidates.first(where: { isClose(name.key, $0.key) }) {
                warnings.append(.probableTypo(series: name.description, near: near.description))
            }
        }
        return warnings
    }

    /// Whether two keys differ only as a misspelling would: the same letters and digits once case, accents, spaces
    /// and punctuation are set aside, one holding the other whole (`allo119` and `119`), or one edit apart when
    /// both have at least four.
    static func isClose(_ first: String, _ second: String) -> Bool {
        func folded(_ text: String) -> String {
            text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(String.init).joined()
        }
        // A key longer than any helpline or campaign id (a runaway quoted field) is no misspelling of one.
        guard first.utf8.count <= 64, second.utf8.count <= 64 else { return false }
        let (a, b) = (folded(first), folded(second))
        guard first != second, !a.isEmpty, !b.isEmpty else { return false }
        if a == b { return true }
        if min(a.count, b.count) >= 3, a.contains(b) || b.contains(a) { return true }
        return min(a.count, b.count) >= 4 && editDistance(Array(a), Array(b)) <= 1
    }

    /// The Levenshtein distance of two strings.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
