import Analytics
import Ingest

/// The words that go with formatted numbers and days in tables and sentences: an ISO week for people, the weekdays
/// a partial week compares, and the cell of a change whose baseline is too small. The separators, month and
/// weekday names and the words inside intervals are ``HumanFormat``'s, which writes them itself.
extension ReportWording {
    /// An ISO week for people, with its days: `week 19 of 2020 (4–10 May 2020)` /
    /// `semaine 19 de 2020 (4–10 mai 2020)`.
    public func isoWeek(_ week: ISOWeek) -> String {
        let days = format.dateRange(from: week.monday, to: week.sunday)
        return weekName(number: "\(week.week)", year: "\(week.year)") + " (\(days))"
    }

    /// The name of week `number` of ISO year `year`, without its days: `week 19 of 2020` / `semaine 19 de 2020`;
    /// a notebook's setup cell writes it with `{number}` and `{year}` for its Python helpers to fill in.
    public func weekName(number: String, year: String) -> String {
        pick("week \(number) of \(year)", "semaine \(number) de \(year)")
    }

    /// The ISO weekdays (1 = Monday) two weeks were compared on, as ``HumanFormat/weekdays(_:)`` writes them
    /// (`Monday–Tuesday`, `lundi, mercredi`); no weekday (whole weeks compared) is `the whole week` /
    /// `la semaine entière`.
    public func comparedWeekdays(_ weekdays: [Int]) -> String {
        let days = format.weekdays(weekdays)
        return days.isEmpty ? pick("the whole week", "la semaine entière") : days
    }

    /// The cell of a change whose baseline is too small for a percentage to mean anything
    /// (``BaselineSize/isTooSmall(change:upper:)``): `baseline too small to compare` /
    /// `référence trop petite pour comparer`, with the observed `count` and the `reference` it was compared with
    /// when both are known: `(1,234,567 against 12)`.
    public func baselineTooSmall(_ count: Double? = nil, against reference: Double? = nil) -> String {
        let words = pick("baseline too small to compare", "référence trop petite pour comparer")
        guard let count, let reference else { return words }
        return words + " (\(format.count(count)) \(pick("against", "contre")) \(format.count(reference)))"
    }

}
