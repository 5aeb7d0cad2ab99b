// The cost of one counterfactual model on a 730-day series (issue 25 item 11): the whole estimate, and the
// stages it is made of, timed in this process with a monotonic clock. Prints a markdown table; see
// Benchmarks/README.md ("The model fit").
//
//   model-fit [--repetitions N] [--seed S] [--only K]
//
// `--only K` times the K-th stage alone (1-based), for a profiler (valgrind --tool=callgrind) to see it by itself.
import Analytics
import Foundation
import Ingest

/// A seeded generator (SplitMix64), so every run fits the same series.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in (0, 1).
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / Double(1 << 53) }

    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }
}

/// Calls that carry everything the model's design holds: a weekday pattern, French public holidays, the school
/// calendar of zones A, B and C (summer −35%, Christmas −25%, the other holidays −15%, rentrée +15%), a lockdown
/// (×0.6) whose effect fades over the 14 days after it, and a 14-day campaign (+15%) at the rentrée after 730
/// fitted days. Counts are the mean plus a normal deviation of variance 2.5 times the mean, rounded.
struct BenchmarkSeries {
    static let firstDay = CivilDate(year: 2018, month: 9, day: 3) ?? CivilDate(daysSinceEpoch: 0)
    static let fittedDays = 730
    let campaign: DayRange
    let lockdown: ContextStep
    let holidays: Set<CivilDate>
    let terms: CalendarTerms
    let series: [CivilDate: Double]

    init(seed: UInt64) {
        let first = BenchmarkSeries.firstDay
        let start = first.adding(days: BenchmarkSeries.fittedDays)
        campaign = BenchmarkSeries.days(from: start, count: 14)
        let lockdownDays = BenchmarkSeries.days(from: first.adding(days: 560), count: 55)
        lockdown = ContextStep(id: "lockdown", days: lockdownDays, gradualReturn: ContextReturn(days: 14))
        holidays = Set((first.year...campaign.end.year).flatMap { PublicHolidays.france(year: $0) })
        terms = CalendarTerms(zones: SchoolHolidays.Zone.allCases, publicHolidays: holidays)
        var generator = SplitMix64(state: seed)
        var series: [CivilDate: Double] = [:]
        let weekday = [1.10, 1.08, 1.05, 1.04, 1.00, 0.80, 0.70]
        for offset in 0...(BenchmarkSeries.fittedDays + 13) {
            let day = first.adding(days: offset)
            var mean = 200 * weekday[day.isoWeekday - 1] * (holidays.contains(day) ? 0.7 : 1)
            mean *= BenchmarkSeries.school(on: day)
            mean *= 1 - 0.4 * lockdown.value(on: day)
            if campaign.contains(day) { mean *= 1.15 }
            series[day] = max(0, (mean + (2.5 * mean).squareRoot() * generator.normal()).rounded())
        }
        self.series = series
    }

    /// `count` days from `start` (at least one).
    static func days(from start: CivilDate, count: Int) -> DayRange {
        guard let range = DayRange(start: start, end: start.adding(days: max(0, count - 1))) else {
            FileHandle.standardError.write(Data("error: no range of \(count) days from \(start)\n".utf8))
            exit(1)
        }
        return range
    }

    /// The school calendar's multiplier: a third of each holiday's fall per zone on holiday, a third of the
    /// rentrée's rise per zone in the 14 days after its summer holidays.
    static func school(on day: CivilDate) -> Double {
        var factor = 1.0
        for zone in SchoolHolidays.Zone.allCases {
            switch SchoolHolidays.kind(on: day, zone: zone) {
            case .summer: factor -= 0.35 / 3
            case .christmas: factor -= 0.25 / 3
            case .winter, .spring, .toussaint: factor -= 0.15 / 3
            case .ascension: break
            case nil:
                let back = (1...14).contains { SchoolHolidays.kind(on: day.adding(days: -$0), zone: zone) == .summer }
                if back { factor += 0.15 / 3 }
            }
        }
        return factor
    }

    /// The model as `awareness run` builds it for this series.
    func model(calendar: Bool = true) -> CounterfactualModel {
        CounterfactualModel(
            series: series, campaign: campaign, holidays: holidays, contextEvents: [lockdown],
            calendarTerms: calendar ? terms : .none)
    }

