/// Ranges built from days and lengths that always exist: the computations that widen, shift or join ranges build
/// them with these, rather than with ``DayRange/init(start:end:)`` and a value to fall back on that nothing
/// would ever notice.
extension DayRange {
    /// The range holding one day.
    public init(day: CivilDate) {
        self.start = day
        self.end = day
    }

    /// From the earlier of two days to the later, both included, whichever order they come in.
    public init(covering first: CivilDate, _ second: CivilDate) {
        self.start = min(first, second)
        self.end = max(first, second)
    }

    /// `dayCount` days ending on `end`, both ends included; a count below 1 gives the one day `end`.
    public init(ending end: CivilDate, dayCount: Int) {
        self.start = end.adding(days: 1 - max(1, dayCount))
        self.end = end
    }

    /// `dayCount` days from `start`, both ends included; a count below 1 gives the one day `start`.
    public init(starting start: CivilDate, dayCount: Int) {
        self.start = start
        self.end = start.adding(days: max(1, dayCount) - 1)
    }

    /// This range with `before` more days before its start and `after` more after its end (negative counts add
    /// nothing).
    public func widened(before: Int = 0, after: Int = 0) -> DayRange {
        DayRange(covering: start.adding(days: -max(0, before)), end.adding(days: max(0, after)))
    }

    /// The smallest range holding both this range and `other` (the days between them included).
    public func joined(with other: DayRange) -> DayRange {
        DayRange(covering: min(start, other.start), max(end, other.end))
    }
}
