/// The CSV feeds of a data folder, each in a sub-folder named after its raw value.
public enum Feed: String, CaseIterable, Sendable, Comparable {
    /// Banner impressions: `date` or `timestamp`, `campaign`; optional `banner`, `placement`, `region`,
    /// `impressions` (count, 1 per row when absent).
    case impressions
    /// Banner clicks: as impressions, with the count column `clicks`.
    case clicks
    /// Banner exports that carry both counts on each row: `date`, `campaign`, `impressions`, `clicks`; optional
    /// `banner`, `placement`, `region`. Read once, each row gives the day's impressions and its clicks, which join
    /// those of the `impressions` and `clicks` folders (``providedFeeds``).
    case banners
    /// Videos posted under each hashtag per day: `date`, `hashtag`, `videos`; optional `views`.
    case hashtagVideos = "hashtag_videos"
    /// Calls received by each helpline per day: `date`, `helpline`, `calls`; optional `answered`.
    case helplineCalls = "helpline_calls"

    /// The columns that name what a count belongs to, in key order. The first one is required.
    public var dimensionColumns: [String] {
        switch self {
        case .impressions, .clicks, .banners: return ["campaign", "banner", "placement", "region"]
        case .hashtagVideos: return ["hashtag"]
        case .helplineCalls: return ["helpline"]
        }
    }

    /// The count columns: the first is the feed's main count, the second an optional companion.
    public var countColumns: [String] {
        switch self {
        case .impressions: return ["impressions"]
        case .clicks: return ["clicks"]
        case .banners: return ["impressions", "clicks"]
        case .hashtagVideos: return ["videos", "views"]
        case .helplineCalls: return ["calls", "answered"]
        }
    }

    /// Whether the main count may be left out, each row then counting as one event.
    public var mainCountIsOptional: Bool { self == .impressions || self == .clicks }

    /// Whether the companion count (the second count column) must be given on every row; otherwise an empty one
    /// is absent.
    public var companionIsRequired: Bool { self == .banners }

    /// Whether rows may carry a `timestamp` instead of a `date` (event-level exports).
    public var acceptsTimestamps: Bool { self == .impressions || self == .clicks }

    /// The feeds whose counts this feed's files give: itself, or for `banners` the impressions (its main count)
    /// and the clicks (its companion).
    public var providedFeeds: [Feed] { self == .banners ? [.impressions, .clicks] : [self] }

    /// Every column the feed knows.
    public var knownColumns: Set<String> {
        Set(dimensionColumns + countColumns + ["date"] + (acceptsTimestamps ? ["timestamp"] : []))
    }

    public static func < (lhs: Feed, rhs: Feed) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
