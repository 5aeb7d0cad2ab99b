import Foundation

/// A Poisson regression with log link, log E[yᵢ] = offsetᵢ + xᵢᵀβ, ready to be fitted.
///
/// The fit is iteratively reweighted least squares (McCullagh & Nelder, *Generalized Linear Models*, 2nd ed.,
/// §2.5): working response zᵢ = ηᵢ − offsetᵢ + (yᵢ − μᵢ)/μᵢ, weights μᵢ, each step solving XᵀWX·β = XᵀWz by
/// Cholesky factorisation. It starts from μ = y + 0.1 and stops when the deviance changes by less than
/// `tolerance` relative, |D − D_prev|/(|D| + 0.1), as R's `glm.fit` does.
public struct PoissonGLM: Sendable {
    /// How the dispersion φ is set.
    public enum Dispersion: Sendable, Hashable {
        /// Plain Poisson: φ = 1.
        case poisson
        /// Quasi-Poisson: φ = Pearson X² / (n − p), with X² = Σ (yᵢ − μᵢ)²/μᵢ (never below 0; not floored at 1).
        case pearson
    }

    /// A name for every design column, used in errors and to look up coefficients.
    public let columnNames: [String]
    /// The design matrix X as rows, one per observation, each with `columnNames.count` values.
    public let rows: [[Double]]
    /// The observed counts yᵢ ≥ 0 (need not be integers).
    public let response: [Double]
    /// The offset added to the linear predictor (log exposure), or nil for none.
    public let offset: [Double]?

