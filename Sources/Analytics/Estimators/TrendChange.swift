import Foundation
import Ingest

/// A change of level or of slope that the counterfactual model found in its fitted days without it being declared
/// (a new service hour, a number printed on a new leaflet, a trend that bent), and that it carries into the
/// window: the model's design gains one column for it (`columnName`).
///
/// Found by `TrendChange.search`: candidate days on a weekly grid counted back from the window, each judged by
/// the score test of adding its column to the fitted model, with the model's noise structure; the best one is
/// kept when its statistic beats a Bonferroni bound over the candidates, and the search goes on until none does
/// (DESIGN §4.2).
public struct TrendChange: Sendable, Hashable {
    /// What changed.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The level: the expected count is multiplied by a constant from `day` on (a step of the log-mean).
        case level
        /// The slope: the log-mean's trend changes from `day` on (a hinge, in years since `day`).
        case slope
    }

    /// What changed.
    public let kind: Kind
    /// The first day at the new level, or on the new slope (local calendar day).
    public let day: CivilDate

    /// Creates a change from its kind and first day.
    public init(kind: Kind, day: CivilDate) {
        self.kind = kind
        self.day = day
    }

    /// The design column's name: `level:2020-03-02` or `slope:2020-03-02`.
    public var columnName: String { DesignColumn.change(self).name }

    /// The column's value on `date`: for a level, 1 from `day` on and 0 before; for a slope, the years since `day`
    /// (0 before it).
    public func value(on date: CivilDate) -> Double {
        let since = day.days(to: date)
        switch kind {
        case .level: return since >= 0 ? 1 : 0
        case .slope: return since > 0 ? Double(since) / 365.25 : 0
        }
    }

    /// The most changes a model takes: three. More would let the trend chase the noise of a long history.
    public static let maximumChanges = 3
    /// The fewest calendar days between a change of level and the window (and fitted days after the change):
    /// four weeks. A change closer to the window would rest on too few days, and would be confounded with an
    /// early start of the campaign's effect.
    public static let minimumDaysAfter = 28
    /// The fewest calendar days between a change of slope and the window (and fitted days after it): thirteen
    /// weeks. A slope is extrapolated into the window, so a short one is a guess: a level that rose three weeks
    /// before the start, read as a slope from four weeks before, made a null campaign −15%.
    public static let minimumDaysAfterSlope = 91

    /// The fewest days after a change of `kind` (`minimumDaysAfter`, `minimumDaysAfterSlope`).
    public static func minimumDaysAfter(_ kind: Kind) -> Int {
        kind == .slope ? minimumDaysAfterSlope : minimumDaysAfter
    }
    /// The fewest fitted days before a change: four weeks, so that a change does not stand in for the intercept.
    public static let minimumDaysBefore = 28
    /// The spacing of the candidate days, counted back from the window's start: one week.
    public static let gridSpacing = 7
    /// The span, in fitted days, of the running mean taken out of the residuals before the search estimates their
    /// noise: 29 days, centred.
    static let localSpan = 29
    /// How far either side of the candidate taken its day is refined, day by day, to the best statistic: six
    /// days, so that the refinement reaches the grid's neighbouring candidates' days.
    public static let refinement = 6
    /// The share of the best statistic within which the latest candidate is taken (see `search`): 95%.
    static let nearTie = 0.95
}

extension TrendChange {
    /// What `search` needs of a fitted model: its days, counts, design rows (without any change column) and
    /// their columns, and the offset.
    struct Problem {
        /// The fitted days, in date order.
        let days: [CivilDate]
        /// The counts on those days.
        let response: [Double]
        /// The design rows on those days.
        let rows: [[Double]]
        /// The design's columns.
        let columns: [DesignColumn]
        /// The offset on those days (nil: none).
        let offset: [Double]?
        /// How many of `columns` are slow columns (`NoiseStructure.estimate`'s `smoothParameters`).
        let smoothColumns: Int
        /// The day after the fit: the window's start.
        let anchor: CivilDate
        /// The days of the context events the design declares, with their returns (`ContextStep.affectedDays`).
        /// No change is looked for in them nor within `declaredMargin` days of them: a lockdown that ramps up or
        /// down is the event's own shape, and a step found inside it would be carried past the event's end into
        /// the window (the sample's 119 calls got two steps in April 2020 that lowered May's expected count).
        var declaredSpans: [DayRange] = []

