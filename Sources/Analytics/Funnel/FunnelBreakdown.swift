import Ingest

/// One campaign's banner funnel over its window, broken down by one dimension (`awareness funnel`, DESIGN §4.3):
/// impressions, clicks and CTR with its Wilson interval per group, best CTR first, and every pair of groups'
/// difference of CTR with Newcombe's interval.
///
/// Read from the banner rows (`IngestedData.impressions` and `.clicks`) of the campaign's feed ids (`banners`), on
/// the days of its window. As for the `ctr:` series (`SeriesCatalog`), a group's day counts when the group has
/// impressions that day and the click feed has any row on it (a group without click rows that day had 0 clicks);
/// so every CTR is exactly its clicks over its impressions.
public struct FunnelBreakdown: Sendable {
    /// What the groups are.
    public enum Dimension: String, CaseIterable, Sendable {
        /// The feeds' `placement` column (`search`, `discover`).
        case placement
        /// The feeds' `banner` column (the creative).
        case banner
        /// The feeds' `region` column.
        case region
        /// The ISO week of the day.
        case week
    }

    /// Why a breakdown cannot be made.
    public enum Problem: Hashable, Sendable {
        /// The campaign's feed ids have no impressions on a day the click feed covers, in its window.
        case noImpressions
        /// No row of the window gives the dimension: the files have no such column (placement, banner, region).
        case dimensionNotGiven(Dimension)
        /// The impressions or clicks of group `group` over the window add up past the largest count (2⁶³ − 1),
        /// though each row is within it: no CTR is formed from a total that does not fit.
        case countsTooLarge(group: String)
    }

    /// One group: its name (empty for rows that leave the dimension blank), impressions, clicks and CTR.
    public struct Group: Hashable, Sendable {
        /// The placement, banner, region or ISO week (`2020-W19`); empty for rows without a value.
        public let name: String
        /// Impressions over the counted days.
        public let impressions: Int64
        /// Clicks over the same days.
        public let clicks: Int64
        /// CTR with its Wilson interval.
        public let ctr: WilsonInterval
    }

    /// Two groups compared, the one with the higher CTR first.
    public struct Difference: Hashable, Sendable {
        /// The group with the higher CTR (or the earlier in the ranking on a tie).
        public let first: String
        /// The group it is compared against.
        public let second: String
        /// CTR(first) − CTR(second) with Newcombe's hybrid score interval, in proportion units.
        public let difference: NewcombeInterval
    }

    /// The campaign id.
    public let campaign: String
    /// The campaign window, inclusive.
    public let window: DayRange
    /// The dimension of the groups.
    public let dimension: Dimension
    /// The groups, highest CTR first (ties by name).
    public let groups: [Group]
    /// Every pair of groups, in ranking order: the first against each later one, then the second, and so on.
    public let differences: [Difference]

    /// The breakdown of `campaign` by `dimension`, or the reason it cannot be made.
    public static func make(
        campaign: Campaign, impressions: [BannerDay], clicks: [BannerDay], by dimension: Dimension,
        confidenceLevel: Double = 0.95
    ) -> Result<FunnelBreakdown, FunnelBreakdownError> {
        let feeds = Set(campaign.banners)
        let window = campaign.window
        let clickDays = Set(clicks.map(\.date))
        func name(_ row: BannerDay) -> String {
            switch dimension {
            case .placement: row.placement
            case .banner: row.banner
            case .region: row.region
            case .week: ISOWeek(containing: row.date).description
            }
        }
        struct GroupDay: Hashable {
            let group: String
            let date: CivilDate
        }
        // Sums are checked: a group whose total overflows is named in the refusal (the first by name).
        var overflowing: Set<String> = []
        func add(_ count: Int64, to sum: inout Int64, group: String) {
            let (total, overflow) = sum.addingReportingOverflow(count)
            if overflow { overflowing.insert(group) } else { sum = total }
        }
        var shown: [GroupDay: Int64] = [:]
        for row in impressions where feeds.contains(row.campaign) && window.contains(row.date) {
            let key = GroupDay(group: name(row), date: row.date)
            add(row.count, to: &shown[key, default: 0], group: key.group)
        }
        var clicked: [GroupDay: Int64] = [:]
        for row in clicks where feeds.contains(row.campaign) && window.contains(row.date) {
            let key = GroupDay(group: name(row), date: row.date)
            add(row.count, to: &clicked[key, default: 0], group: key.group)
        }
        var totals: [String: (impressions: Int64, clicks: Int64)] = [:]
        for (key, count) in shown where count > 0 && clickDays.contains(key.date) {
            var total = totals[key.group] ?? (0, 0)
            add(count, to: &total.impressions, group: key.group)
            add(clicked[key] ?? 0, to: &total.clicks, group: key.group)
            totals[key.group] = total
        }
        guard !totals.isEmpty else {
            return .failure(FunnelBreakdownError(campaign: campaign.id, problem: .noImpressions))
        }
        if let group = overflowing.min() {
            return .failure(FunnelBreakdownError(campaign: campaign.id, problem: .countsTooLarge(group: group)))
        }
        if dimension != .week, totals.keys.allSatisfy(\.isEmpty) {
            return .failure(FunnelBreakdownError(campaign: campaign.id, problem: .dimensionNotGiven(dimension)))
        }
        var groups: [Group] = []
        for (group, total) in totals {
            guard
                let ctr = WilsonInterval(
                    successes: Int(total.clicks), trials: Int(total.impressions), confidenceLevel: confidenceLevel)
            else { continue }
            groups.append(Group(name: group, impressions: total.impressions, clicks: total.clicks, ctr: ctr))
        }
        groups.sort { ($0.ctr.proportion, $1.name) > ($1.ctr.proportion, $0.name) }
        var differences: [Difference] = []
        for (index, first) in groups.enumerated() {
            for second in groups.dropFirst(index + 1) {
                guard
                    let difference = NewcombeInterval(
                        successes1: first.ctr.successes, trials1: first.ctr.trials, successes2: second.ctr.successes,
                        trials2: second.ctr.trials, confidenceLevel: confidenceLevel)
                else { continue }
                differences.append(Difference(first: first.name, second: second.name, difference: difference))
            }
        }
        return .success(
            FunnelBreakdown(
                campaign: campaign.id, window: window, dimension: dimension, groups: groups, differences: differences))
    }
}

/// A funnel breakdown that cannot be made, and why (`FunnelBreakdown.Problem`).
public struct FunnelBreakdownError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The campaign id.
    public let campaign: String
    /// What is missing.
    public let problem: FunnelBreakdown.Problem

    /// The problem `problem` of campaign `campaign`.
    public init(campaign: String, problem: FunnelBreakdown.Problem) {
        self.campaign = campaign
        self.problem = problem
    }

    /// The reason in English, for the command line.
    public var description: String {
        switch problem {
        case .noImpressions:
            return "campaign \(campaign): no impressions in its window on a day the click feed covers"
        case .dimensionNotGiven(let dimension):
            return "campaign \(campaign): no \(dimension.rawValue) is given by its banner feeds in its window (the "
                + "impressions and clicks files have no \(dimension.rawValue) column, or leave it empty); "
                + (dimension == .placement ? "try --by week" : "try --by placement or --by week")
        case .countsTooLarge(let group):
            return
                "campaign \(campaign): the impressions or clicks of \(group.isEmpty ? "the rows without a value" : group) "
                + "add up past the largest count (9223372036854775807) over its window, so no CTR is formed"
        }
    }
}
