import Ingest

/// Every daily series the feeds give, built once from the ingested rows (DESIGN §5 series names).
///
/// - `calls:<helpline>`; `answered:<helpline>` on the days the feed gives answered calls;
/// - `videos:<hashtag key>`, and `views:<hashtag key>` on the days every spelling's row gives views
///   (a day where one spelling lacks views has no `views` value rather than an undercount);
/// - `impressions:<campaign>` and `clicks:<campaign>`, summed over banners, placements and regions, and
///   `impressions:<campaign>:<placement>`, `clicks:<campaign>:<placement>` for every non-empty placement;
/// - `ctr:<campaign>[:<placement>]` = clicks/impressions on the days with impressions > 0 on which the clicks
///   feed has any row at all. On such a day a key without click rows had 0 clicks (event-level feeds write no
///   row for no click); on a day the clicks feed is silent, the CTR is missing, not 0.
public struct SeriesCatalog: Sendable {
    /// The series, sorted by name; series with no day of data are left out.
    public let series: [DailySeries]

    /// Wraps series already built; they are sorted by name.
    public init(series: [DailySeries]) {
        self.series = series.sorted { $0.name < $1.name }
    }

    /// Builds every series from the ingested feeds.
    public init(data: IngestedData) {
        self.init(series: SeriesCatalog.build(from: data))
    }

    /// The series called `name`, or nil when the feeds have none.
    public func series(named name: SeriesName) -> DailySeries? {
        // Sorted by name: binary search.
        var low = 0
        var high = series.count
        while low < high {
            let middle = (low + high) / 2
            if series[middle].name < name { low = middle + 1 } else { high = middle }
        }
        return low < series.count && series[low].name == name ? series[low] : nil
    }

    /// Every series the feeds give, sorted by name (see the type's documentation for the list).
    public static func build(from data: IngestedData) -> [DailySeries] {
        var counts: [SeriesName: [CivilDate: Int64]] = [:]
        func add(_ name: SeriesName, _ date: CivilDate, _ value: Int64) {
            counts[name, default: [:]][date, default: 0] += value
        }
        for row in data.helplineCalls {
            add(SeriesName(metric: .calls, key: row.helpline), row.date, row.calls)
            if let answered = row.answered {
                add(SeriesName(metric: .answered, key: row.helpline), row.date, answered)
            }
        }
        var viewsIncomplete: Set<HashtagViewDay> = []
        for row in data.hashtagVideos {
            add(SeriesName(metric: .videos, key: row.hashtag), row.date, row.videos)
            if let views = row.views {
                add(SeriesName(metric: .views, key: row.hashtag), row.date, views)
            } else {
                viewsIncomplete.insert(HashtagViewDay(hashtag: row.hashtag, date: row.date))
            }
        }
        for day in viewsIncomplete {
            counts[SeriesName(metric: .views, key: day.hashtag)]?[day.date] = nil
        }
        for (metric, rows) in [(SeriesName.Metric.impressions, data.impressions), (.clicks, data.clicks)] {
            for row in rows {
                add(SeriesName(metric: metric, key: row.campaign), row.date, row.count)
                if !row.placement.isEmpty {
                    add(SeriesName(metric: metric, key: row.campaign, placement: row.placement), row.date, row.count)
                }
            }
        }
        let clickFeedDays = Set(data.clicks.map(\.date))
        var result: [DailySeries] = []
        for (name, days) in counts where !days.isEmpty {
            result.append(
                DailySeries(name: name, points: days.map { SeriesPoint(date: $0.key, value: Double($0.value)) }))
            guard name.metric == .impressions else { continue }
            let clicks = counts[name.with(metric: .clicks)] ?? [:]
            var points: [SeriesPoint] = []
            for (date, impressions) in days where impressions > 0 && clickFeedDays.contains(date) {
                points.append(SeriesPoint(date: date, successes: clicks[date] ?? 0, trials: impressions))
            }
            if !points.isEmpty { result.append(DailySeries(name: name.with(metric: .ctr), points: points)) }
        }
        return result.sorted { $0.name < $1.name }
    }

    private struct HashtagViewDay: Hashable {
        let hashtag: String
        let date: CivilDate
    }
}
