import Ingest

extension HolidaySource {
    /// The public holidays of the calendar years `years`, and a note when they cannot be known.
    ///
    /// `.builtIn(country: "FR")` gives `PublicHolidays.france(year:)` for each year; another country gives no
    /// holidays and a note (only France is built in); `.dates` gives the listed dates, whatever their year.
    public func holidays(years: ClosedRange<Int>) -> (dates: Set<CivilDate>, note: EstimateNote?) {
        switch self {
        case .dates(let dates):
            return (Set(dates), nil)
        case .builtIn(let country):
            guard country.uppercased() == "FR" else {
                return ([], .noBuiltInHolidays(country: country))
            }
            return (Set(years.flatMap { PublicHolidays.france(year: $0) }), nil)
        }
    }
}
