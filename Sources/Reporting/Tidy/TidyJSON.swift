import Ingest

/// Writes tidy tables and other report data as deterministic JSON.
///
/// Pretty-printed with two spaces, a row's keys in the table's column order (the order docs/outputs.md documents and
/// the CSV header follows), numbers by ``DecimalText``, yes-or-no cells as JSON booleans, a trailing newline.
/// Text is not neutralised: JSON consumers do not evaluate formulas.
public enum TidyJSON {
    /// `table` as an array of row objects keyed by column name in column order; empty cells are `null`.
    public static func rows(_ table: TidyTable) -> JSONValue {
        .array(
            table.rows.map { row in
                .orderedObject(zip(table.columns, row).map { JSONValue.Member($0, $1.json) })
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
