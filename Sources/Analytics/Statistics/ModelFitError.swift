/// Why a log-linear model could not be fitted, with what an analyst needs to act on it; Reporting words it.
public enum ModelFitError: Error, Hashable, Sendable {
    /// Why a design column makes XᵀWX singular.
    public enum SingularCause: Hashable, Sendable {
        /// Every value of the column is 0.
        case allZeros
        /// Every value of the column is the same non-zero value.
        case noVariation
        /// The column is a linear combination of the columns before it, or its rows carry no weight.
        case linearCombination
    }

    /// The design matrix has no columns.
    case noColumns
    /// The design matrix and the response have different lengths.
    case rowCountMismatch(rows: Int, counts: Int)
    /// The offset and the response have different lengths.
    case offsetCountMismatch(offsets: Int, counts: Int)
    /// A row (1-based) of the design matrix does not have one value per column.
    case rowWidth(row: Int, columns: Int)
    /// A count (1-based) is negative or not finite.
    case invalidCount(index: Int, value: Double)
    /// There are no more observations than coefficients.
    case tooFewObservations(observations: Int, coefficients: Int)
    /// Every count is 0: a log-linear model has no finite fit.
    case allCountsZero
    /// The deviance stopped being finite after this many iterations.
    case diverged(iterations: Int)
    /// XᵀWX is singular because of `column`.
    case singular(column: String, cause: SingularCause)

    /// The design column involved, when one is to blame.
    public var column: String? {
        if case .singular(let column, _) = self { return column }
        return nil
    }
}
