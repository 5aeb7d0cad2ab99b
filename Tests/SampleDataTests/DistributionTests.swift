import Testing

@testable import SampleData

/// Sample moments of the seeded samplers over many draws.
@Suite struct DistributionTests {
    func moments(_ count: Int, _ draw: (inout SeededGenerator) -> Double) -> (mean: Double, variance: Double) {
        var generator = SeededGenerator(seed: 42, stream: "moments")
        var sum = 0.0
        var squares = 0.0
        for _ in 0..<count {
            let x = draw(&generator)
            sum += x
            squares += x * x
        }
        let mean = sum / Double(count)
        return (mean, (squares - Double(count) * mean * mean) / Double(count - 1))
    }

    @Test func theSameSeedAndStreamRepeatTheSameDraws() {
        var a = SeededGenerator(seed: 9, stream: "calls:119")
        var b = SeededGenerator(seed: 9, stream: "calls:119")
        var c = SeededGenerator(seed: 9, stream: "calls:3919")
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
    }

    @Test func uniformDrawsHaveMeanOneHalfAndVarianceOneTwelfth() {
        let (mean, variance) = moments(200_000) { $0.nextUnit() }
        #expect(abs(mean - 0.5) < 0.003)
        #expect(abs(variance - 1.0 / 12) < 0.001)
    }

    @Test(arguments: [0.7, 4.0, 25.0, 700.0, 2_000_000.0])
    func poissonDrawsHaveVarianceEqualToTheMean(lambda: Double) {
        let (mean, variance) = moments(100_000) { Double(PoissonDistribution(mean: lambda).sample(using: &$0)) }
        #expect(abs(mean / lambda - 1) < 0.01 + 3 / lambda.squareRoot() / 316)
        #expect(abs(variance / lambda - 1) < 0.03)
    }

    @Test(arguments: [(0.5, 2.0), (3.0, 1.5), (350.0, 2.0)])
    func gammaDrawsHaveMeanShapeTimesScale(shape: Double, scale: Double) {
        let (mean, variance) = moments(100_000) { GammaDistribution(shape: shape, scale: scale).sample(using: &$0) }
        #expect(abs(mean / (shape * scale) - 1) < 0.015)
        #expect(abs(variance / (shape * scale * scale) - 1) < 0.04)
    }

    @Test(arguments: [(12.0, 2.5), (230.0, 2.5), (700.0, 3.0)])
    func negativeBinomialDailyVarianceIsTheChosenMultipleOfTheMean(mean: Double, ratio: Double) {
        let distribution = NegativeBinomial(mean: mean, varianceToMean: ratio)
        let (sampleMean, variance) = moments(100_000) { Double(distribution.sample(using: &$0)) }
        #expect(abs(sampleMean / mean - 1) < 0.01)
        #expect(abs(variance / (ratio * mean) - 1) < 0.04)
    }

    @Test func binomialDrawsStayWithinTheTrialsAndHaveMeanNP() {
        for (trials, p) in [(10, 0.3), (1_000, 0.01), (5_000, 0.8), (1_000, 0.999)] {
            let (mean, _) = moments(20_000) {
                let draw = BinomialDistribution(trials: trials, probability: p).sample(using: &$0)
                #expect((0...trials).contains(draw))
                return Double(draw)
            }
            #expect(abs(mean - Double(trials) * p) < 0.02 * Double(trials) * p + 0.05)
        }
    }
}
