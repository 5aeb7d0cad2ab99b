/// One awareness campaign from `campaigns.yaml`: its window, the helplines and hashtags it promotes,
/// and the banners that carry it in the impression and click feeds.
public struct Campaign: Sendable, Equatable {
    /// Two campaigns are equal when they declare the same thing, wherever in the file they stand.
    public static func == (lhs: Campaign, rhs: Campaign) -> Bool {
        (lhs.id, lhs.name, lhs.window, lhs.helplines) == (rhs.id, rhs.name, rhs.window, rhs.helplines)
            && (lhs.hashtags, lhs.banners, lhs.baseline, lhs.controls, lhs.carryover)
                == (rhs.hashtags, rhs.banners, rhs.baseline, rhs.controls, rhs.carryover)
    }

    /// A safe identifier (`^[A-Za-z0-9][A-Za-z0-9._-]*$`, never containing `..`), used in output file names.
    public let id: String
    /// The name shown in reports; the id when the file gives none.
    public let name: String
    /// The days the campaign ran, both ends included, as local days in the calendar's time zone.
    public let window: DayRange
    /// The helpline ids the campaign promotes (`["119"]`), as the helpline feed writes them; any id is accepted
    /// (an id no feed has is a warning of `validate` and `run`).
    public let helplines: [String]
    /// The hashtags as written in the file (`"#NonAuHarcelement"`); match them with `Hashtag.key(_:)`.
    public let hashtags: [String]
    /// The campaign ids the impression and click feeds use for this campaign; `[id]` when the file gives none.
    public let banners: [String]
    /// An explicit baseline window (both ends included), or nil for the default of the 28 days before `window`.
    public let baseline: DayRange?
    /// Series the campaign's models use as controls (`calls:3919`, `videos:foo`): they share the shocks of the
    /// campaign's series but not the campaign. Helpline controls apply to the campaign's call series, hashtag
    /// controls to its video series. Written `<metric>:<key>` with metric `calls`, `answered`, `videos`
    /// or `views`.
    public let controls: [String]
    /// The days after `window` during which the campaign may still move the series it touches (`carryover:`,
    /// default `defaultCarryover`): the models of other campaigns on those series leave them out of their fits
    /// along with the window.
    public let carryover: Int
    /// The carry-over of a campaign whose entry gives none: two weeks.
    public static let defaultCarryover = 14
    /// The line of campaigns.yaml its entry starts on (1-based), when read from a file.
    public let line: Int?

    /// Creates a campaign; `name` defaults to `id`, `banners` to `[id]` and a negative `carryover` to 0.
    public init(
        id: String,
        name: String? = nil,
        window: DayRange,
        helplines: [String] = [],
        hashtags: [String] = [],
        banners: [String]? = nil,
        baseline: DayRange? = nil,
        controls: [String] = [],
        carryover: Int = Campaign.defaultCarryover,
        line: Int? = nil
    ) {
        self.carryover = max(0, carryover)
        self.line = line
        self.controls = controls
        self.id = id
        self.name = name ?? id
        self.window = window
        self.helplines = helplines
        self.hashtags = hashtags
        self.banners = banners ?? [id]
        self.baseline = baseline
    }
}
