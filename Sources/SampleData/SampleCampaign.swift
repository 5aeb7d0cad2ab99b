import Ingest

/// A campaign of the sample data set, as `Data/campaigns.yaml` declares it.
public struct SampleCampaign: Sendable, Hashable {
    /// The campaign id (`banner-119`).
    public let id: String
    /// The display name, in French.
    public let name: String
    /// The campaign window, both ends inclusive.
    public let window: DayRange
    /// The helplines the campaign points to.
    public let helplines: [String]
    /// The campaign hashtags, with `#`.
    public let hashtags: [String]
    /// The campaign ids under which its banners appear in the impression and click feeds (empty: no banner).
    public let banners: [String]
    /// The control series of its models (`calls:116006`).
    public var controls: [String] = []

    /// The four campaigns of the sample data, in date order.
    ///
    /// `balance-ton-tiktokeur` points to 119 (most of the accounts that spoke up were minors) and to 3919
    /// (adult women); the 3018 line the platform also linked has no call series in the sample data.
    public static let all: [SampleCampaign] = [reagir3919, banner119, balanceTonTikTokeur, nonAuHarcelement]

    /// The Grenelle launch of September 2019 (3919).
    static let reagir3919 = SampleCampaign(
        id: "reagir-3919", name: "Lancement du Grenelle – #Réagir3919",
        // The sample's hashtag feed starts in 2020, so this 2019 campaign names no hashtag: a hashtag no feed
        // has would be an empty section, and a warning of validate and run.
        window: .days(2019, 9, 3, through: 2019, 9, 16), helplines: ["3919"], hashtags: [],
        banners: [])
    /// The 119 banner of May 2020.
    static let banner119 = SampleCampaign(
        id: "banner-119", name: "Bannière 119 – Allô Enfance en Danger",
        window: .days(2020, 5, 4, through: 2020, 5, 17), helplines: ["119"],
        hashtags: ["#119", "#AlloEnfanceEnDanger"], banners: ["banner-119"], controls: ["calls:116006"])
    /// The helpline links of July 2020.
    static let balanceTonTikTokeur = SampleCampaign(
        id: "balance-ton-tiktokeur", name: "Liens vers le 119 et le 3919 après #BalanceTonTikTokeur",
        window: .days(2020, 7, 2, through: 2020, 7, 15), helplines: ["119", "3919"],
        hashtags: ["#BalanceTonTikTokeur"], banners: ["balance-ton-tiktokeur"])
    /// The Discover banner and 3020 of November 2020.
    static let nonAuHarcelement = SampleCampaign(
        id: "non-au-harcelement", name: "#NonAuHarcelement – bannière Discover et 3020",
        window: .days(2020, 11, 5, through: 2020, 11, 12), helplines: ["3020"],
        hashtags: ["#NonAuHarcelement"], banners: ["discover-3020"])

    /// The context events (lockdowns) the sample data contains.
    ///
    /// Calls did not snap back when the first lockdown was lifted on Monday 11 May 2020: its effect fades
    /// linearly over the two weeks after its last day, 10 May, and `campaigns.yaml` declares it so
    /// (`ends_over: 14`). The second lockdown ends after the last campaign and stops on its last day.
    public static let context: [SampleContextEvent] = [
        SampleContextEvent(
            id: "lockdown-1", name: "Premier confinement", window: .days(2020, 3, 17, through: 2020, 5, 10),
            endsOver: 14),
        SampleContextEvent(
            id: "lockdown-2", name: "Deuxième confinement", window: .days(2020, 10, 30, through: 2020, 12, 14)),
    ]

    /// The campaign with `id`, if any.
    public static func named(_ id: String) -> SampleCampaign? {
        all.first { $0.id == id }
    }
}

/// A context event of the sample data, as `Data/campaigns.yaml` declares it.
public struct SampleContextEvent: Sendable {
    /// The event id (`lockdown-1`).
    public let id: String
    /// The display name, in French.
    public let name: String
    /// The days of the event, both ends inclusive.
    public let window: DayRange
    /// The days over which its effect fades linearly after `window` (`ends_over:`), or nil when it stops on the
    /// last day.
    public var endsOver: Int?

    /// The share of the event's effect present on `date`: 1 on its days, `1 − k/endsOver` on the k-th day after
    /// its end (k = 1…`endsOver`, the linear return of `ContextReturn`), 0 otherwise.
    public func presence(on date: CivilDate) -> Double {
        if window.contains(date) { return 1 }
        guard let endsOver, endsOver > 0 else { return 0 }
        let daysAfter = window.end.days(to: date)
        guard daysAfter > 0, daysAfter <= endsOver else { return 0 }
        return 1 - Double(daysAfter) / Double(endsOver)
    }

    /// Whether `date` is on the event's days or in its return.
    public func isPresent(on date: CivilDate) -> Bool { presence(on: date) > 0 }
}

extension DayRange {
    /// The range between two literal dates of the sample data (see ``CivilDate/literal(_:_:_:)``), from the
    /// earlier to the later.
    static func days(_ y1: Int, _ m1: Int, _ d1: Int, through y2: Int, _ m2: Int, _ d2: Int) -> DayRange {
        DayRange(covering: CivilDate.literal(y1, m1, d1), CivilDate.literal(y2, m2, d2))
    }
}

extension CivilDate {
    /// A date written in the source, such as `.literal(2020, 5, 4)`: the `day`-th day counted from the first of
    /// `month` (1–12, clamped), so that it cannot fail; a day past the month's end runs into the next month, as
    /// `SampleDataTests` would show (every literal there is a real day).
    static func literal(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        let daysBeforeMonth = (1..<min(max(month, 1), 12)).reduce(0) { $0 + daysInMonth(year: year, month: $1) }
        return CivilDate(januaryFirstOf: year).adding(days: daysBeforeMonth + day - 1)
    }
}
