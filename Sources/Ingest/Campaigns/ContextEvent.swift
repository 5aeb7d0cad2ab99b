/// A known event the counterfactual model adjusts for (a lockdown, a news story), from `context:` in
/// `campaigns.yaml`.
public struct ContextEvent: Sendable, Equatable {
    /// A safe identifier, unique among context events (same rules as `Campaign.id`).
    public let id: String
    /// The name shown in reports; the id when the file gives none.
    public let name: String
    /// The days of the event, both ends included.
    public let window: DayRange

    /// Creates a context event; `name` defaults to `id`.
    public init(id: String, name: String? = nil, window: DayRange) {
        self.id = id
        self.name = name ?? id
        self.window = window
    }
}
