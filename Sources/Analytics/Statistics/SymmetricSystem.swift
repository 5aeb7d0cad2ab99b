/// A symmetric positive-definite linear system A·x = b solved by Cholesky factorisation, with a rank check.
///
/// Internal to the model fit: the matrix is p × p for a handful of covariates, stored row-major.
struct SymmetricSystem {
    /// The lower-triangular factor L with A = L·Lᵀ, row-major p × p.
    private(set) var factor: [Double]
    /// The dimension p.
    let size: Int

    /// Factorises the row-major `matrix` (p × p, only the lower triangle is read).
    ///
    /// A pivot that falls to `relativeTolerance` times its diagonal entry or below means that column is (nearly)
    /// a linear combination of the columns before it: 1 − R² of that column on the earlier ones, in the
    /// weighted inner product, is below the tolerance. The index of that column is thrown.
    init(matrix: [Double], size: Int, relativeTolerance: Double = 1e-10) throws(SingularColumn) {
        self.size = size
        factor = [Double](repeating: 0, count: size * size)
        for j in 0..<size {
            var pivot = matrix[j * size + j]
            for k in 0..<j { pivot -= factor[j * size + k] * factor[j * size + k] }
            let diagonal = matrix[j * size + j]
            guard diagonal > 0, pivot > relativeTolerance * diagonal, pivot.isFinite else {
                throw SingularColumn(index: j)
            }
            let root = pivot.squareRoot()
            factor[j * size + j] = root
            for i in (j + 1)..<max(j + 1, size) {
                var value = matrix[i * size + j]
                for k in 0..<j { value -= factor[i * size + k] * factor[j * size + k] }
                factor[i * size + j] = value / root
            }
        }
    }

    /// The column at which factorisation broke down.
    struct SingularColumn: Error {
        let index: Int
    }

    /// Solves A·x = `rhs`.
    func solve(_ rhs: [Double]) -> [Double] {
        var y = rhs
        for i in 0..<size {
            var value = y[i]
            for k in 0..<i { value -= factor[i * size + k] * y[k] }
            y[i] = value / factor[i * size + i]
        }
        for i in stride(from: size - 1, through: 0, by: -1) {
            var value = y[i]
            for k in (i + 1)..<max(i + 1, size) { value -= factor[k * size + i] * y[k] }
            y[i] = value / factor[i * size + i]
        }
        return y
    }

    /// A⁻¹ as rows.
    func inverse() -> [[Double]] {
        var columns: [[Double]] = []
        for j in 0..<size {
            var unit = [Double](repeating: 0, count: size)
            unit[j] = 1
            columns.append(solve(unit))
        }
        // A⁻¹ is symmetric, so its columns are its rows.
        return columns
    }
}
