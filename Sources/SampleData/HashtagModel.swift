import Ingest

/// The daily videos and views of the campaign hashtags in 2020.
///
/// Videos are negative binomial (variance 2.5× the mean) around `base × platform growth (+50% over the
/// year) × weekend factor × first-lockdown factor (+30%, fading over the two weeks after it as the calls do)
/// × campaign effects`; views are the day's videos times a
/// per-hashtag views-per-video, with 20% day-to-day variation. `#NonAuHarcelement` is split between its two
/// spellings (70% without the accent, 30% with it), written as separate rows that the pipeline merges.
public enum HashtagModel {
    /// A hashtag of the sample data.
    public struct Tag: Sendable {
        /// The matching key (`nonauharcelement`), as in the `videos:<key>` series.
        public let key: String
        /// The videos posted on a normal weekday at the start of 2020.
        public let baseVideos: Double
        /// The mean views per video.
        public let viewsPerVideo: Double
        /// The spellings in the raw data and their shares of the videos.
        public let spellings: [(text: String, share: Double)]
    }

    /// One row of the hashtag feed.
    public struct Row: Sendable {
        /// The day.
        public let date: CivilDate
        /// The hashtag as written, with `#`.
        public let hashtag: String
        /// Videos posted that day.
        public let videos: Int
        /// Views of those videos that day.
        public let views: Int
    }

    /// The hashtags, in the order the file lists them each day.
    public static let tags: [Tag] = [
        Tag(key: "119", baseVideos: 25, viewsPerVideo: 900, spellings: [("#119", 1)]),
        Tag(
            key: "alloenfanceendanger", baseVideos: 4, viewsPerVideo: 1_500,
            spellings: [("#AlloEnfanceEnDanger", 1)]),
        Tag(
            key: "balancetontiktokeur", baseVideos: 2, viewsPerVideo: 6_000,
            spellings: [("#BalanceTonTikTokeur", 1)]),
        Tag(
            key: "nonauharcelement", baseVideos: 40, viewsPerVideo: 2_500,
            spellings: [("#NonAuHarcelement", 0.7), ("#NonAuHarcèlement", 0.3)]),
    ]

    /// The days the hashtag file covers.
    public static let period = DayRange.days(2020, 1, 1, through: 2020, 12, 31)

    /// The mean videos of `tag` on `date` (all spellings), with every effect or without campaign `excluded`.
    public static func expectedVideos(_ tag: Tag, on date: CivilDate, excluding excluded: String? = nil) -> Double {
        let growth = 1 + 0.5 * Double(period.start.days(to: date)) / 365
        let weekend = date.isoWeekday >= 6 ? 1.15 : 1
        let lockdown = 1 + 0.3 * SampleCampaign.context[0].presence(on: date)
        return tag.baseVideos * growth * weekend * lockdown
            * CampaignEffect.multiplier(of: "videos:" + tag.key, on: date, excluding: excluded)
    }

    /// The rows for `seed`, by date, then in the order of ``tags`` and their spellings.
    public static func sample(seed: UInt64) -> [Row] {
        var generators = tags.map { tag in
            tag.spellings.map { SeededGenerator(seed: seed, stream: "hashtag:" + $0.text) }
        }
        var rows: [Row] = []
        for date in period.days {
            for (tagIndex, tag) in tags.enumerated() {
                let mean = expectedVideos(tag, on: date)
                for (spellingIndex, spelling) in tag.spellings.enumerated() {
                    let videos = NegativeBinomial(mean: mean * spelling.share, varianceToMean: 2.5)
                        .sample(using: &generators[tagIndex][spellingIndex])
                    let views = NegativeBinomial(mean: Double(videos) * tag.viewsPerVideo, size: 25)
                        .sample(using: &generators[tagIndex][spellingIndex])
                    rows.append(Row(date: date, hashtag: spelling.text, videos: videos, views: views))
                }
            }
        }
        return rows
    }
}
