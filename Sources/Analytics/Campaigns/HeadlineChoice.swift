import Ingest

/// Which estimate of one series a headline rests on, and why: decided once here, and used alike by the campaign
/// report, `summary.md`, `awareness uplift` and the `headline` and `caution` columns of `uplift.csv`.
///
/// The seasonal model when it was fitted, with the cautions its checks raise (``HeadlineCaution``); the
/// before/during window comparison when the model was not fitted (or the series has none, as impressions); no
/// estimate when neither gives an expected count.
public struct HeadlineChoice: Sendable, Hashable {
    /// The estimate quoted.
    public enum Basis: Sendable, Hashable {
        /// The model, and no check speaks against it.
        case model
        /// The model, although these checks speak against it (never empty).
        case modelWithCaution([HeadlineCaution])
        /// The window comparison, because the model was not fitted (for this reason; nil when the series has no
        /// model at all, as impressions and clicks).
        case windowBecauseModelNotFitted(NotFittedReason?)
        /// No estimate: neither the model nor the reference period gives an expected count.
        case none
    }

    /// The series the headline is about.
    public let series: SeriesName
    /// The estimate quoted, and why.
    public let basis: Basis
    /// What the window and year-over-year comparisons found, when they give an estimate, for the reader to set
    /// against a cautioned model.
    public let otherComparisons: [HeadlineCaution.Finding]

    /// Creates a choice from its parts.
    public init(series: SeriesName, basis: Basis, otherComparisons: [HeadlineCaution.Finding] = []) {
        self.series = series
        self.basis = basis
        self.otherComparisons = otherComparisons
    }

    /// The method of the row quoted, nil when there is none.
    public var method: UpliftRow.Method? {
        switch basis {
        case .model, .modelWithCaution: .model
        case .windowBecauseModelNotFitted: .window
        case .none: nil
        }
    }

    /// The cautions, empty unless the basis is ``Basis/modelWithCaution(_:)``.
    public var cautions: [HeadlineCaution] {
        if case .modelWithCaution(let cautions) = basis { return cautions }
        return []
    }

    /// Whether a headline quotes an estimate at all.
    public var isEstimated: Bool { method != nil }
}

extension SeriesEstimate {
    /// The headline choice for this series (``HeadlineChoice``), its checks judged at `confidenceLevel`.
    ///
    /// - `placebo`: the smallest p-value among the placebos (``placebo`` and ``earlierPlacebos``) is below
    ///   (1 − level)/k for k placebos fitted (Bonferroni), so that looking at more windows does not by itself
    ///   make a caution likelier on a model that fits.
    /// - `recent_misfit`: ``RecentFitCheck`` fails.
    /// - `spike_in_window`: the window's rise sits on one to three days (``WindowSpikeCheck``).
    /// - `methods_disagree`: every comparison the series has (window, and year over year when the history has
    ///   it) excludes 0 with its estimate beyond the model's interval on the same side; or one excludes 0 on the
    ///   other side of a model that excludes 0 too; not when the model adjusts for a context event over the
    ///   window (``overlappingContext``), which the comparisons know nothing of.
    public func headlineChoice(confidenceLevel: Double) -> HeadlineChoice {
        let others = [window, yearOverYear].compactMap { comparison -> HeadlineCaution.Finding? in
            guard let comparison, let estimate = comparison.estimate else { return nil }
            return HeadlineCaution.Finding(
                method: comparison.method == .yearOverYear ? .yearOverYear : .window, uplift: estimate.uplift,
                interval: estimate.upliftInterval)
        }
        guard let figures = model?.figures else {
            guard window.estimate != nil else { return HeadlineChoice(series: series, basis: .none) }
            return HeadlineChoice(
                series: series, basis: .windowBecauseModelNotFitted(model?.notFittedReason),
                otherComparisons: others.filter { $0.method != .window })
        }
        var cautions: [HeadlineCaution] = []
        let placebos = ([placebo] + earlierPlacebos).compactMap { estimate in
            estimate.flatMap { one in one.figures.map { (window: one.window, figures: $0) } }
        }
        if let worst = placebos.min(by: { $0.figures.pValue < $1.figures.pValue }),
            worst.figures.pValue < (1 - confidenceLevel) / Double(placebos.count)
        {
            cautions.append(.placebo(window: worst.window, uplift: worst.figures.uplift, pValue: worst.figures.pValue))
        }
        if let model, let check = RecentFitCheck(model), check.fails {
            cautions.append(.recentMisfit(check))
        }
        if let spike = WindowSpikeCheck(figures) {
            cautions.append(.spikeInWindow(days: spike.days, share: spike.share))
        }
        let modelInterval = figures.upliftInterval
        let modelExcludesZero = modelInterval.lower > 0 || modelInterval.upper < 0
        // One comparison alone that misses the model's interval is usually its own bias (the season between the
        // reference period and the window, the trend over a year): on stable simulated series with a yearly
        // cycle the window row alone missed the model's interval in 78% of null campaigns. Every row the series
        // has must then miss it on the same side; a row of the opposite sign to a model excluding 0 is enough.
        // A context event the model adjusts for over the window moves the comparisons, which know nothing of it
        // (the sample's lockdown lifted the before/during reference period): they are no witnesses then.
        let witnesses = overlappingContext.isEmpty ? others : []
        let above = witnesses.filter { $0.excludesZero && $0.uplift > modelInterval.upper }
        let below = witnesses.filter { $0.excludesZero && $0.uplift < modelInterval.lower }
        let opposite = witnesses.filter { other in
            other.excludesZero && modelExcludesZero && (other.uplift > 0) != (figures.uplift > 0)
        }
        let disagreeing =
            !witnesses.isEmpty && (above.count == witnesses.count || below.count == witnesses.count)
            ? witnesses : opposite
        if !disagreeing.isEmpty { cautions.append(.methodsDisagree(disagreeing)) }
        return HeadlineChoice(
            series: series, basis: cautions.isEmpty ? .model : .modelWithCaution(cautions), otherComparisons: others)
    }
}
