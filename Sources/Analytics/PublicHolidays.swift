import Ingest

/// The public holidays of a country, computed for any year.
public enum PublicHolidays {
    /// The eleven French public holidays of `year` (metropolitan France, as fixed by the Code du travail,
    /// art. L3133-1): 1 Jan, Easter Monday, 1 May, 8 May, Ascension Thursday, Whit Monday, 14 Jul, 15 Aug,
    /// 1 Nov, 11 Nov and 25 Dec. Returned in date order.
    public static func france(year: Int) -> [CivilDate] {
        guard let easter = easterSunday(year: year) else { return [] }
        let fixed: [(Int, Int)] = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)]
        var days = fixed.compactMap { CivilDate(year: year, month: $0.0, day: $0.1) }
        days += [easter.adding(days: 1), easter.adding(days: 39), easter.adding(days: 50)]
        return days.sorted()
    }

    /// Gregorian Easter Sunday of `year`, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easterSunday(year: Int) -> CivilDate? {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CivilDate(year: year, month: month, day: day)
    }
}
