/// The campaign, banner, placement and region of banner rows: one instance per distinct combination, shared by
/// the rows that have it, so that a row costs three words rather than four strings.
public final class BannerKey: Sendable, Hashable {
    /// The campaign id of the feed (a campaign's `banners` entry in campaigns.yaml).
    public let campaign: String
    /// The banner, placement and region (empty when the file has no such column).
    public let banner: String
    public let placement: String
    public let region: String

    /// Creates a key.
    public init(campaign: String, banner: String, placement: String, region: String) {
        self.campaign = campaign
        self.banner = banner
        self.placement = placement
        self.region = region
    }

    public static func == (lhs: BannerKey, rhs: BannerKey) -> Bool {
        lhs === rhs
            || (lhs.campaign == rhs.campaign && lhs.banner == rhs.banner && lhs.placement == rhs.placement
                && lhs.region == rhs.region)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(campaign)
        hasher.combine(banner)
        hasher.combine(placement)
        hasher.combine(region)
    }
}

/// Banner impressions or clicks of one day, for one campaign, banner, placement and region.
public struct BannerDay: Sendable, Hashable {
    /// The local day.
    public let date: CivilDate
    /// The campaign, banner, placement and region.
    public let key: BannerKey
    /// Impressions or clicks.
    public let count: Int64

    /// The campaign id of the feed (a campaign's `banners` entry in campaigns.yaml).
    public var campaign: String { key.campaign }
    /// The banner, placement and region (empty when the file has no such column).
    public var banner: String { key.banner }
    public var placement: String { key.placement }
    public var region: String { key.region }

    /// Creates a row.
    public init(date: CivilDate, campaign: String, banner: String, placement: String, region: String, count: Int64) {
        self.init(
            date: date, key: BannerKey(campaign: campaign, banner: banner, placement: placement, region: region),
            count: count)
    }

    /// Creates a row with a key shared with other rows.
    public init(date: CivilDate, key: BannerKey, count: Int64) {
        self.date = date
        self.key = key
        self.count = count
    }
}

/// Videos posted under one spelling of a hashtag on one day.
public struct HashtagDay: Sendable, Hashable {
    /// The local day.
    public let date: CivilDate
    /// The hashtag's key (`Hashtag.key`): spellings that differ only in `#`, case or accents share it.
    public let hashtag: String
    /// The hashtag as the file wrote it.
    public let spelling: String
    /// Videos posted.
    public let videos: Int64
    /// Views, when the file gives them.
    public let views: Int64?

    /// Creates a row; the hashtag key is derived from the spelling.
    public init(date: CivilDate, spelling: String, videos: Int64, views: Int64?) {
        self.date = date
        self.hashtag = Hashtag.key(spelling)
        self.spelling = spelling
        self.videos = videos
        self.views = views
    }
}

/// Calls received by one helpline on one day.
public struct HelplineDay: Sendable, Hashable {
    /// The local day.
    public let date: CivilDate
    /// The helpline number, such as `119`.
    public let helpline: String
    /// Calls received.
    public let calls: Int64
    /// Calls answered, when the file gives them (never more than `calls`).
    public let answered: Int64?

    /// Creates a row.
    public init(date: CivilDate, helpline: String, calls: Int64, answered: Int64?) {
        self.date = date
        self.helpline = helpline
        self.calls = calls
        self.answered = answered
    }
}

/// A campaign id of the banner feeds on a day, used for flags about the data.
public struct CampaignDay: Sendable, Hashable, Comparable {
    /// The campaign id of the feed.
    public let campaign: String
    /// The local day.
    public let date: CivilDate

    public static func < (lhs: CampaignDay, rhs: CampaignDay) -> Bool {
        (lhs.campaign, lhs.date) < (rhs.campaign, rhs.date)
    }
}

/// Everything a data folder gave: typed daily rows of the four feeds, and the account of every row read.
public struct IngestedData: Sendable, Equatable {
    /// Impressions per day and key, event-level rows summed into local days.
    public var impressions: [BannerDay] = []
    /// Clicks per day and key.
    public var clicks: [BannerDay] = []
    /// Videos (and views) per day and hashtag spelling.
    public var hashtagVideos: [HashtagDay] = []
    /// Calls (and answered calls) per day and helpline.
    public var helplineCalls: [HelplineDay] = []
    /// One report per file, in feed order then name order.
    public var files: [FileReport] = []
    /// Every rejected row (up to `IngestLimits.rejectsListedPerFile` per file).
    public var rejects: [RejectedRow] = []
    /// Values a later file restated with a different count.
    public var revisions: [Revision] = []
    /// Days with clicks but no impressions for the same campaign id (kept, flagged).
    public var clicksWithoutImpressions: [CampaignDay] = []
    /// Campaign ids of the banner feeds that campaigns.yaml does not declare (kept, listed).
    public var undeclaredCampaigns: [String] = []
    /// Feed folders absent from the data folder (no data, not an error; `NightVerdict` fails a night whose feed
    /// had data last night and has no folder tonight).
    public var absentFeeds: [Feed] = []
    /// Feed folders that exist but could not be listed, in feed order: an I/O failure, never an empty folder.
    public var unreadableFeeds: [UnreadableFeedFolder] = []
    /// Entries of the feed folders left there by other programs (Office lock files, hidden files, `Thumbs.db`,
    /// `desktop.ini`): not read, not refused, listed once; in feed order then name order.
    public var skippedFiles: [SkippedFile] = []

    /// Creates an empty result.
    public init() {}

    /// Data rows read over all files.
    public var rowsRead: Int { files.reduce(0) { $0 + $1.rowsRead } }
    /// Data rows accepted over all files.
    public var rowsAccepted: Int { files.reduce(0) { $0 + $1.rowsAccepted } }
    /// Data rows rejected over all files (refused files included).
    public var rowsRejected: Int { files.reduce(0) { $0 + $1.rowsRejected } }
    /// Rejected rows over rows read (0 when nothing was read).
    public var rejectRate: Double { rowsRead == 0 ? 0 : Double(rowsRejected) / Double(rowsRead) }
    /// Files refused as a whole.
    public var refusedFiles: [FileReport] { files.filter { $0.failure != nil } }
}
