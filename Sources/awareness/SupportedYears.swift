import Analytics
import ArgumentParser
import Ingest

/// The check of DESIGN §3.4 on the command line: a date, week or range given with `option` must fall in
/// `CivilDate.supportedYears` (1900–2200), or the command stops with status 2 naming the option, before any
/// data is read.
enum SupportedYears {
    /// Refuses `day` given with `option` outside the supported years.
    static func check(_ day: CivilDate, option: String) throws {
        guard day.isInSupportedYears else {
            throw ValidationError("\(option): \(day.outsideSupportedYearsMessage)")
        }
    }

    /// Refuses a range whose first or last day is outside the supported years.
    static func check(_ days: DayRange, option: String) throws {
        try check(days.start, option: option)
        try check(days.end, option: option)
    }

    /// Refuses an ISO week with a day outside the supported years.
    static func check(_ week: ISOWeek, option: String) throws {
        guard week.monday.isInSupportedYears && week.sunday.isInSupportedYears else {
            throw ValidationError(
                "\(option): \(week) is outside the supported years \(CivilDate.supportedYears.lowerBound)–"
                    + "\(CivilDate.supportedYears.upperBound)")
        }
    }
}
