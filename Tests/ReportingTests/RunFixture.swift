import Analytics
import Ingest
import Nightly
import Reporting

/// A small, deterministic data set for the run's tests: one campaign (7 days in March 2020) with a
/// helpline, a hashtag and a banner on two placements, nine months of history, and a known +25% effect on
/// calls and a doubling of videos during the campaign.
enum RunFixture {
    static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day) ?? CivilDate(daysSinceEpoch: 0)
    }

    static let window: DayRange = {
        guard let window = DayRange(start: date(2020, 3, 2), end: date(2020, 3, 8)) else {
            preconditionFailure("the fixture window is valid")
        }
        return window
    }()

    static func calendar(
        name: String = "Spring helpline push", hashtag: String = "#SpringTag", context: [ContextEvent] = [],
        confidenceLevel: Double = 0.95
    )
        -> CampaignCalendar
    {
        CampaignCalendar(
            timeZoneIdentifier: "Europe/Paris", language: .en, confidenceLevel: confidenceLevel,
            campaigns: [
                Campaign(
                    id: "spring", name: name, window: window, helplines: ["119"], hashtags: [hashtag],
                    banners: ["spring"])
            ], context: context)
    }

    /// A deterministic wobble in -11…11 for day `index`.
    static func noise(_ index: Int, _ salt: Int) -> Int {
        (index * 7919 + salt * 104_729) % 23 - 11
    }

    /// The fixture's data; with `riseBefore` calls also rise by 25% in the week before the campaign, where
    /// the placebo check looks.
    static func data(
        hashtag: String = "#SpringTag", rejects: [RejectedRow] = [], riseBefore: Bool = false
    )
        -> IngestedData
    {
        var data = IngestedData()
        let first = date(2019, 6, 1)
        let last = date(2020, 3, 29)
        for (index, day) in (DayRange(start: first, end: last)?.days ?? []).enumerated() {
            let inWindow = window.contains(day)
            let before = riseBefore && day >= date(2020, 2, 24) && day < window.start
            let weekend = day.isoWeekday >= 6
            let calls = Double(weekend ? 140 : 200) * (inWindow || before ? 1.25 : 1) + Double(noise(index, 1))
            data.helplineCalls.append(
                HelplineDay(date: day, helpline: "119", calls: Int64(calls), answered: nil))
            let videos = (10 + noise(index, 2) / 4) * (inWindow ? 2 : 1)
            data.hashtagVideos.append(
                HashtagDay(date: day, spelling: hashtag, videos: Int64(videos), views: Int64(videos * 250)))
            guard day >= date(2020, 2, 10) else { continue }
            for (placement, impressions, rate) in [("search", 5000, 0.025), ("discover", 3000, 0.04)] {
                let shown = Int64(impressions + 10 * noise(index, 3))
                data.impressions.append(
                    BannerDay(
                        date: day, campaign: "spring", banner: "b1", placement: placement, region: "IDF", count: shown))
                data.clicks.append(
                    BannerDay(
                        date: day, campaign: "spring", banner: "b1", placement: placement, region: "IDF",
                        count: Int64((Double(shown) * rate).rounded())))
            }
        }
        data.rejects = rejects
        return data
    }

    static let manifest = RunManifest(
        toolVersion: "awareness \(NightlyRun.version)", configPath: "fixture/campaigns.yaml",
        configSHA256: String(repeating: "0", count: 64), inputs: [], runTime: "2020-03-30T02:00:00Z")

    static func run(
        language: ReportLanguage, name: String = "Spring helpline push", hashtag: String = "#SpringTag",
        rejects: [RejectedRow] = [], riseBefore: Bool = false, context: [ContextEvent] = []
    ) -> NightlyRun {
        let calendar = calendar(name: name, hashtag: hashtag, context: context)
        let data = data(hashtag: hashtag, rejects: rejects, riseBefore: riseBefore)
        let series = SeriesCatalog.build(from: data)
        return NightlyRun(
            analysis: NightAnalysis(calendar: calendar, series: series), data: data, manifest: manifest,
            language: language)
    }
}
