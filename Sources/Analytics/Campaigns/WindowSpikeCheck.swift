import Foundation
import Ingest

/// Whether a campaign window's rise sits on one to three days (the `spike_in_window` caution): a news spike in the
/// window, or a launch day that carries the campaign, says more about those days than about the campaign.
///
/// With O − E > 0 the window's extra count, R the median over the window's days of y/μ (its typical ratio, which
/// a spike does not move) and z = (y − R·μ)/√v(R·μ) each day's standardised residual from that typical level
/// (v the model's variance function), a day stands out when its z is above the onset threshold of the fit's
/// spikes (`NewsSpikes.standingOut`: 4 robust standard deviations of the fitted days' residuals above their
/// median). The check holds when the (at most) three standing-out days with the largest y − μ carry at least half
/// of O − E between them. A rise of the whole window has no such day; a null window lifted by a spike has one to
/// three, and so does a campaign whose launch day alone makes the difference.
public struct WindowSpikeCheck: Sendable, Hashable {
    /// The share of O − E the days must carry for the check to hold: a half.
    public static let minimumShare = 0.5
    /// The most days the rise may sit on.
    public static let largestDayCount = 3

    /// The days that carry the rise (one to three), in date order.
    public let days: [CivilDate]
    /// Σ (y − μ) over `days` divided by O − E (above 1 when the other days are below the model on the whole).
    public let share: Double

    /// The check of a fitted model's window, nil when the rise does not sit on one to three days (or there is no
    /// rise).
    public init?(_ figures: CounterfactualEstimate.Figures) {
        let terms = figures.windowTerms
        let extra = figures.observed - figures.expected
        guard extra > 0, !terms.days.isEmpty else { return nil }
        let standingOut = figures.newsSpikes.standingOut(
            observed: terms.observed, levels: terms.levels, noise: figures.noise)
        let excess = { (index: Int) in terms.observed[index] - terms.levels[index] }
        let carrying = standingOut.sorted { excess($0) > excess($1) }.prefix(Self.largestDayCount)
        let share = carrying.reduce(0) { $0 + excess($1) } / extra
        guard !carrying.isEmpty, share >= Self.minimumShare else { return nil }
        days = carrying.sorted().map { terms.days[$0] }
        self.share = share
    }
}
