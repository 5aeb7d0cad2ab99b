import Ingest

/// A control of the counterfactual model, which enters it as an offset: a series that shares the shocks of the
/// estimated series
/// (a lockdown, a news story) but not the campaign, such as another helpline or a hashtag the campaign did not
/// touch.
public struct ControlSeries: Sendable, Hashable {
    /// The series name as written (`calls:3919`).
    public let name: String
    /// Its daily counts by local day; absent days are missing.
    public let values: [CivilDate: Double]

    /// A control named `name` with `values`.
    public init(name: String, values: [CivilDate: Double]) {
        self.name = name
        self.values = values
    }
}