        /// Whether a change on `day` would sit in or next to a declared event.
        func isDeclared(_ day: CivilDate) -> Bool {
            declaredSpans.contains { span in
                span.start.adding(days: -TrendChange.declaredMargin) <= day
                    && day <= span.end.adding(days: TrendChange.declaredMargin)
            }
        }
    }

    /// How many days either side of a declared context event no change is looked for: two weeks.
    static let declaredMargin = 14

    /// The penalty a change's score statistic must beat when `candidates` were scored: the square of the normal
    /// quantile at 1 − α/(2K), α = 5% and K the candidates, a Bonferroni bound over the search, so that a stable
    /// series gets a change in at most about 5% of fits whatever the length of its history. A penalty by the
    /// length alone does not bound that: with the modified BIC 1.5·log n (Zhang & Siegmund, Biometrics
    /// 63:22–32, 2007) a year of stable days got a change in 11–16% of fits, and their campaigns' coverage fell
    /// to 88%; its 11.7 for the 80-odd candidates of a year, 14.1 for the 300 of three years, are above it.
    static func penalty(candidates: Int) -> Double {
        let z = SpecialFunctions.normalQuantile(1 - falseChangeRate / (2 * Double(max(1, candidates))))
        return z * z
    }

    /// The α of `penalty`: a change in at most about 5% of stable fits.
    static let falseChangeRate = 0.05

    /// The changes of level and slope found in `problem`'s fitted days, in the order found (at most
    /// `maximumChanges`).
    ///
    /// Forward selection by score tests (Rao): with the model fitted (its means μ, its unscaled covariance
    /// C = (XᵀWX)⁻¹ and its `NoiseStructure` v, r), the score of a candidate column z is U = Σ z_t (y_t − μ_t),
    /// and its variance under the noise is κ·Σ v(μ_t) z̃_t², z̃ = z − X·C·XᵀWz the part of z the design does not
    /// already carry and κ = 1 + 2 Σ_k (1 − k/L)·r(k) the variance inflation of a stretch of L correlated days (L
    /// the fitted days after the candidate). The candidate with the largest U²/var(U) is added when that beats
    /// `penalty` (a chi-square of one degree of freedom against a Bonferroni bound), its day refined within
    /// ±`refinement` days, the model refitted, and the search goes on. The sums over the days after each
    /// candidate are suffix sums, so scoring every candidate costs one pass over the days.
    static func search(_ problem: Problem) -> [TrendChange] {
        let n = problem.days.count
        guard n >= minimumDaysBefore + minimumDaysAfter,
            let first = problem.days.first
        else { return [] }
        var candidates: [CivilDate] = []
        var candidate = problem.anchor.adding(days: -minimumDaysAfter)
        while first.days(to: candidate) > 0 {
            if !problem.isDeclared(candidate) { candidates.append(candidate) }
            candidate = candidate.adding(days: -gridSpacing)
        }
        var chosen: [TrendChange] = []
        while chosen.count < maximumChanges {
            guard let scorer = Scorer(problem, changes: chosen) else { break }
            var scored: [(change: TrendChange, statistic: Double)] = []
            for day in candidates {
                for kind in Kind.allCases where day.days(to: problem.anchor) >= minimumDaysAfter(kind) {
                    let change = TrendChange(kind: kind, day: day)
                    guard !chosen.contains(change), let statistic = scorer.statistic(change) else { continue }
                    scored.append((change, statistic))
                }
            }
            guard let top = scored.map(\.statistic).max(), top > penalty(candidates: scored.count) else { break }
            // A bend of the trend is explained about as well by a level or a slope anywhere over months (the
            // yearly terms and the trend absorb the rest), and only the latest of those carries the change into
            // the window: a slope that steepened eight months before was read as a step 18 months before, which
            // left the window's expected count 8 points low. So the latest candidate within `nearTie` of the best
            // is taken.
            guard
                var found = scored.filter({ $0.statistic >= nearTie * top }).max(by: { $0.change.day < $1.change.day })
            else { break }
            for shift in -refinement...refinement where shift != 0 {
                let change = TrendChange(kind: found.change.kind, day: found.change.day.adding(days: shift))
                guard change.day.days(to: problem.anchor) >= minimumDaysAfter(change.kind), !chosen.contains(change),
                    !problem.isDeclared(change.day),
                    let statistic = scorer.statistic(change), statistic > found.statistic
                else { continue }
                found = (change, statistic)
            }
            chosen.append(found.change)
        }
        return chosen
    }

