import Analytics
import Foundation
import Testing

@Suite("Poisson and quasi-Poisson GLM")
struct PoissonGLMTests {
    /// One month of `sicily.csv` (Lopez Bernal et al. 2017).
    struct Month {
        let month: Double
        let aces: Double
        let time: Double
        let smokban: Double
        let stdpop: Double
    }

    /// Reads `Fixtures/sicily.csv` beside this file (its source in `Fixtures/README.md`) with plain string
    /// splitting.
    static func sicily() throws -> [Month] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/sicily.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline)
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let (month, aces, time, smokban, stdpop) = (
            try column("month"), try column("aces"), try column("time"), try column("smokban"), try column("stdpop")
        )
        return try lines.dropFirst().map { line in
            let fields = line.split(separator: ",").map { Double($0) }
            func value(_ index: Int) throws -> Double { try #require(fields[index]) }
            return Month(
                month: try value(month), aces: try value(aces), time: try value(time), smokban: try value(smokban),
                stdpop: try value(stdpop))
        }
    }

    static func model(harmonics: Bool) throws -> PoissonGLM {
        let data = try sicily()
        var names = ["intercept", "smokban", "time"]
        if harmonics { names += ["sin1", "cos1", "sin2", "cos2"] }
        let rows = data.map { month -> [Double] in
            var row = [1, month.smokban, month.time]
            if harmonics {
                for k in 1...2 {
                    let angle = 2 * Double.pi * Double(k) * month.month / 12
                    row += [sin(angle), cos(angle)]
                }
            }
            return row
        }
        return try PoissonGLM(
            columnNames: names, rows: rows, response: data.map(\.aces), offset: data.map { log($0.stdpop) })
    }

    private func expectRateRatio(
        _ fit: QuasiPoissonFit, _ estimate: Double, _ lower: Double, _ upper: Double
    ) throws {
        let ratio = try #require(fit.rateRatio(named: "smokban"))
        #expect(matchesSignificantDigits(ratio.estimate, estimate, digits: 4), "\(ratio.estimate)")
        #expect(matchesSignificantDigits(ratio.interval.lower, lower, digits: 4), "\(ratio.interval.lower)")
        #expect(matchesSignificantDigits(ratio.interval.upper, upper, digits: 4), "\(ratio.interval.upper)")
    }

    @Test func poissonModelWithOffsetAndTrendReproducesTheSicilyReference() throws {
        let fit = try Self.model(harmonics: false).fit(dispersion: .poisson)
        #expect(fit.converged)
        #expect(fit.dispersion == 1)
        try expectRateRatio(fit, 0.8944, 0.8647, 0.9251)
    }

    @Test func quasiPoissonModelWidensTheIntervalByTheReferenceDispersion() throws {
        let fit = try Self.model(harmonics: false).fit()
        #expect(matchesSignificantDigits(fit.dispersion, 3.5592, digits: 5), "\(fit.dispersion)")
        try expectRateRatio(fit, 0.8944, 0.8392, 0.9532)
    }

    @Test func quasiPoissonModelWithTwoHarmonicsReproducesTheSeasonalReference() throws {
        let fit = try Self.model(harmonics: true).fit()
        #expect(matchesSignificantDigits(fit.dispersion, 2.2622, digits: 5), "\(fit.dispersion)")
        try expectRateRatio(fit, 0.8851, 0.8394, 0.9332)
        let trendPerYear = exp(12 * (try #require(fit.coefficient(named: "time"))))
        #expect(matchesSignificantDigits(trendPerYear, 1.0668, digits: 5), "\(trendPerYear)")
        #expect(fit.residualDegreesOfFreedom == 59 - 7)
        #expect(fit.iterations < 50)
    }

    @Test func aConstantColumnBesideTheInterceptIsNamedInTheError() throws {
        let rows = (0..<30).map { [1.0, 0.0, Double($0)] }
        let model = try PoissonGLM(
            columnNames: ["intercept", "holiday", "trend"], rows: rows.map { [$0[0], 1, $0[2]] },
            response: (0..<30).map { Double($0 % 7 + 3) })
        #expect(throws: ModelFitError.singular(column: "holiday", cause: .noVariation)) {
            try model.fit()
        }
    }

    @Test func allZeroCountsAreRefusedWithAReason() throws {
        let model = try PoissonGLM(
            columnNames: ["intercept"], rows: [[Double]](repeating: [1], count: 10),
            response: [Double](repeating: 0, count: 10))
        #expect(throws: ModelFitError.self) { try model.fit() }
    }

    @Test func mismatchedShapesAreRefusedBeforeFitting() {
        #expect(throws: ModelFitError.self) {
            try PoissonGLM(columnNames: ["a"], rows: [[1], [1]], response: [1])
        }
        #expect(throws: ModelFitError.self) {
            try PoissonGLM(columnNames: ["a"], rows: [[1], [1]], response: [1, -2])
        }
    }
}
