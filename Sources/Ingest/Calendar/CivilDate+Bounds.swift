extension CivilDate {
    /// The years a date given by a person may fall in (campaigns.yaml, `--from`/`--to`, periods, `--start`):
    /// 1900 to 2200, both included.
    ///
    /// Every analysis walks its windows day by day, so a date such as `9999-12-31` (a placeholder for "no end")
    /// would make the nightly run build millions of days and gigabytes of tables; a date that far out is a typo or
    /// a placeholder, and is refused where it is written. The feeds' own dates are not bounded here: a row is
    /// one day whatever its date.
    public static let supportedYears = 1900...2200

    /// Whether this date's year is in ``supportedYears``.
    public var isInSupportedYears: Bool { Self.supportedYears.contains(year) }

    /// Why a date given by a person is refused: `9999-12-31 is outside the supported years 1900–2200`.
    public var outsideSupportedYearsMessage: String {
        "\(self) is outside the supported years \(Self.supportedYears.lowerBound)–\(Self.supportedYears.upperBound)"
    }
}
