import Ingest

/// The uplift each campaign injects into each series of the sample data, measured over the campaign window
/// from the generator's own means: `Σ mean with the effect / Σ mean without it − 1`, where "without" keeps
/// every other effect (lockdowns, other campaigns). Estimator tests check that they recover it.
public struct GroundTruth: Sendable {
    /// One campaign × series.
    public struct Entry: Sendable {
        /// The campaign id.
        public let campaign: String
        /// The series (`calls:119`, `videos:nonauharcelement`, `views:nonauharcelement`).
        public let series: String
        /// The campaign window, both ends inclusive.
        public let window: DayRange
        /// The expected total over the window without the campaign (the counterfactual).
        public let expectedWithout: Double
        /// The expected total over the window with the campaign.
        public let expectedWith: Double

        /// The injected uplift as a fraction (0.12 is +12%).
        public var uplift: Double { expectedWith / expectedWithout - 1 }
    }

    /// Every entry, in the order of ``CampaignEffect/all`` (views after each videos series).
    public let entries: [Entry]

    /// Computes the ground truth of `model` and ``HashtagModel``.
    public init(model: HelplineModel) {
        var entries: [Entry] = []
        for effect in CampaignEffect.all {
            guard let window = SampleCampaign.named(effect.campaign)?.window else { continue }
            let parts = effect.series.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[0] == "calls" {
                let with = window.days.reduce(0.0) { $0 + model.expected(parts[1], on: $1) }
                let without = window.days.reduce(0.0) {
                    $0 + model.expected(parts[1], on: $1, excluding: effect.campaign)
                }
                entries.append(Entry(effect, window, without, with))
            } else if let tag = HashtagModel.tags.first(where: { $0.key == parts[1] }) {
                let with = window.days.reduce(0.0) { $0 + HashtagModel.expectedVideos(tag, on: $1) }
                let without = window.days.reduce(0.0) {
                    $0 + HashtagModel.expectedVideos(tag, on: $1, excluding: effect.campaign)
                }
                entries.append(Entry(effect, window, without, with))
                entries.append(
                    Entry(
                        campaign: effect.campaign, series: "views:" + tag.key, window: window,
                        expectedWithout: without * tag.viewsPerVideo, expectedWith: with * tag.viewsPerVideo))
            }
        }
        self.entries = entries
    }

    /// The file `ground-truth.csv`: `campaign,series,start,end,days,expected_without,expected_with,uplift`,
    /// totals with one decimal, the uplift as a fraction with six.
    public var csv: String {
        var text = "campaign,series,start,end,days,expected_without,expected_with,uplift\n"
        for entry in entries {
            let fields = [
                entry.campaign, entry.series, entry.window.start.description, entry.window.end.description,
                String(entry.window.dayCount), DecimalText.fixed(entry.expectedWithout, places: 1),
                DecimalText.fixed(entry.expectedWith, places: 1), DecimalText.fixed(entry.uplift, places: 6),
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }
}

extension GroundTruth.Entry {
    fileprivate init(_ effect: CampaignEffect, _ window: DayRange, _ without: Double, _ with: Double) {
        self.init(
            campaign: effect.campaign, series: effect.series, window: window, expectedWithout: without,
            expectedWith: with)
    }
}
