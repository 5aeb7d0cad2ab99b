import Foundation
import Ingest
import Reporting
import Testing

@Suite("Tidy CSV and JSON")
struct TidyOutputTests {
    @Test(arguments: [
        (0.2, "0.2"), (-0.12, "-0.12"), (0.00001, "0.00001"), (1e-10, "0.0000000001"), (3.0, "3"),
        (1234567.891, "1234567.891"), (12345678901234.0, "12345678900000"), (0.1 + 0.2, "0.3"),
        (-0.0, "0"), (0.99999999999, "1"), (1.5e20, "150000000000000000000"),
        (1.234567e-13, "0.000000000000123"), (6e-16, "0.000000000000001"), (-5e-16, "-0.000000000000001"),
        (4.9e-16, "0"), (3.1e-250, "0"), (0.0000000000000149, "0.000000000000015"),
        (-12.0, "-12"), (9_999_999_999.0, "9999999999"), (10_000_000_000.0, "10000000000"),
        (123_456_789_012.0, "123456789000"), (-99_999_999_999.0, "-100000000000"), (1e15, "1000000000000000"),
    ])
    func writesNumbersWithTenSignificantDigitsAndNoExponent(value: Double, expected: String) {
        #expect(DecimalText.format(value) == expected)
    }

    @Test func hasNoTextForNumbersThatAreNotFinite() {
        #expect(DecimalText.format(.nan) == nil)
        #expect(DecimalText.format(-.infinity) == nil)
    }

    func upliftTable() throws -> TidyTable {
        try TidyTable(
            columns: ["campaign", "series", "uplift", "observed", "note"],
            rows: [
                ["=HYPERLINK(\"x\")", "calls:119", -0.12, 15_234, "a, \"quoted\"\nnote"],
                [.text("@sum"), .text("-0.12"), .number(nil), .integer(nil), .empty],
                [.text("+1"), .text("\tx"), .number(.nan), 0, "plain"],
            ])
    }

    @Test func quotesAndNeutralisesTextButLeavesNumbersAlone() throws {
        #expect(
            TidyCSV.render(try upliftTable()) == """
                campaign,series,uplift,observed,note
                "'=HYPERLINK(""x"")",calls:119,-0.12,15234,"a, ""quoted""
                note"
                '@sum,'-0.12,,,
                '+1,'\tx,,0,plain

                """)
    }

    /// For a French spreadsheet: a byte order mark, `;` between fields, decimal commas; a field holding `;` is
    /// quoted, one holding only `,` is not; text is neutralised as in the standard dialect.
    @Test func theFrenchSpreadsheetDialectUsesSemicolonsDecimalCommasAndAByteOrderMark() throws {
        let table = try TidyTable(
            columns: ["série", "uplift", "observed", "note", "anomaly"],
            rows: [
                ["calls:119", -0.12, 15_234, "a; b", .boolean(true)],
                ["Allô 119", 1234567.891, .integer(nil), "1,5 fois", .boolean(false)],
                [.text("-0.12"), .number(.nan), 0, "=1", .boolean(false)],
            ])
        #expect(
            TidyCSV.render(table, dialect: .frenchSpreadsheet) == """
                \u{FEFF}série;uplift;observed;note;anomaly
                calls:119;-0,12;15234;"a; b";true
                Allô 119;1234567,891;;1,5 fois;false
                '-0.12;;0;'=1;false

                """)
    }

    @Test func refusesARowThatIsNotAsWideAsTheHeader() {
        #expect(throws: TidyTableError(row: 0, cellCount: 1, columnCount: 2)) {
            try TidyTable(columns: ["a", "b"], rows: [["x"]])
        }
    }

    @Test func writesRowsAsJsonObjectsKeyedInColumnOrderWithNullsAndBooleans() throws {
        let table = try TidyTable(
            columns: ["value", "date", "anomaly"],
            rows: [["2020-05-04", 0.00001, .boolean(true)], [.empty, -0.5, .boolean(false)]])
        // The keys follow the columns, as the CSV header does, not the alphabet.
        #expect(
            TidyJSON.render(table) == """
                [
                  {
                    "value": "2020-05-04",
                    "date": 0.00001,
                    "anomaly": true
                  },
                  {
                    "value": null,
                    "date": -0.5,
                    "anomaly": false
                  }
                ]

                """)
        let flipped = try TidyTable(columns: ["date", "value"], rows: [[0.00001, "2020-05-04"]])
        #expect(TidyJSON.render(flipped).contains("\"date\": 0.00001,\n    \"value\": \"2020-05-04\""))
    }

    @Test func writesJsonThatFoundationCanReadBack() throws {
        let value = JSONValue.object([
            "text": .string("quote \" backslash \\ tab \t bell \u{07} é"),
            "list": .array([.int(1), .number(2.5), .null]),
            "empty": .object([:]), "none": .array([]), "flag": .bool(true),
        ])
        let parsed = try JSONSerialization.jsonObject(with: Data(value.serialized(indent: 1).utf8)) as? [String: Any]
        #expect(parsed?["text"] as? String == "quote \" backslash \\ tab \t bell \u{07} é")
        #expect(
            value.serialized()
                == #"{"empty":{},"flag":true,"list":[1,2.5,null],"none":[],"text":"quote \" backslash \\ tab \t bell \u0007 é"}"#
        )
    }
}
