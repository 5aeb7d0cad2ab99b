import Ingest

/// Which days a series' models leave out because another campaign touched that series (DESIGN §4.2): the
/// campaign's window and its carry-over tail (`Campaign.carryover` days after it).
///
/// A campaign touches a series when it promotes what the series counts:
/// - `calls:<helpline>` and `answered:<helpline>`: the campaigns that list the helpline under `helplines`;
/// - `videos:<key>` and `views:<key>`: the campaigns that list a hashtag with that `Hashtag.key`;
/// - `impressions:<id>`, `clicks:<id>` and `ctr:<id>` (any placement): the campaigns whose `banners` include the
///   feed id.
///
/// A campaign on another helpline, hashtag or banner leaves the series alone, so its days stay in the fit:
/// leaving out every campaign's window, whatever it touched, left a night of 100 campaigns across 10 helplines
/// with a few weeks of fitted days per model.
public struct CampaignExclusions: Sendable {
    /// The campaigns' ids and left-out days, in calendar order, under each touched series key.
    private let byKey: [Key: [(id: String, days: DayRange)]]

    /// What a campaign touches, independently of the metric that counts it.
    private enum Key: Hashable {
        case helpline(String)
        case hashtag(String)
        case banner(String)
    }

    /// Indexes `campaigns` once, so that a night of many campaigns finds each series' exclusions without
    /// scanning them all for every model.
    public init(campaigns: [Campaign]) {
        var byKey: [Key: [(id: String, days: DayRange)]] = [:]
        for campaign in campaigns {
            let days = Self.leftOutDays(of: campaign)
            var keys: [Key] = []
            keys += campaign.helplines.map { .helpline($0) }
            keys += campaign.hashtags.map { .hashtag(Hashtag.key($0)) }
            keys += campaign.banners.map { .banner($0) }
            var seen: Set<Key> = []
            for key in keys where seen.insert(key).inserted {
                byKey[key, default: []].append((campaign.id, days))
            }
        }
        self.byKey = byKey
    }

    /// A campaign's window followed by its `carryover` days.
    public static func leftOutDays(of campaign: Campaign) -> DayRange {
        campaign.window.widened(after: campaign.carryover)
    }

    /// The ids of the campaigns that touch the series `name`, in calendar order.
    public func campaigns(touching name: SeriesName) -> [String] {
        entries(touching: name).map(\.id)
    }

    /// The days the models of the series `names` (a series and its controls) leave out: the window and
    /// carry-over of every campaign that touches any of them, except the campaign `except` (the one being
    /// estimated, whose own window the model already sets apart). Sorted by start, each range once.
    public func excludedDays(touching names: [SeriesName], except: String? = nil) -> [DayRange] {
        var seen: Set<String> = []
        var ranges: [DayRange] = []
        for name in names {
            for entry in entries(touching: name) where entry.id != except && seen.insert(entry.id).inserted {
                ranges.append(entry.days)
            }
        }
        return ranges.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    private func entries(touching name: SeriesName) -> [(id: String, days: DayRange)] {
        switch name.metric {
        case .calls, .answered: return byKey[.helpline(name.key)] ?? []
        case .videos, .views: return byKey[.hashtag(name.key)] ?? []
        case .impressions, .clicks, .ctr: return byKey[.banner(name.key)] ?? []
        }
    }
}
