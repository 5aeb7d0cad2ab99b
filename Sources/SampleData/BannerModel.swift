import Ingest

/// The banner impressions and clicks of the sample data: daily, per campaign, banner, placement and region,
/// from four weeks before each banner campaign starts to four weeks after it ends.
///
/// Impressions are negative binomial (size 40, so about 16% day-to-day variation on large counts) around
/// `national volume × region share × exposure × weekend factor`; exposure is a pilot share before the
/// start (none on Discover), full during the campaign and a lingering share afterwards (the 119 banner stays
/// on searches, the Discover banner stops). Clicks are binomial on the day's impressions with a CTR that
/// depends on the placement (search about 2%, Discover 0.5%, hashtag page 5%) and varies a little by row.
public enum BannerModel {
    /// One row of the impression and click feeds.
    public struct Row: Sendable {
        /// The day.
        public let date: CivilDate
        /// The campaign id as the feeds carry it.
        public let campaign: String
        /// The banner (creative) name.
        public let banner: String
        /// `search`, `discover` or `hashtag_page`.
        public let placement: String
        /// The French region.
        public let region: String
        /// Banner impressions.
        public let impressions: Int
        /// Banner clicks (never more than the impressions).
        public let clicks: Int
    }

    /// The 13 metropolitan regions and their shares of the platform's audience (population, INSEE 2020).
    public static let regions: [(name: String, share: Double)] = {
        let population: [(String, Double)] = [
            ("Auvergne-Rhône-Alpes", 8.1), ("Bourgogne-Franche-Comté", 2.8), ("Bretagne", 3.4),
            ("Centre-Val de Loire", 2.6), ("Corse", 0.34), ("Grand Est", 5.5), ("Hauts-de-France", 6.0),
            ("Île-de-France", 12.3), ("Normandie", 3.3), ("Nouvelle-Aquitaine", 6.0), ("Occitanie", 5.9),
            ("Pays de la Loire", 3.8), ("Provence-Alpes-Côte d'Azur", 5.1),
        ]
        let total = population.reduce(0) { $0 + $1.1 }
        return population.map { ($0.0, $0.1 / total) }
    }()

    /// A banner shown in one placement.
    struct Creative {
        let campaign: String
        let sampleCampaign: SampleCampaign
        let banner: String
        let placement: String
        let nationalDaily: Double
        let clickThroughRate: Double
        let pilotShare: Double
        let lingeringShare: Double
    }

    static let creatives: [Creative] = [
        Creative(
            campaign: "banner-119", sampleCampaign: .banner119, banner: "119-allo-enfance-en-danger",
            placement: "search", nationalDaily: 60_000, clickThroughRate: 0.024, pilotShare: 0.01,
            lingeringShare: 0.85),
        Creative(
            campaign: "banner-119", sampleCampaign: .banner119, banner: "119-allo-enfance-en-danger",
            placement: "hashtag_page", nationalDaily: 25_000, clickThroughRate: 0.050, pilotShare: 0.01,
            lingeringShare: 0.5),
        Creative(
            campaign: "balance-ton-tiktokeur", sampleCampaign: .balanceTonTikTokeur, banner: "liens-119-3919",
            placement: "hashtag_page", nationalDaily: 150_000, clickThroughRate: 0.052, pilotShare: 0.01,
            lingeringShare: 0.35),
        Creative(
            campaign: "balance-ton-tiktokeur", sampleCampaign: .balanceTonTikTokeur, banner: "liens-119-3919",
            placement: "search", nationalDaily: 40_000, clickThroughRate: 0.019, pilotShare: 0.01,
            lingeringShare: 0.35),
        Creative(
            campaign: "discover-3020", sampleCampaign: .nonAuHarcelement, banner: "3020-recherche",
            placement: "search", nationalDaily: 50_000, clickThroughRate: 0.021, pilotShare: 0.01,
            lingeringShare: 0.6),
        Creative(
            campaign: "discover-3020", sampleCampaign: .nonAuHarcelement, banner: "nonauharcelement-discover",
            placement: "discover", nationalDaily: 5_000_000, clickThroughRate: 0.005, pilotShare: 0,
            lingeringShare: 0),
        Creative(
            campaign: "discover-3020", sampleCampaign: .nonAuHarcelement, banner: "nonauharcelement-page",
            placement: "hashtag_page", nationalDaily: 300_000, clickThroughRate: 0.045, pilotShare: 0.01,
            lingeringShare: 0.3),
    ]

    /// The rows for `seed`, in date order, then in the order of the creatives and regions above.
    public static func sample(seed: UInt64) -> [Row] {
        let spans = creatives.map { creative -> DayRange in
            creative.sampleCampaign.window.widened(before: 28, after: 28)
        }
        guard let first = spans.map(\.start).min(), let last = spans.map(\.end).max() else { return [] }
        var generators = creatives.map { creative in
            regions.map { region in
                SeededGenerator(
                    seed: seed,
                    stream: "banner:\(creative.campaign):\(creative.banner):\(creative.placement):\(region.name)")
            }
        }
        var rows: [Row] = []
        var date = first
        while date <= last {
            for (index, creative) in creatives.enumerated() where spans[index].contains(date) {
                let window = creative.sampleCampaign.window
                let exposure: Double
                if date < window.start {
                    exposure = creative.pilotShare
                } else if date > window.end {
                    exposure = creative.lingeringShare
                } else {
                    exposure = 1
                }
                let weekend = date.isoWeekday >= 6 ? 1.12 : 1
                for (regionIndex, region) in regions.enumerated() {
                    let mean = creative.nationalDaily * region.share * exposure * weekend
                    let impressions = NegativeBinomial(mean: mean, size: 40)
                        .sample(using: &generators[index][regionIndex])
                    let rate =
                        creative.clickThroughRate
                        * GammaDistribution(shape: 100, scale: 0.01).sample(using: &generators[index][regionIndex])
                    let clicks = BinomialDistribution(trials: impressions, probability: rate)
                        .sample(using: &generators[index][regionIndex])
                    rows.append(
                        Row(
                            date: date, campaign: creative.campaign, banner: creative.banner,
                            placement: creative.placement, region: region.name, impressions: impressions,
                            clicks: clicks))
                }
            }
            date = date.adding(days: 1)
        }
        return rows
    }
}
