/// A known event the counterfactual model adjusts for (a lockdown, a news story), from `context:` in
/// `campaigns.yaml`.
public struct ContextEvent: Sendable, Equatable {
    /// A safe identifier, unique among context events (same rules as `Campaign.id`).
    public let id: String
    /// The name shown in reports; the id when the file gives none.
    public let name: String
    /// The days of the event, both ends included.
    public let window: DayRange
    /// How its effect ends after `window` (`ends_over:` and `return:`), or nil when it stops on the last day.
    public let gradualReturn: ContextReturn?

    /// Creates a context event; `name` defaults to `id`, and without `gradualReturn` its effect stops on the
    /// last day of `window`.
    public init(id: String, name: String? = nil, window: DayRange, gradualReturn: ContextReturn? = nil) {
        self.id = id
        self.name = name ?? id
        self.window = window
        self.gradualReturn = gradualReturn
    }
}
