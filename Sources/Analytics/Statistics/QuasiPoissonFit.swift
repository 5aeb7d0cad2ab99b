import Foundation

/// A fitted Poisson or quasi-Poisson log-linear model (see `PoissonGLM.fit`).
public struct QuasiPoissonFit: Sendable {
    /// The design column names, in coefficient order.
    public let columnNames: [String]
    /// The estimated coefficients β (log rate ratios per unit of each column).
    public let coefficients: [Double]
    /// The covariance of β, φ·(XᵀWX)⁻¹ at the final weights, as p rows of p values.
    public let covariance: [[Double]]
    /// The dispersion φ used to scale `covariance` (1 for plain Poisson).
    public let dispersion: Double
    /// Pearson's X² = Σ (yᵢ − μᵢ)²/μᵢ.
    public let pearsonChiSquare: Double
    /// The Poisson deviance at the fit.
    public let deviance: Double
    /// Residual degrees of freedom n − p.
    public let residualDegreesOfFreedom: Int
    /// The number of IRLS steps taken.
    public let iterations: Int
    /// Whether the deviance settled before the iteration limit.
    public let converged: Bool
    /// The fitted means μᵢ, one per observation.
    public let fitted: [Double]

    /// The standard errors √diag(covariance).
    public var standardErrors: [Double] {
        covariance.indices.map { covariance[$0][$0].squareRoot() }
    }

    /// The coefficient of the column called `name`, or nil when there is none.
    public func coefficient(named name: String) -> Double? {
        columnNames.firstIndex(of: name).map { coefficients[$0] }
    }

    /// The rate ratio exp(β) of the column called `name` with its Wald interval exp(β ± z·SE), or nil when
    /// there is no such column.
    public func rateRatio(
        named name: String, confidenceLevel: Double = 0.95
    ) -> (
        estimate: Double, interval: ConfidenceInterval
    )? {
        guard let index = columnNames.firstIndex(of: name) else { return nil }
        let z = SpecialFunctions.criticalValue(confidenceLevel: confidenceLevel)
        let beta = coefficients[index]
        let se = covariance[index][index].squareRoot()
        return (
            exp(beta),
            ConfidenceInterval(lower: exp(beta - z * se), upper: exp(beta + z * se), level: confidenceLevel)
        )
    }

    /// The linear predictor xᵀβ for a row of covariates (without offset).
    public func linearPredictor(_ row: [Double]) -> Double {
        zip(row, coefficients).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
