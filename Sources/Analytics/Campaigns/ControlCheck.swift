/// A campaign's control series estimated on its own over the campaign window (its own model, without controls):
/// a control should not move with the campaign.
public struct ControlCheck: Sendable {
    /// The control's series name (`calls:3919`).
    public let control: String
    /// Its counterfactual model on the campaign window.
    public let estimate: CounterfactualEstimate

    /// A check from its parts.
    public init(control: String, estimate: CounterfactualEstimate) {
        self.control = control
        self.estimate = estimate
    }

    /// Whether the control's own model finds an effect during the campaign (its interval excludes 0): the
    /// control itself jumped, so it may have been touched by the campaign.
    public var movedDuringCampaign: Bool {
        guard let figures = estimate.figures else { return false }
        return !figures.upliftInterval.contains(0)
    }

}
