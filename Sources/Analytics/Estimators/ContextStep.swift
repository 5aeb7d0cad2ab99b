import Ingest

/// A known event the counterfactual model adjusts for (a lockdown, a news story): a step that is 1 on the
/// event's days and 0 elsewhere.
public struct ContextStep: Hashable, Sendable {
    /// The event's identifier, used to name its design column (`context:<id>`) and in notes.
    public let id: String
    /// The event's days, inclusive.
    public let days: DayRange

    /// Creates the step `id` over `days`.
    public init(id: String, days: DayRange) {
        self.id = id
        self.days = days
    }
}
