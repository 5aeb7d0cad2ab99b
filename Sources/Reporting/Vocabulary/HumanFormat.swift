import Analytics
import Ingest

/// Formats numbers, changes, intervals, p-values, dates and weeks for people, in English or French.
///
/// Never consults the machine's locale: the same value gives the same text on every machine.
/// - English: `15,234`, `+20%`, `+4.5%`, `+12% to +28%`, `p = 0.03`, `4 May 2020`.
/// - French: `15 234`, `+20 %`, `+4,5 %`, `+12 % à +28 %`, `p = 0,03`, `1er mai 2020`.
///
/// French digit groups and the space before `%` are both U+202F NARROW NO-BREAK SPACE (the
/// Imprimerie nationale rule), so a number never breaks across lines. Negative numbers use the ASCII
/// hyphen-minus in both languages, so that copied text still parses as a number. Rounding is half away
/// from zero. Values that are not finite are written as an en dash (`–`).
public struct HumanFormat: Sendable, Equatable {
    /// The language of the text.
    public let language: ReportLanguage

    /// U+202F NARROW NO-BREAK SPACE, the French digit-group separator and the space before `%`.
    public static let narrowNoBreakSpace = "\u{202F}"

    /// What a value that is not finite (NaN, infinity) is written as.
    public static let notAvailable = "–"

    /// Creates a formatter for `language`.
    public init(language: ReportLanguage) {
        self.language = language
    }

    // MARK: - Numbers

