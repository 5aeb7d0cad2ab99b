/// The name of a daily series, `<metric>:<key>[:<placement>]` (DESIGN §5): `calls:119`,
/// `videos:nonauharcelement`, `impressions:banner-119:search`, `ctr:banner-119:discover`.
///
/// Names order by their text (`description`), byte by byte, so every table that lists series is deterministic.
public struct SeriesName: Hashable, Comparable, Sendable {
    /// What a series measures.
    public enum Metric: String, Sendable, Hashable, CaseIterable {
        /// Calls received by a helpline (key: the helpline number).
        case calls
        /// Calls answered by a helpline, on the days the feed gives them.
        case answered
        /// Videos posted under a hashtag (key: `Hashtag.key`, all spellings summed).
        case videos
        /// Views of a hashtag's videos, on the days the feed gives them.
        case views
        /// Banner impressions (key: the campaign id of the feed), summed over banners and regions.
        case impressions
        /// Banner clicks, summed over banners and regions.
        case clicks
        /// Click-through rate, clicks/impressions, as a fraction in [0, 1] (0.026 is 2.6 %).
        case ctr

        /// Whether daily values are counts that add up over days (all metrics but `ctr`).
        public var isCount: Bool { self != .ctr }
    }

    /// What the series measures.
    public let metric: Metric
    /// The helpline number, hashtag key or feed campaign id.
    public let key: String
    /// The banner placement (`search`, `discover`), or nil for the series summed over placements.
    public let placement: String?

    /// Creates a name; an empty `placement` is taken as nil.
    public init(metric: Metric, key: String, placement: String? = nil) {
        self.metric = metric
        self.key = key
        self.placement = placement?.isEmpty == true ? nil : placement
    }

    /// Parses `<metric>:<key>` or `<metric>:<key>:<placement>`; nil when the metric is unknown, a part is empty,
    /// or there are more than three parts.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, let metric = Metric(rawValue: parts[0]),
            parts.allSatisfy({ !$0.isEmpty })
        else { return nil }
        self.init(metric: metric, key: parts[1], placement: parts.count == 3 ? parts[2] : nil)
    }

    /// The same series summed over placements (itself when it has none).
    public var withoutPlacement: SeriesName { SeriesName(metric: metric, key: key) }

    /// The same key and placement under another metric (`ctr:x:search` → `clicks:x:search`).
    public func with(metric: Metric) -> SeriesName { SeriesName(metric: metric, key: key, placement: placement) }

    public static func < (lhs: SeriesName, rhs: SeriesName) -> Bool { lhs.description < rhs.description }
}

extension SeriesName: CustomStringConvertible {
    /// The name as `<metric>:<key>[:<placement>]`.
    public var description: String {
        let base = "\(metric.rawValue):\(key)"
        return placement.map { "\(base):\($0)" } ?? base
    }
}
