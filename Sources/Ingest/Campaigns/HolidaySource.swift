/// Where the public holidays used by the counterfactual model come from (`holidays:` in `campaigns.yaml`).
public enum HolidaySource: Sendable, Equatable {
    /// A built-in public-holiday calendar, named by its ISO 3166-1 alpha-2 country code (`"FR"`).
    case builtIn(country: String)
    /// An explicit list of holidays, sorted and without duplicates.
    case dates([CivilDate])
}
