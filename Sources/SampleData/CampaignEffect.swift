import Foundation
import Ingest

/// The multiplicative effect a campaign injects into one series of the sample data.
///
/// On day `d` after the campaign start (`d = 0` on the first day) the series' mean is multiplied by
/// `1 + fastPeak·fastFactor^d + slowPeak·slowFactor^d`; before the start the multiplier is 1. The fast
/// part is a launch spike, the slow part a step that fades over weeks. The effect does not stop at the end
/// of the campaign window: the ground truth measures it over the window only.
public struct CampaignEffect: Sendable {
    /// The campaign id.
    public let campaign: String
    /// The series it acts on, named as in DESIGN §5 (`calls:119`, `videos:nonauharcelement`).
    public let series: String
    /// The first day of the effect (the campaign start).
    public let start: CivilDate
    /// The height of the launch spike, as a fraction of the mean (4.6 is +460%).
    public let fastPeak: Double
    /// The day-over-day retention of the spike (0.5 halves it every day).
    public let fastFactor: Double
    /// The height of the slow step, as a fraction of the mean.
    public let slowPeak: Double
    /// The day-over-day retention of the slow step.
    public let slowFactor: Double

    /// The multiplier of the series' mean on `date`.
    public func multiplier(on date: CivilDate) -> Double {
        let day = start.days(to: date)
        guard day >= 0 else { return 1 }
        let d = Double(day)
        return 1 + fastPeak * pow(fastFactor, d) + slowPeak * pow(slowFactor, d)
    }

    /// Every injected effect of the sample data.
    public static let all: [CampaignEffect] = [
        // 3 Sep 2019: ~6.2× a normal Tuesday, ~4.9× on the 4th, a week more than double normal, October +75%.
        CampaignEffect(.reagir3919, "calls:3919", fast: 3.4, 0.62, slow: 1.8, exp(-1.0 / 55)),
        CampaignEffect(.banner119, "calls:119", fast: 0, 0, slow: 0.16, exp(-1.0 / 30)),
        CampaignEffect(.balanceTonTikTokeur, "calls:119", fast: 0.25, 0.88, slow: 0, 0),
        CampaignEffect(.balanceTonTikTokeur, "calls:3919", fast: 0.20, 0.88, slow: 0, 0),
        CampaignEffect(.nonAuHarcelement, "calls:3020", fast: 0.80, 0.82, slow: 0, 0),
        CampaignEffect(.banner119, "videos:119", fast: 0.60, 0.90, slow: 0, 0),
        CampaignEffect(.banner119, "videos:alloenfanceendanger", fast: 2.0, 0.85, slow: 0, 0),
        CampaignEffect(.balanceTonTikTokeur, "videos:balancetontiktokeur", fast: 300, 0.80, slow: 20, 0.97),
        CampaignEffect(.nonAuHarcelement, "videos:nonauharcelement", fast: 18, 0.80, slow: 2, 0.95),
    ]

    /// The product of every campaign effect on `series` on `date`, leaving out the campaign `excluded`.
    public static func multiplier(
        of series: String, on date: CivilDate, excluding excluded: String? = nil
    )
        -> Double
    {
        var product = 1.0
        for effect in all where effect.series == series && effect.campaign != excluded {
            product *= effect.multiplier(on: date)
        }
        return product
    }

    private init(
        _ campaign: SampleCampaign, _ series: String, fast fastPeak: Double, _ fastFactor: Double,
        slow slowPeak: Double,
        _ slowFactor: Double
    ) {
        self.campaign = campaign.id
        self.series = series
        self.start = campaign.window.start
        self.fastPeak = fastPeak
        self.fastFactor = fastFactor
        self.slowPeak = slowPeak
        self.slowFactor = slowFactor
    }
}
