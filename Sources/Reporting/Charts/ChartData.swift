import Ingest

/// One value on one day, a point of a ``LineSeries``.
public struct DatedValue: Sendable, Equatable {
    /// The day.
    public let date: CivilDate
    /// The value on that day.
    public let value: Double

    /// Creates a point.
    public init(date: CivilDate, value: Double) {
        self.date = date
        self.value = value
    }
}

/// A lower and an upper value on one day, a step of a ``ShadedBand`` (for example the 95% range of the
/// expected count).
public struct DatedInterval: Sendable, Equatable {
    /// The day.
    public let date: CivilDate
    /// The lower bound.
    public let lower: Double
    /// The upper bound.
    public let upper: Double

    /// Creates a step of a band.
    public init(date: CivilDate, lower: Double, upper: Double) {
        self.date = date
        self.lower = lower
        self.upper = upper
    }
}

/// A named daily series drawn as a line; days absent from `points` are gaps in the line, never zeros.
public struct LineSeries: Sendable, Equatable {
    /// The legend label (text from data is fine: charts escape it).
    public let name: String
    /// The points; sorted by date when drawn.
    public let points: [DatedValue]
    /// Whether the line is dashed (for an expected series drawn beside the observed one).
    public let isDashed: Bool

    /// Creates a series.
    public init(name: String, points: [DatedValue], isDashed: Bool = false) {
        self.name = name
        self.points = points
        self.isDashed = isDashed
    }
}

/// A named shaded band between a lower and an upper line, such as the expected interval.
public struct ShadedBand: Sendable, Equatable {
    /// The legend label.
    public let name: String
    /// One interval per day; missing days are gaps.
    public let intervals: [DatedInterval]

    /// Creates a band.
    public init(name: String, intervals: [DatedInterval]) {
        self.name = name
        self.intervals = intervals
    }
}

/// A shaded stretch of days behind a line chart, such as the campaign window.
public struct ShadedDays: Sendable, Equatable {
    /// The legend label.
    public let name: String
    /// The days, both ends included.
    public let days: DayRange

    /// Creates a shaded stretch of days.
    public init(name: String, days: DayRange) {
        self.name = name
        self.days = days
    }
}

/// A stretch of days marked on a line chart with hatching, such as a context event (a lockdown) that moved the
/// series: unlike ``ShadedDays`` it does not widen the chart, and the part outside the drawn days is left out.
public struct MarkedPeriod: Sendable, Equatable {
    /// The legend label.
    public let name: String
    /// The days, both ends included.
    public let days: DayRange

    /// Creates a marked period.
    public init(name: String, days: DayRange) {
        self.name = name
        self.days = days
    }
}

/// How a chart's value axis labels its ticks.
public enum ChartValueStyle: Sendable, Equatable {
    /// Plain numbers with digit groups (`15,000` / `15 000`).
    case number
    /// Fractions shown as percentages (0.012 → `1.2%`).
    case percent
}

/// A named series of values, one per category, for a ``GroupedBarChart``; nil is a missing value (no
/// bar), never zero.
public struct BarSeries: Sendable, Equatable {
    /// The legend label.
    public let name: String
    /// One value per category, in the chart's category order.
    public let values: [Double?]

    /// Creates a series.
    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}

/// A value with its interval, a point of an ``ErrorBarChart`` (a CTR with its Wilson interval).
public struct ErrorBarPoint: Sendable, Equatable {
    /// The category label (a placement).
    public let label: String
    /// The estimate.
    public let value: Double
    /// The interval's lower bound.
    public let lower: Double
    /// The interval's upper bound.
    public let upper: Double

    /// Creates a point.
    public init(label: String, value: Double, lower: Double, upper: Double) {
        self.label = label
        self.value = value
        self.lower = lower
        self.upper = upper
    }
}