    /// An integer with digit groups of three: `15,234` / `15 234`.
    public func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + grouped(digits)
    }

    /// A number rounded to `fractionDigits` decimals (0–9), with digit groups: `1,234.5` / `1 234,5`.
    ///
    /// A value that rounds to zero is written without a sign.
    public func decimal(_ value: Double, fractionDigits: Int) -> String {
        guard let parts = Self.fixed(value, fractionDigits: fractionDigits) else { return Self.notAvailable }
        let body = grouped(parts.integer) + (parts.fraction.isEmpty ? "" : decimalSeparator + parts.fraction)
        return (parts.isNegative ? "-" : "") + body
    }

    /// A count that may be fractional (an expected count), rounded to a whole number: `1,234` / `1 234`.
    ///
    /// A count of 2⁶³ or more (a week's or a window's total of daily counts that each fit, summed as a `Double`)
    /// is past the largest count, 2⁶³ − 1, and its digits past the 16th are not the sum's: it is written
    /// `more than 9,223,372,036,854,775,807` / `plus de 9 223 372 036 854 775 807` rather than as digits that
    /// look exact (``pastLargestCount``); one of −2⁶³ or less, `less than -9,223,372,036,854,775,807`.
    public func count(_ value: Double) -> String {
        // Not finite (NaN, infinity) stays the dash `decimal` writes.
        guard !value.isFinite || value.magnitude < Self.pastLargestCount else {
            return value < 0 ? vocabulary.lessThan + integer(-Int.max) : vocabulary.moreThan + integer(Int.max)
        }
        return decimal(value, fractionDigits: 0)
    }

    /// 2⁶³, the first total past the largest count (`Int64.max`, 2⁶³ − 1); exactly representable as a `Double`.
    public static let pastLargestCount = 9_223_372_036_854_775_808.0

    // MARK: - Percentages

    /// A fraction as a percentage without sign: 0.2 → `20%` / `20 %`, 0.045 → `4.5%` / `4,5 %`.
    ///
    /// One decimal when the rounded magnitude is below 10%, none from 10% up.
    public func percent(_ fraction: Double) -> String {
        percentText(fraction, signed: false)
    }

    /// A change given as a fraction, always signed: 0.2 → `+20%` / `+20 %`, -0.045 → `-4.5%` / `-4,5 %`.
    ///
    /// Same decimals as ``percent(_:)``; a change that rounds to zero has no sign (`0.0%`).
    public func change(_ fraction: Double) -> String {
        percentText(fraction, signed: true)
    }

    /// A fraction as a percentage with exactly `fractionDigits` decimals (for chart ticks): 0.025 with
    /// one digit → `2.5%` / `2,5 %`.
    public func percent(_ fraction: Double, fractionDigits: Int) -> String {
        let text = decimal(fraction * 100, fractionDigits: fractionDigits)
        return text == Self.notAvailable ? text : text + percentSign
    }

    private func percentText(_ fraction: Double, signed: Bool) -> String {
        let percent = fraction * 100
        guard percent.isFinite else { return Self.notAvailable }
        let oneDecimal = (percent * 10).rounded(.toNearestOrAwayFromZero) / 10
        let digits = abs(oneDecimal) < 10 ? 1 : 0
        guard let parts = Self.fixed(percent, fractionDigits: digits) else { return Self.notAvailable }
        let body = grouped(parts.integer) + (parts.fraction.isEmpty ? "" : decimalSeparator + parts.fraction)
        let isZero = parts.integer.allSatisfy { $0 == "0" } && parts.fraction.allSatisfy { $0 == "0" }
        let sign = parts.isNegative ? "-" : (signed && !isZero ? "+" : "")
        return sign + body + percentSign
    }

    // MARK: - Notation

    /// The decimal separator: `.` / `,`. With the members below, what a notebook's setup cell gives its Python
    /// helpers, so that they write the tidy files' numbers as this formatter does without choosing a language.
    public var decimalSeparator: String { vocabulary.decimalSeparator }
    /// The separator of thousands: `,` / a narrow no-break space.
    public var groupSeparator: String { vocabulary.groupSeparator }
    /// What follows a percentage: `%` / a narrow no-break space and `%`.
    public var percentSign: String { vocabulary.percentSign }
    /// What joins an interval's bounds: ` to ` / ` à `.
    public var intervalJoin: String { vocabulary.intervalJoin }
    /// The first day of a month in a date: `1` / `1er`.
    public var firstOfMonth: String { vocabulary.firstOfMonth }

    // MARK: - Intervals

    /// Two already formatted bounds joined as an interval: `a to b` / `a à b`.
    public func interval(_ lower: String, _ upper: String) -> String {
        lower + vocabulary.intervalJoin + upper
    }

    /// An interval of changes: `+12% to +28%` / `+12 % à +28 %`; one the data do not bound above (an expected
    /// total that may be as low as 0): `-12% or more` / `-12 % ou plus`.
    public func changeInterval(lower: Double, upper: Double) -> String {
        if upper == .infinity, lower.isFinite {
            return change(lower) + vocabulary.unboundedAbove
        }
        return interval(change(lower), change(upper))
    }

    /// An interval of fractions shown as unsigned percentages (a CTR interval): `1.2% to 1.5%`.
    public func percentInterval(lower: Double, upper: Double) -> String {
        interval(percent(lower), percent(upper))
    }

    /// An interval of counts rounded to whole numbers: `1,234 to 1,567` / `1 234 à 1 567`.
    public func countInterval(lower: Double, upper: Double) -> String {
        interval(count(lower), count(upper))
    }

    // MARK: - p-values

    /// A two-sided p-value: `p < 0.001`, `p = 0.004`, `p = 0.03`, `p > 0.99` (French: `p < 0,001`).
    ///
    /// Below 0.001 the bound is given; below 0.01 three decimals; otherwise two decimals, except that a
    /// value below 0.05 is never printed as `0.05` (0.0496 → `p = 0.049`), so the text never moves a result
    /// across the conventional threshold. Above 0.99: `p > 0.99`. Outside 0–1 or not finite: `p = –`.
    public func pValue(_ p: Double) -> String {
        guard p.isFinite, (0...1).contains(p) else { return "p = " + Self.notAvailable }
        if p < 0.001 { return "p < " + decimal(0.001, fractionDigits: 3) }
        if p > 0.99 { return "p > " + decimal(0.99, fractionDigits: 2) }
        if p < 0.01 { return "p = " + decimal(p, fractionDigits: 3) }
        if p < 0.05, (p * 100).rounded(.toNearestOrAwayFromZero) >= 5 {
            let truncated = (p * 1000).rounded(.down) / 1000
            return "p = " + decimal(truncated, fractionDigits: 3)
        }
        return "p = " + decimal(p, fractionDigits: 2)
    }

    // MARK: - Dates

    /// A date in full: `4 May 2020` / `4 mai 2020`, `1er mai 2020` for the first of the month.
    public func date(_ date: CivilDate) -> String {
        let (year, month, day) = date.components
        return "\(dayOfMonth(day)) \(monthName(month)) \(year)"
    }

    /// A date without its year and with a short month, for chart axes: `4 May`, `20 Apr` / `4 mai`,
    /// `1er avr.`.
    public func dayAndMonth(_ date: CivilDate) -> String {
        let (_, month, day) = date.components
        return "\(dayOfMonth(day)) \(vocabulary.shortMonthNames[month - 1])"
    }

    /// A short month and year, for chart axes over long spans: `May 2020` / `mai 2020`.
    public func monthAndYear(_ date: CivilDate) -> String {
        let (year, month, _) = date.components
        return "\(vocabulary.shortMonthNames[month - 1]) \(year)"
    }

    /// An inclusive range of dates, stating shared parts once.
    ///
    /// `4–17 May 2020`, `27 April – 10 May 2020`, `28 December 2020 – 3 January 2021`; in French
    /// `4–17 mai 2020`, `1er–7 mai 2020`, `27 avril – 10 mai 2020`. A one-day range is that date.
    public func dateRange(from start: CivilDate, to end: CivilDate) -> String {
        let (startYear, startMonth, startDay) = start.components
        let (endYear, endMonth, _) = end.components
        if start == end { return date(start) }
        if startYear == endYear, startMonth == endMonth {
            return "\(dayOfMonth(startDay))–\(date(end))"
        }
        if startYear == endYear {
            return "\(dayOfMonth(startDay)) \(monthName(startMonth)) – \(date(end))"
        }
        return "\(date(start)) – \(date(end))"
    }

    /// The inclusive range `days`, as ``dateRange(from:to:)``.
    public func dateRange(_ days: DayRange) -> String {
        dateRange(from: days.start, to: days.end)
    }

    /// An ISO week's identifier, the same in every language: `2020-W19`.
    public func weekIdentifier(_ week: ISOWeek) -> String {
        "\(week.year)-W" + (week.week < 10 ? "0" : "") + String(week.week)
    }

    /// ISO weekdays (1 = Monday) for people, consecutive runs joined by a dash: `Monday–Tuesday`,
    /// `Monday, Wednesday`; in French `lundi–mardi`. Numbers outside 1–7 are left out, and a list without any
    /// weekday is empty text (``ReportWording/comparedWeekdays(_:)`` words whole weeks).
    public func weekdays(_ weekdays: [Int]) -> String {
        let names = vocabulary.weekdayNames
        let valid = weekdays.filter { (1...7).contains($0) }.sorted()
        guard let first = valid.first else { return "" }
        var runs: [(Int, Int)] = [(first, first)]
        for day in valid.dropFirst() {
            if let last = runs.last, day == last.1 + 1 {
                runs[runs.count - 1].1 = day
            } else {
                runs.append((day, day))
            }
        }
        return runs.map { $0.0 == $0.1 ? names[$0.0 - 1] : names[$0.0 - 1] + "–" + names[$0.1 - 1] }
            .joined(separator: ", ")
    }

    /// A short ISO week label for chart axes: `W19` / `S19`.
    public func shortWeek(_ week: ISOWeek) -> String {
        vocabulary.weekLetter + (week.week < 10 ? "0" : "") + String(week.week)
    }

    private func dayOfMonth(_ day: Int) -> String {
        day == 1 ? vocabulary.firstOfMonth : String(day)
    }

    /// The name of `month` (1–12) as dates write it: `May` / `mai`.
    func monthName(_ month: Int) -> String {
        vocabulary.monthNames[month - 1]
    }

    // MARK: - Digits

    private func grouped(_ digits: String) -> String {
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.append(digits[start..<end])
            end = start
        }
        return groups.reversed().joined(separator: groupSeparator)
    }

    /// Splits `value` rounded to `fractionDigits` decimals into sign, integer digits and fraction digits,
    /// without going through any locale. Nil when the value is not finite.
    static func fixed(_ value: Double, fractionDigits: Int) -> (isNegative: Bool, integer: String, fraction: String)? {
        guard value.isFinite else { return nil }
        let digits = min(max(fractionDigits, 0), 9)
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let text: String
        if scaled < 9.0e15 {
            text = String(Int(scaled))
        } else {
            // Beyond exact integers: the plain decimal digits of the shortest representation.
            text = DecimalText.plain(scaled, significantDigits: 17)
        }
        let padded = String(repeating: "0", count: max(0, digits + 1 - text.count)) + text
        let split = padded.index(padded.endIndex, offsetBy: -digits)
        let integer = String(padded[..<split])
        let fraction = String(padded[split...])
        let isZero = scaled == 0
        return (value < 0 && !isZero, integer, fraction)
    }

    // MARK: - Vocabulary

    /// What HumanFormat writes differently in English and French: separators, the words around intervals, the
    /// letter of short weeks, the first of the month and the names of months and weekdays. It is the only place
    /// where HumanFormat tells the two languages apart; the labels and sentences of reports are ``ReportWording``'s.
    private struct Vocabulary: Sendable {
        /// Before the decimals: `.` / `,`.
        let decimalSeparator: String
        /// Between groups of three digits: `,` / U+202F.
        let groupSeparator: String
        /// After a percentage: `%` / U+202F then `%`.
        let percentSign: String
        /// Between the bounds of an interval: ` to ` / ` à `.
        let intervalJoin: String
        /// After the lower bound of an interval the data do not bound above: ` or more` / ` ou plus`.
        let unboundedAbove: String
        /// Before the largest count, for a total past it: `more than ` / `plus de `.
        let moreThan: String
        /// Before the smallest count, for a total below it (an extra count): `less than ` / `moins de `.
        let lessThan: String
        /// Before the number of a short week: `W` / `S` (semaine).
        let weekLetter: String
        /// The first day of a month in a date: `1` / `1er`.
        let firstOfMonth: String
        /// January to December, as dates write them.
        let monthNames: [String]
        /// January to December, abbreviated for chart axes.
        let shortMonthNames: [String]
        /// Monday to Sunday, as sentences write them.
        let weekdayNames: [String]

        static let english = Vocabulary(
            decimalSeparator: ".", groupSeparator: ",", percentSign: "%", intervalJoin: " to ",
            unboundedAbove: " or more", moreThan: "more than ", lessThan: "less than ",
            weekLetter: "W", firstOfMonth: "1",
            monthNames: [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ],
            shortMonthNames: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
            weekdayNames: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])

        static let french = Vocabulary(
            decimalSeparator: ",", groupSeparator: HumanFormat.narrowNoBreakSpace,
            percentSign: HumanFormat.narrowNoBreakSpace + "%", intervalJoin: " à ", unboundedAbove: " ou plus",
            moreThan: "plus de ", lessThan: "moins de ", weekLetter: "S", firstOfMonth: "1er",
            monthNames: [
                "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                "novembre", "décembre",
            ],
            shortMonthNames: [
                "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
            ],
            weekdayNames: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])
    }

    /// The vocabulary of ``language``.
    private var vocabulary: Vocabulary {
        switch language {
        case .en: .english
        case .fr: .french
        }
    }
}
