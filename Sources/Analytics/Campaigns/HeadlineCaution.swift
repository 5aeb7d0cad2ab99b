import Ingest

/// Why the estimate a headline quotes may be off, as a value: Reporting words each one in English and French, and
/// `uplift.csv` writes its `code` in the `caution` column of the quoted row.
public enum HeadlineCaution: Sendable, Hashable {
    /// A placebo (the same model on a window before the campaign where there was none) finds an effect: the
    /// placebo with the smallest p-value, its window and its uplift.
    case placebo(window: DayRange, uplift: Double, pValue: Double)
    /// The model misses the weeks just before the campaign (``RecentFitCheck``): a level or trend it does not
    /// know about moved them, and it carries on into the campaign's expected count.
    case recentMisfit(RecentFitCheck)
    /// The window or year-over-year comparison contradicts the model (it excludes 0 and the model's interval does
    /// not contain its estimate, or the signs differ and both exclude 0), both as it stands and net of the
    /// difference the model itself expects between its reference days and the window
    /// (`CounterfactualEstimate.modelAdjusted(_:)`); the findings listed are the rows as they stand.
    case methodsDisagree([Finding])
    /// A context event the model adjusts for ends during or just before the window, and its effect may not end
    /// with its last day (detected by another part of the pipeline; defined here for its code).
    case contextEnding(event: String)
    /// The window's rise sits on one to three days (``WindowSpikeCheck``): these days, in date order, carry `share`
    /// of its extra count (O − E).
    case spikeInWindow(days: [CivilDate], share: Double)

    /// What one comparison found: its method, its uplift and the uplift's interval.
    public struct Finding: Sendable, Hashable {
        /// The comparison (`window` or `year_over_year`).
        public let method: UpliftRow.Method
        /// Its uplift, a fraction (0.2 is +20%).
        public let uplift: Double
        /// The uplift's interval.
        public let interval: ConfidenceInterval

        /// Creates a finding.
        public init(method: UpliftRow.Method, uplift: Double, interval: ConfidenceInterval) {
            self.method = method
            self.uplift = uplift
            self.interval = interval
        }

        /// Whether the interval leaves 0 out.
        public var excludesZero: Bool { interval.lower > 0 || interval.upper < 0 }
    }

    /// The stable code of the `caution` column.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// ``HeadlineCaution/placebo(window:uplift:pValue:)``.
        case placebo
        /// ``HeadlineCaution/recentMisfit(_:)``.
        case recentMisfit = "recent_misfit"
        /// ``HeadlineCaution/methodsDisagree(_:)``.
        case methodsDisagree = "methods_disagree"
        /// ``HeadlineCaution/contextEnding(event:)``.
        case contextEnding = "context_ending"
        /// ``HeadlineCaution/spikeInWindow(days:share:)``.
        case spikeInWindow = "spike_in_window"
    }

    /// This caution's code.
    public var code: Code {
        switch self {
        case .placebo: .placebo
        case .recentMisfit: .recentMisfit
        case .methodsDisagree: .methodsDisagree
        case .contextEnding: .contextEnding
        case .spikeInWindow: .spikeInWindow
        }
    }
}
