import Ingest

/// A named daily series: one point per local day with data, in date order. Days without data are absent,
/// never zero-filled (DESIGN §4.2, §5 `daily.csv`).
public struct DailySeries: Hashable, Sendable {
    /// The series name.
    public let name: SeriesName
    /// The days with data, strictly increasing by date.
    public let points: [SeriesPoint]

    /// Creates a series; `points` are sorted by date, and of two points on the same day the last one is kept.
    public init(name: SeriesName, points: [SeriesPoint]) {
        self.name = name
        var byDay: [CivilDate: SeriesPoint] = [:]
        for point in points { byDay[point.date] = point }
        self.points = byDay.values.sorted { $0.date < $1.date }
    }

    /// A count series from a dictionary of daily values.
    public init(name: SeriesName, values: [CivilDate: Double]) {
        self.init(name: name, points: values.map { SeriesPoint(date: $0.key, value: $0.value) })
    }

    /// The values by day, as the estimators take them (absent days stay absent).
    public var values: [CivilDate: Double] {
        Dictionary(uniqueKeysWithValues: points.map { ($0.date, $0.value) })
    }

    /// The points by day.
    public var pointsByDay: [CivilDate: SeriesPoint] {
        Dictionary(uniqueKeysWithValues: points.map { ($0.date, $0) })
    }

    /// The first and last days with data, or nil for an empty series.
    public var span: DayRange? {
        guard let first = points.first, let last = points.last else { return nil }
        return DayRange(start: first.date, end: last.date)
    }
}