    /// The score statistics of candidate changes against one fit of the model with the changes found so far.
    private struct Scorer {
        let days: [Int]
        let p: Int
        /// The unscaled covariance (XᵀWX)⁻¹.
        let bread: [[Double]]
        /// Σ v x xᵀ over every fitted day.
        let varianceMoment: [[Double]]
        let noise: NoiseStructure
        /// Suffix sums from each fitted index to the last: of r, r·τ; v, v·τ, v·τ² (r = y − μ, v = v(μ), τ the
        /// day in years from the window's start); and, row-major with p values per index, of w·x, w·τ·x, v·x,
        /// v·τ·x (w = μ).
        let r0: [Double]
        let r1: [Double]
        let v0: [Double]
        let v1: [Double]
        let v2: [Double]
        let a0: [Double]
        let a1: [Double]
        let b0: [Double]
        let b1: [Double]
        /// The window's start, the origin of τ.
        let anchor: Int

        init?(_ problem: Problem, changes: [TrendChange]) {
            let rows = problem.rows.enumerated().map { index, row in
                row + changes.map { $0.value(on: problem.days[index]) }
            }
            let names = (problem.columns + changes.map { DesignColumn.change($0) }).map(\.name)
            guard
                let fit = try? PoissonGLM(
                    columnNames: names, rows: rows, response: problem.response, offset: problem.offset
                ).fit(dispersion: .poisson)
            else { return nil }
            let n = rows.count
            let p = names.count
            self.p = p
            anchor = problem.anchor.daysSinceEpoch
            days = problem.days.map(\.daysSinceEpoch)
            bread = fit.covariance
            let dayNumbers = problem.days.map(\.daysSinceEpoch)
            // The noise is estimated from the residuals less their running mean over `localSpan` fitted days: an
            // undeclared change leaves long runs of residuals of one sign, which the fit's own noise estimate reads
            // as strong correlation and extra variance, and which would then hide the change from its own test
            // (a 20% level shift 67 days before the start went unseen). Differencing out the local level is the
            // idea of difference-based variance estimators (Hall, Kay & Titterington, Biometrika 77:521–528,
            // 1990); each span of `localSpan` days costs about one slow column, counted in the corrections.
            let residuals = zip(problem.response, fit.fitted).map { $0 - $1 }
            var prefix = [0.0]
            for residual in residuals { prefix.append((prefix.last ?? 0) + residual) }
            let half = TrendChange.localSpan / 2
            let local = (0..<n).map { t in
                let low = max(0, t - half)
                let high = min(n, t + half + 1)
                return fit.fitted[t] + residuals[t] - (prefix[high] - prefix[low]) / Double(high - low)
            }
            let localColumns = n / TrendChange.localSpan
            let noise = NoiseStructure.estimate(
                days: dayNumbers, observed: local, expected: fit.fitted, parameters: p + localColumns,
                smoothParameters: problem.smoothColumns + changes.count + localColumns)
            self.noise = noise
            let variances = fit.fitted.map { noise.variance(atLevel: $0) }
            var moment = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
            for t in 0..<n {
                let row = rows[t]
                for j in 0..<p where row[j] != 0 {
                    let scaled = variances[t] * row[j]
                    for k in 0..<p { moment[j][k] += scaled * row[k] }
                }
            }
            varianceMoment = moment
            var r0 = [Double](repeating: 0, count: n + 1)
            var r1 = r0
            var v0 = r0
            var v1 = r0
            var v2 = r0
            var a0 = [Double](repeating: 0, count: (n + 1) * p)
            var a1 = a0
            var b0 = a0
            var b1 = a0
            for t in stride(from: n - 1, through: 0, by: -1) {
                let tau = Double(dayNumbers[t] - problem.anchor.daysSinceEpoch) / 365.25
                let residual = problem.response[t] - fit.fitted[t]
                let w = fit.fitted[t]
                let v = variances[t]
                r0[t] = r0[t + 1] + residual
                r1[t] = r1[t + 1] + residual * tau
                v0[t] = v0[t + 1] + v
                v1[t] = v1[t + 1] + v * tau
                v2[t] = v2[t + 1] + v * tau * tau
                let row = rows[t]
                for j in 0..<p {
                    let x = row[j]
                    a0[t * p + j] = a0[(t + 1) * p + j] + w * x
                    a1[t * p + j] = a1[(t + 1) * p + j] + w * tau * x
                    b0[t * p + j] = b0[(t + 1) * p + j] + v * x
                    b1[t * p + j] = b1[(t + 1) * p + j] + v * tau * x
                }
            }
            (self.r0, self.r1, self.v0, self.v1, self.v2) = (r0, r1, v0, v1, v2)
            (self.a0, self.a1, self.b0, self.b1) = (a0, a1, b0, b1)
        }