    /// The design rows of the fitted days as the model assembles them (intercept, trend, weekdays, holiday, the
    /// lockdown, the calendar columns, two yearly harmonics), for timing the GLM on its own.
    func designRows() -> (names: [String], rows: [[Double]], response: [Double]) {
        let first = BenchmarkSeries.firstDay
        let days = (0..<BenchmarkSeries.fittedDays).map { first.adding(days: $0) }
        var names = ["intercept", "trend", "tue", "wed", "thu", "fri", "sat", "sun", "holiday", "lockdown"]
        names += terms.names + ["sin1", "cos1", "sin2", "cos2"]
        let rows = days.map { day -> [Double] in
            var row: [Double] = [1, Double(first.days(to: day)) / 365.25]
            for dummy in 2...7 { row.append(day.isoWeekday == dummy ? 1 : 0) }
            row.append(holidays.contains(day) ? 1 : 0)
            row.append(lockdown.value(on: day))
            row += terms.values(on: day)
            let phase = 2 * Double.pi * Double(day.daysSinceEpoch) / 365.25
            row += [sin(phase), cos(phase), sin(2 * phase), cos(2 * phase)]
            return row
        }
        // A column that never varies over these days (no bridge day, say) would make the design singular.
        let kept = names.indices.filter { index in
            index == 0 || rows.contains { $0[index] != rows[0][index] }
        }
        return (
            kept.map { names[$0] }, rows.map { row in kept.map { row[$0] } },
            days.map { series[$0] ?? 0 }
        )
    }
}

/// Times `body` `repetitions` times after two untimed calls; returns the durations in milliseconds, sorted.
func time(_ repetitions: Int, _ body: () -> Void) -> [Double] {
    body()
    body()
    let clock = ContinuousClock()
    var durations: [Double] = []
    for _ in 0..<repetitions {
        let elapsed = clock.measure(body)
        durations.append(
            Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15)
    }
    return durations.sorted()
}

func milliseconds(_ value: Double) -> String { String(format: "%.2f", value) }

var repetitions = 100
var seed: UInt64 = 20_201_105
var only: Int?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--repetitions": repetitions = arguments.popFirst().flatMap { Int($0) } ?? repetitions
    case "--seed": seed = arguments.popFirst().flatMap { UInt64($0) } ?? seed
    case "--only": only = arguments.popFirst().flatMap { Int($0) }
    default:
        FileHandle.standardError.write(Data("usage: model-fit [--repetitions N] [--seed S] [--only K]\n".utf8))
        exit(2)
    }
}

let simulated = BenchmarkSeries(seed: seed)
let model = simulated.model()
let estimate = model.estimate()
guard let figures = estimate.figures else {
    FileHandle.standardError.write(Data("error: the benchmark model was not fitted\n".utf8))
    exit(1)
}
let design = simulated.designRows()
var sink = 0.0
let stages: [(String, () -> Void)] = [
    (
        "calendar columns of 744 days (`CalendarTerms.values`)",
        {
            for offset in 0..<744 {
                sink += simulated.terms.values(on: BenchmarkSeries.firstDay.adding(days: offset))[0]
            }
        }
    ),
    (
        "GLM alone: IRLS to convergence and (XᵀWX)⁻¹ (`PoissonGLM.fit`)",
        {
            if let glm = try? PoissonGLM(columnNames: design.names, rows: design.rows, response: design.response),
                let fit = try? glm.fit(dispersion: .poisson)
            {
                sink += fit.deviance
            }
        }
    ),
    (
        "**`estimate()`: the model fit** (design, GLM, noise, sandwich, interval, daily chart)",
        { sink += model.estimate().figures?.expected ?? 0 }
    ),
    (
        "`estimate()` without the calendar columns",
        { sink += simulated.model(calendar: false).estimate().figures?.expected ?? 0 }
    ),
    ("`placebo()` (fitted anew before a fake start)", { sink += model.placebo().figures?.expected ?? 0 }),
]
var lines = [
    "| stage | median ms | min ms | p90 ms |",
    "|---|---:|---:|---:|",
]
for (index, (name, body)) in stages.enumerated() where only == nil || only == index + 1 {
    let durations = time(repetitions, body)
    let p90 = durations[min(durations.count - 1, Int(Double(durations.count) * 0.9))]
    lines.append(
        "| \(name) | \(milliseconds(durations[durations.count / 2])) | \(milliseconds(durations[0])) "
            + "| \(milliseconds(p90)) |")
}
print(lines.joined(separator: "\n"))
print("")
print(
    "Series: \(figures.fittedDays) fitted days from \(BenchmarkSeries.firstDay), \(figures.columns.count) design "
        + "columns, \(figures.iterations) IRLS iterations; campaign \(simulated.campaign.start)–"
        + "\(simulated.campaign.end) (+15% injected, estimated "
        + String(
            format: "%+.1f%%, %+.1f%% to %+.1f%%", 100 * figures.uplift, 100 * figures.upliftInterval.lower,
            100 * figures.upliftInterval.upper)
        + "; noise correlation reaches \(figures.noise.maximumLag) days); \(repetitions) timed calls per stage "
        + "after two untimed ones (checksum \(sink.isFinite ? "ok" : "not finite")).")
