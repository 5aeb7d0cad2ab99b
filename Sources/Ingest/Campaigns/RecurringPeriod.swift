/// A recurring period of the analyst's own (`periods:` in `campaigns.yaml`), such as Ramadan: its dates in
/// each year it is known for. The counterfactual model fits it like a holiday, one column that is 1 on its days.
public struct RecurringPeriod: Sendable, Equatable {
    /// The id, unique among the periods; the model's column is `period:<id>`.
    public let id: String
    /// A readable name, when given.
    public let name: String?
    /// Its occurrences, one per year given, in date order.
    public let occurrences: [DayRange]
    /// The line of its entry in `campaigns.yaml`, when read from one.
    public let line: Int?

    /// Creates a period from values.
    public init(id: String, name: String? = nil, occurrences: [DayRange], line: Int? = nil) {
        self.id = id
        self.name = name
        self.occurrences = occurrences.sorted { $0.start < $1.start }
        self.line = line
    }

    /// Whether `day` falls in one of the occurrences.
    public func contains(_ day: CivilDate) -> Bool {
        occurrences.contains { $0.contains(day) }
    }
}