        /// U²/var(U) of adding `change`'s column, nil when the change leaves fewer than the minimum fitted days on
        /// either side or its column adds nothing to the design.
        func statistic(_ change: TrendChange) -> Double? {
            let knot = change.day.daysSinceEpoch
            var (low, high) = (0, days.count)
            while low < high {
                let middle = (low + high) / 2
                if days[middle] < knot { low = middle + 1 } else { high = middle }
            }
            let index = low
            let after = days.count - index
            guard index >= TrendChange.minimumDaysBefore, after >= TrendChange.minimumDaysAfter(change.kind) else {
                return nil
            }
            let k = Double(knot - anchor) / 365.25
            let base = index * p
            let score: Double
            let weighted: [Double]
            let varianceCross: [Double]
            let varianceSquare: Double
            switch change.kind {
            case .level:
                score = r0[index]
                weighted = Array(a0[base..<(base + p)])
                varianceCross = Array(b0[base..<(base + p)])
                varianceSquare = v0[index]
            case .slope:
                score = r1[index] - k * r0[index]
                weighted = (0..<p).map { a1[base + $0] - k * a0[base + $0] }
                varianceCross = (0..<p).map { b1[base + $0] - k * b0[base + $0] }
                varianceSquare = v2[index] - 2 * k * v1[index] + k * k * v0[index]
            }
            // b = C·XᵀWz: the regression of z on the design, so that z − X·b is what the design does not carry.
            let b = (0..<p).map { j in (0..<p).reduce(0.0) { $0 + bread[j][$1] * weighted[$1] } }
            var quadratic = 0.0
            var cross = 0.0
            for j in 0..<p {
                cross += b[j] * varianceCross[j]
                for l in 0..<p { quadratic += b[j] * varianceMoment[j][l] * b[l] }
            }
            let residualVariance = varianceSquare - 2 * cross + quadratic
            guard residualVariance > 1e-9 * max(varianceSquare, 1e-12) else { return nil }
            var inflation = 1.0
            let reach = min(after - 1, noise.maximumLag)
            if reach >= 1 {
                for lag in 1...reach {
                    inflation += 2 * (1 - Double(lag) / Double(after)) * noise.correlation(lag: lag)
                }
            }
            return score * score / (inflation * residualVariance)
        }
    }
}
