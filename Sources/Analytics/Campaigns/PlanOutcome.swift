/// What `awareness plan` was asked, and what the search of ``CampaignPlan`` found: the minimum detectable uplift
/// of a given length, or the shortest length that detects an uplift sought, or none up to the longest searched.
public enum PlanOutcome: Hashable, Sendable {
    /// The minimum detectable uplift of a campaign of the given length (`--days`).
    case minimumDetectableUplift
    /// The shortest length that detects the uplift sought (`--uplift`).
    case detectedWithin(uplift: Double)
    /// No length up to `CampaignPlan.longestSearchedDays` detects the uplift sought; the projection is the
    /// length with the lowest minimum detectable uplift.
    case notDetectable(uplift: Double)

    /// The uplift sought, for a search.
    public var targetUplift: Double? {
        switch self {
        case .minimumDetectableUplift: nil
        case .detectedWithin(let uplift), .notDetectable(let uplift): uplift
        }
    }
}
