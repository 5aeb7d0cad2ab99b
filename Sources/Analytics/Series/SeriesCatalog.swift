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
        var counts = DailyCounts()
        for row in data.helplineCalls {
            counts.add(SeriesName(metric: .calls, key: row.helpline), row.date, row.calls)
            if let answered = row.answered {
                counts.add(SeriesName(metric: .answered, key: row.helpline), row.date, answered)
            }
        }
        var viewsIncomplete: Set<HashtagViewDay> = []
        for row in data.hashtagVideos {
            counts.add(SeriesName(metric: .videos, key: row.hashtag), row.date, row.videos)
            if let views = row.views {
                counts.add(SeriesName(metric: .views, key: row.hashtag), row.date, views)
            } else {
                viewsIncomplete.insert(HashtagViewDay(hashtag: row.hashtag, date: row.date))
            }
        }
        for day in viewsIncomplete {
            counts.remove(SeriesName(metric: .views, key: day.hashtag), day.date)
        }
        for (metric, rows) in [(SeriesName.Metric.impressions, data.impressions), (.clicks, data.clicks)] {
            // Banner rows come sorted by campaign: each run of one campaign's rows is summed by day first.
            var start = rows.startIndex
            while start < rows.endIndex {
                let campaign = rows[start].campaign
                var end = start
                while end < rows.endIndex && rows[end].campaign == campaign { end += 1 }
                counts.add(metric: metric, campaign: campaign, rows[start..<end])
                start = end
            }
        }
        let clickFeedDays = Set(data.clicks.map(\.date))
        var result: [DailySeries] = []
        for (name, days) in zip(counts.names, counts.days) where !days.isEmpty {
            result.append(
                DailySeries(name: name, points: days.map { SeriesPoint(date: $0.key, value: Double($0.value)) }))
            guard name.metric == .impressions else { continue }
            let clicks = counts.days(of: name.with(metric: .clicks)) ?? [:]
            var points: [SeriesPoint] = []
            for (date, impressions) in days where impressions > 0 && clickFeedDays.contains(date) {
                points.append(SeriesPoint(date: date, successes: clicks[date] ?? 0, trials: impressions))
            }
            if !points.isEmpty { result.append(DailySeries(name: name.with(metric: .ctr), points: points)) }
        }
        return result.sorted { $0.name < $1.name }
    }

    /// Daily sums by series name. Each name is hashed once to a slot; a caller adding to the same name again and
    /// again keeps that slot and skips the hashing (names hash their strings, dates only an integer).
    private struct DailyCounts {
        struct Slot {
            let name: SeriesName
            let index: Int
        }

        private var slots: [SeriesName: Int] = [:]
        private(set) var names: [SeriesName] = []
        private(set) var days: [[CivilDate: Int64]] = []

        mutating func add(_ name: SeriesName, _ date: CivilDate, _ value: Int64) {
            var slot: Slot?
            add(name, date, value, last: &slot)
        }

        mutating func add(_ name: SeriesName, _ date: CivilDate, _ value: Int64, last: inout Slot?) {
            let index: Int
            if let last, last.name == name {
                index = last.index
            } else {
                index = slot(of: name)
                last = Slot(name: name, index: index)
            }
            days[index][date, default: 0].addSaturating(value)
        }

        /// Adds the banner rows of one campaign to its series and to those of its placements. When the rows cover
        /// most days of their span, they are summed by day in arrays first, so that each series gets one value a day
        /// rather than one a row (thousands of rows a day, for every banner, placement and region).
        mutating func add(metric: SeriesName.Metric, campaign: String, _ rows: ArraySlice<BannerDay>) {
            var campaignSlot: Slot?
            var placementSlot: Slot?
            var firstDay = Int.max
            var lastDay = Int.min
            for row in rows {
                firstDay = min(firstDay, row.date.daysSinceEpoch)
                lastDay = max(lastDay, row.date.daysSinceEpoch)
            }
            guard firstDay <= lastDay, lastDay - firstDay < 4 * rows.count + 64 else {
                for row in rows {
                    add(SeriesName(metric: metric, key: campaign), row.date, row.count, last: &campaignSlot)
                    if !row.placement.isEmpty {
                        add(
                            SeriesName(metric: metric, key: campaign, placement: row.placement), row.date, row.count,
                            last: &placementSlot)
                    }
                }
                return
            }
            let span = lastDay - firstDay + 1
            // The series of the campaign, then of each placement met, and their sums by day; a day no row gives stays
            // nil.
            var series = [SeriesName(metric: metric, key: campaign)]
            var sums = [[Int64?]](repeating: [Int64?](repeating: nil, count: span), count: 1)
            var placements: [String: Int] = [:]
            var last: (placement: String, index: Int)?
            for row in rows {
                let day = row.date.daysSinceEpoch - firstDay
                sums[0][day] = (sums[0][day] ?? 0).addingSaturating(row.count)
                guard !row.placement.isEmpty else { continue }
                let index: Int
                if let last, last.placement == row.placement {
                    index = last.index
                } else {
                    index = placements[row.placement] ?? sums.count
                    if index == sums.count {
                        placements[row.placement] = index
                        series.append(SeriesName(metric: metric, key: campaign, placement: row.placement))
                        sums.append([Int64?](repeating: nil, count: span))
                    }
                    last = (row.placement, index)
                }
                sums[index][day] = (sums[index][day] ?? 0).addingSaturating(row.count)
            }
            for (name, values) in zip(series, sums) {
                var slot: Slot?
                for (day, value) in values.enumerated() {
                    guard let value else { continue }
                    add(name, CivilDate(daysSinceEpoch: firstDay + day), value, last: &slot)
                }
            }
        }

        mutating func remove(_ name: SeriesName, _ date: CivilDate) {
            guard let index = slots[name] else { return }
            days[index][date] = nil
        }

        func days(of name: SeriesName) -> [CivilDate: Int64]? {
            slots[name].map { days[$0] }
        }

        private mutating func slot(of name: SeriesName) -> Int {
            if let index = slots[name] { return index }
            slots[name] = names.count
            names.append(name)
            days.append([:])
            return names.count - 1
        }
    }

    private struct HashtagViewDay: Hashable {
        let hashtag: String
        let date: CivilDate
    }
}
