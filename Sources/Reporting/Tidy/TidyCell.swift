import Ingest

/// One cell of a tidy table: text, a number, an integer, or empty.
///
/// The kind matters on output: only text cells are neutralised against spreadsheet formulas, so a
/// negative number stays a number (`-0.12`), while the text `-0.12` would be written `'-0.12`.
public enum TidyCell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral
{
    /// Text (a date, a series name, a note); nil is an empty cell.
    case text(String?)
    /// A number written by ``DecimalText``; nil, NaN and infinities are an empty cell.
    case number(Double?)
    /// An integer (a count); nil is an empty cell.
    case integer(Int?)
    /// A yes-or-no value: `true` or `false` in CSV, a JSON boolean in JSON.
    case boolean(Bool)

    /// An empty cell (missing or not applicable).
    public static let empty = TidyCell.text(nil)

    /// A text cell from a literal.
    public init(stringLiteral value: String) { self = .text(value) }
    /// An integer cell from a literal.
    public init(integerLiteral value: Int) { self = .integer(value) }
    /// A number cell from a literal.
    public init(floatLiteral value: Double) { self = .number(value) }

    /// The cell as JSON: a string, a number, or `null`.
    public var json: JSONValue {
        switch self {
        case .text(let value): return .string(value)
        case .number(let value): return value.map { $0.isFinite ? .number($0) : .null } ?? .null
        case .integer(let value): return .int(value)
        case .boolean(let value): return .bool(value)
        }
    }
}
