import Ingest

/// Each published figure of `shared/reference/published-figures.md` beside the value the realised sample
/// data gives, for the table in `Data/README.md`.
public struct CalibrationFigures: Sendable {
    /// One line of the table.
    public struct Figure: Sendable {
        /// What is measured, over which days.
        public let figure: String
        /// The published value, as published.
        public let published: String
        /// The value in the sample data.
        public let sample: String
    }

    /// The lines, 119 first, then 3919, then 3020.
    public let figures: [Figure]

    /// Measures the figures on `sample`.
    public init(sample: HelplineSample, model: HelplineModel) {
        func total(_ helpline: String, _ range: DayRange) -> Int { sample.total(helpline, over: range) }
        func ratio(_ numerator: Int, _ denominator: Int) -> String {
            DecimalText.percent(Double(numerator) / Double(max(denominator, 1)) - 1)
        }
        func range(_ y1: Int, _ m1: Int, _ d1: Int, _ y2: Int, _ m2: Int, _ d2: Int) -> DayRange {
            .days(y1, m1, d1, through: y2, m2, d2)
        }
        func day(_ helpline: String, _ date: CivilDate) -> Int { total(helpline, DayRange(day: date)) }
        var figures: [Figure] = []

        let normal = CalibrationFigures.normalWeeks2019(model: model)
        let normalMean = Double(normal.reduce(0) { $0 + total("119", $1) }) / Double(7 * normal.count)
        figures.append(
            Figure(
                figure: "119: calls per day, normal weeks of 2019 (\(normal.count) ISO weeks with no public holiday)",
                published: "≈ 700", sample: DecimalText.fixed(normalMean, places: 0)))

        let window20 = HelplineModel.lockdownWindow2020
        let window19 = range(2019, 3, 18, 2019, 5, 10)
        let (w20, w19) = (total("119", window20), total("119", window19))
        figures.append(
            Figure(
                figure: "119: calls 18 Mar–10 May 2020 vs 2019", published: "97,542 vs 62,467 (+56.2%)",
                sample: "\(DecimalText.grouped(w20)) vs \(DecimalText.grouped(w19)) (\(ratio(w20, w19)))"))

        let (p20, p19) = (total("119", HelplineModel.peakWeek2020), total("119", range(2019, 4, 13, 2019, 4, 19)))
        figures.append(
            Figure(
                figure: "119: calls 13–19 Apr 2020 vs the same dates of 2019", published: "14,531 vs 7,674 (+89.35%)",
                sample: "\(DecimalText.grouped(p20)) vs \(DecimalText.grouped(p19)) (\(ratio(p20, p19)))"))

        let (early, before) = (
            total("119", range(2020, 3, 18, 2020, 4, 6)), total("119", range(2020, 2, 12, 2020, 3, 2))
        )
        figures.append(
            Figure(
                figure: "119: calls 18 Mar–6 Apr vs 12 Feb–2 Mar 2020", published: "+20%",
                sample: "\(DecimalText.grouped(early)) vs \(DecimalText.grouped(before)) (\(ratio(early, before)))"))

        let week1 = total("119", range(2020, 3, 17, 2020, 3, 23))
        let week2 = total("119", range(2020, 3, 24, 2020, 3, 30))
        let week3 = total("119", range(2020, 3, 31, 2020, 4, 6))
        figures.append(
            Figure(
                figure: "119: lockdown week 2 vs week 1; week 3 vs week 1 (weeks from 17 Mar 2020)",
                published: "+15%; +53%", sample: "\(ratio(week2, week1)); \(ratio(week3, week1))"))

        let summer = range(2019, 6, 1, 2019, 8, 31).days.filter { !model.isHoliday($0) }
        func mean3919(_ weekdays: ClosedRange<Int>) -> String {
            let days = summer.filter { weekdays.contains($0.isoWeekday) }
            let sum = days.reduce(0) { $0 + day("3919", $1) }
            return DecimalText.fixed(Double(sum) / Double(max(days.count, 1)), places: 0)
        }
        figures.append(
            Figure(
                figure: "3919: calls per weekday; Saturday; Sunday (Jun–Aug 2019, holidays left out)",
                published: "200–250; 100–150; 80–100",
                sample: "\(mean3919(1...5)); \(mean3919(6...6)); \(mean3919(7...7))"))

        let launch = [(2, "2 Sep"), (3, "3 Sep"), (4, "4 Sep")].map {
            "\(DecimalText.grouped(day("3919", .literal(2019, 9, $0.0)))) (\($0.1))"
        }
        figures.append(
            Figure(
                figure: "3919: calls on 2, 3 and 4 Sep 2019 (launch on Tue 3 Sep)",
                published: "638 (2 Sep), 1,661 (3 Sep), 1,134 (4 Sep)", sample: launch.joined(separator: ", ")))

        let tuesdays = summer.filter { $0.isoWeekday == 2 }
        let normalTuesday = Double(tuesdays.reduce(0) { $0 + day("3919", $1) }) / Double(max(tuesdays.count, 1))
        let launchRatio = Double(day("3919", .literal(2019, 9, 3))) / max(normalTuesday, 1)
        figures.append(
            Figure(
                figure: "3919: 3 Sep 2019 against a normal Tuesday (mean of Jun–Aug 2019)",
                published: "1,661 against a weekday of 200–250 (6.6–8.3×)",
                sample: "\(DecimalText.fixed(launchRatio, places: 1))× (a normal Tuesday: "
                    + "\(DecimalText.fixed(normalTuesday, places: 0)))"))

        let first = total("3919", range(2019, 9, 2, 2019, 9, 8))
        let second = total("3919", range(2019, 9, 9, 2019, 9, 15))
        figures.append(
            Figure(
                figure: "3919: calls in the weeks of 2–8 and 9–15 Sep 2019", published: "> 5,600; 3,550",
                sample: "\(DecimalText.grouped(first)); \(DecimalText.grouped(second))"))

        figures.append(
            Figure(
                figure: "3919: calls in October 2019", published: "11,000",
                sample: DecimalText.grouped(total("3919", range(2019, 10, 1, 2019, 10, 31)))))

        figures.append(
            Figure(
                figure: "3020: calls over the school year (sample: 1 Sep 2019–31 Aug 2020, with the first lockdown)",
                published: "> 77,000 (2018–19)",
                sample: DecimalText.grouped(total("3020", range(2019, 9, 1, 2020, 8, 31)))))

        let days2019 = range(2019, 1, 1, 2019, 12, 31).days
        let dispersion = HelplineModel.helplines.map { helpline -> String in
            let pearson = days2019.reduce(0.0) { sum, date in
                let mean = model.expected(helpline, on: date)
                let residual = Double(day(helpline, date)) - mean
                return sum + residual * residual / mean
            }
            return "\(helpline): \(DecimalText.fixed(pearson / Double(days2019.count), places: 2))"
        }
        figures.append(
            Figure(
                figure: "daily variance / mean around the generator's means, 2019", published: "2–4",
                sample: dispersion.joined(separator: "; ")))
        self.figures = figures
    }

    /// The ISO weeks (Monday to Sunday) that lie wholly in 2019 and hold no French public holiday.
    public static func normalWeeks2019(model: HelplineModel) -> [DayRange] {
        var weeks: [DayRange] = []
        var monday = CivilDate.literal(2019, 1, 7)
        while monday.adding(days: 6) <= CivilDate.literal(2019, 12, 31) {
            if let range = DayRange(start: monday, end: monday.adding(days: 6)),
                !range.days.contains(where: model.isHoliday)
            {
                weeks.append(range)
            }
            monday = monday.adding(days: 7)
        }
        return weeks
    }
}
