/// Writes tidy tables and other report data as deterministic JSON.
///
/// Pretty-printed with two spaces, keys sorted, numbers by ``DecimalText``, a trailing newline. Text is
/// not neutralised: JSON consumers do not evaluate formulas.
public enum TidyJSON {
    /// `table` as an array of row objects keyed by column name; empty cells are `null`.
    public static func rows(_ table: TidyTable) -> JSONValue {
        .array(
            table.rows.map { row in
                var object: [String: JSONValue] = [:]
                for (column, cell) in zip(table.columns, row) { object[column] = cell.json }
                return .object(object)
            })
    }

    /// The JSON text of `table` as an array of row objects.
    public static func render(_ table: TidyTable) -> String {
        render(rows(table))
    }

    /// The JSON text of any value, with the same formatting.
    public static func render(_ value: JSONValue) -> String {
        value.serialized(indent: 2) + "\n"
    }
}