    /// Checks the shapes and values of a model.
    ///
    /// - Throws: `ModelFitError` when rows and names disagree in length, the response has the wrong length,
    ///   a count is negative or not finite, or there are no more observations than columns.
    public init(
        columnNames: [String], rows: [[Double]], response: [Double], offset: [Double]? = nil
    )
        throws(ModelFitError)
    {
        guard !columnNames.isEmpty else { throw .noColumns }
        guard rows.count == response.count else {
            throw .rowCountMismatch(rows: rows.count, counts: response.count)
        }
        if let offset, offset.count != response.count {
            throw .offsetCountMismatch(offsets: offset.count, counts: response.count)
        }
        if let index = rows.firstIndex(where: { $0.count != columnNames.count }) {
            throw .rowWidth(row: index + 1, columns: columnNames.count)
        }
        if let index = response.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
            throw .invalidCount(index: index + 1, value: response[index])
        }
        guard response.count > columnNames.count else {
            throw .tooFewObservations(observations: response.count, coefficients: columnNames.count)
        }
        self.columnNames = columnNames
        self.rows = rows
        self.response = response
        self.offset = offset
    }

    /// Fits the model by IRLS.
    ///
    /// - Parameters:
    ///   - dispersion: `.pearson` (quasi-Poisson, the default) or `.poisson` (φ = 1).
    ///   - maximumIterations: at most this many IRLS steps (default 50); `converged` says whether that sufficed.
    ///   - tolerance: the relative change in deviance that ends the iteration (default 1e-10).
    /// - Throws: `ModelFitError` when XᵀWX is singular (naming the column), or when the counts are all zero.
    public func fit(
        dispersion: Dispersion = .pearson, maximumIterations: Int = 50, tolerance: Double = 1e-10
    )
        throws(ModelFitError) -> QuasiPoissonFit
    {
        let n = response.count
        let p = columnNames.count
        guard response.contains(where: { $0 > 0 }) else {
            throw .allCountsZero
        }
        let design = rows.flatMap { $0 }
        let offsets = offset ?? [Double](repeating: 0, count: n)
        var mu = response.map { $0 + 0.1 }
        var eta = mu.map { log($0) }
        var coefficients = [Double](repeating: 0, count: p)
        var previousDeviance = Double.infinity
        var deviance = Double.infinity
        var iterations = 0
        var converged = false
        while iterations < maximumIterations {
            iterations += 1
            let working = (0..<n).map { eta[$0] - offsets[$0] + (response[$0] - mu[$0]) / mu[$0] }
            let system = try weightedSystem(design: design, weights: mu)
            // The loops over n × p below run on buffers: indexing the arrays costs a bounds check per element
            // read and a uniqueness check per element written, which were half of an iteration's instructions.
            var rhs = [Double](repeating: 0, count: p)
            design.withUnsafeBufferPointer { x in
                rhs.withUnsafeMutableBufferPointer { b in
                    for i in 0..<n {
                        let weighted = mu[i] * working[i]
                        for j in 0..<p { b[j] += x[i * p + j] * weighted }
                    }
                }
            }
            coefficients = system.solve(rhs)
            design.withUnsafeBufferPointer { x in
                coefficients.withUnsafeBufferPointer { beta in
                    for i in 0..<n {
                        var value = offsets[i]
                        for j in 0..<p { value += x[i * p + j] * beta[j] }
                        eta[i] = value
                        mu[i] = exp(value)
                    }
                }
            }
            deviance = PoissonGLM.deviance(response: response, fitted: mu)
            guard deviance.isFinite else {
                throw .diverged(iterations: iterations)
            }
            if abs(deviance - previousDeviance) / (abs(deviance) + 0.1) < tolerance {
                converged = true
                break
            }
            previousDeviance = deviance
        }
        let information = try weightedSystem(design: design, weights: mu)
        var pearson = 0.0
        for i in 0..<n {
            let residual = response[i] - mu[i]
            pearson += residual * residual / mu[i]
        }
        let residualDF = n - p
        let phi: Double
        switch dispersion {
        case .poisson: phi = 1
        case .pearson: phi = pearson / Double(residualDF)
        }
        let covariance = information.inverse().map { row in row.map { $0 * phi } }
        return QuasiPoissonFit(
            columnNames: columnNames, coefficients: coefficients, covariance: covariance, dispersion: phi,
            pearsonChiSquare: pearson, deviance: deviance, residualDegreesOfFreedom: residualDF,
            iterations: iterations, converged: converged, fitted: mu)
    }

    /// The Poisson deviance 2 Σ [yᵢ log(yᵢ/μᵢ) − (yᵢ − μᵢ)], with 0·log 0 = 0.
    public static func deviance(response: [Double], fitted: [Double]) -> Double {
        var total = 0.0
        for (y, mu) in zip(response, fitted) {
            total += (y > 0 ? y * log(y / mu) : 0) - (y - mu)
        }
        return 2 * total
    }

    /// Builds and factorises XᵀWX, turning a breakdown into an error that names the column.
    private func weightedSystem(design: [Double], weights: [Double]) throws(ModelFitError) -> SymmetricSystem {
        let p = columnNames.count
        var matrix = [Double](repeating: 0, count: p * p)
        // The fit's hottest loop (n·p²/2 multiply-adds per IRLS step), on buffers for the reason given in `fit`;
        // the order of the additions is the same as indexing the arrays, so the sums are the same to the bit.
        matrix.withUnsafeMutableBufferPointer { m in
            design.withUnsafeBufferPointer { x in
                weights.withUnsafeBufferPointer { weight in
                    for i in 0..<weight.count {
                        let w = weight[i]
                        let base = i * p
                        for j in 0..<p {
                            let xw = x[base + j] * w
                            if xw == 0 { continue }
                            let row = j * p
                            for k in 0...j { m[row + k] += xw * x[base + k] }
                        }
                    }
                }
            }
        }
        do {
            return try SymmetricSystem(matrix: matrix, size: p)
        } catch {
            throw singularDesignError(column: error.index)
        }
    }

    private func singularDesignError(column index: Int) -> ModelFitError {
        let name = columnNames[index]
        let values = rows.map { $0[index] }
        let cause: ModelFitError.SingularCause
        if let first = values.first, values.allSatisfy({ $0 == first }) {
            cause = first == 0 ? .allZeros : .noVariation
        } else {
            cause = .linearCombination
        }
        return .singular(column: name, cause: cause)
    }
}
