/// One awareness campaign from `campaigns.yaml`: its window, the helplines and hashtags it promotes,
/// and the banners that carry it in the impression and click feeds.
public struct Campaign: Sendable, Equatable {
    /// A safe identifier (`^[A-Za-z0-9][A-Za-z0-9._-]*$`, never containing `..`), used in output file names.
    public let id: String
    /// The name shown in reports; the id when the file gives none.
    public let name: String
    /// The days the campaign ran, both ends included, as local days in the calendar's time zone.
    public let window: DayRange
    /// The helpline numbers the campaign promotes (`["119"]`), each one of the calendar's known helplines.
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

    /// Creates a campaign; `name` defaults to `id` and `banners` to `[id]`.
    public init(
        id: String,
        name: String? = nil,
        window: DayRange,
        helplines: [String] = [],
        hashtags: [String] = [],
        banners: [String]? = nil,
        baseline: DayRange? = nil,
        controls: [String] = []
    ) {
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
