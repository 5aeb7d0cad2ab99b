import Ingest

/// Date ticks for a time axis: every day, 2 days, Monday, other Monday, first of the month, of every
/// second month, quarter, half-year or year, whichever is the finest whose labels fit side by side.
struct DateTicks {
    let dates: [CivilDate]
    let labels: [String]

    init(from start: CivilDate, to end: CivilDate, width: Double, format: HumanFormat) {
        let steps: [Step] = [
            .days(1), .days(2), .mondays(1), .mondays(2), .months(1), .months(2), .months(3), .months(6), .months(12),
        ]
        for step in steps {
            let dates = step.dates(from: start, to: end)
            let labels = dates.map { step.label($0, format: format) }
            let widest = labels.map { SVGCanvas.textWidth($0, size: 12) }.max() ?? 0
            if Double(dates.count) * (widest + 12) <= width || step == steps.last {
                self.dates = dates
                self.labels = labels
                return
            }
        }
        self.dates = []
        self.labels = []
    }

    enum Step: Equatable {
        case days(Int)
        case mondays(Int)
        case months(Int)

        func dates(from start: CivilDate, to end: CivilDate) -> [CivilDate] {
            var dates: [CivilDate] = []
            switch self {
            case .days(let count):
                var day = start
                while day <= end {
                    dates.append(day)
                    day = day.adding(days: count)
                }
            case .mondays(let count):
                var day = start.adding(days: (8 - start.isoWeekday) % 7)
                while day <= end {
                    dates.append(day)
                    day = day.adding(days: 7 * count)
                }
            case .months(let count):
                var (year, month, day) = start.components
                if day != 1 { month += 1 }
                if month > 12 { (year, month) = (year + 1, 1) }
                // Align to multiples of the step from January.
                while (month - 1) % count != 0 {
                    month += 1
                    if month > 12 { (year, month) = (year + 1, 1) }
                }
                while let first = CivilDate(year: year, month: month, day: 1), first <= end {
                    dates.append(first)
                    month += count
                    while month > 12 { (year, month) = (year + 1, month - 12) }
                }
            }
            return dates
        }

        func label(_ date: CivilDate, format: HumanFormat) -> String {
            switch self {
            case .days, .mondays: return format.dayAndMonth(date)
            case .months(let count): return count >= 12 ? String(date.year) : format.monthAndYear(date)
            }
        }
    }
}
