import Ingest
import Testing

/// Every `file:line:column` the project prints follows one rule: what is unknown is left out, and a column is shown
/// only with its line.
@Suite("Input locations")
struct InputLocationTests {
    @Test func leavesOutWhatIsUnknown() {
        #expect(InputLocation(file: "a.csv").description == "a.csv")
        #expect(InputLocation(file: "a.csv", line: 3).description == "a.csv:3")
        #expect(InputLocation(file: "a.csv", line: 3, column: 7).description == "a.csv:3:7")
        #expect(InputLocation(file: "a.csv", column: 7).description == "a.csv")
    }

    @Test func aRelativeFileIsTakenInsideTheDataFolder() {
        let location = InputLocation(file: "helpline_calls/2020.csv", line: 2, column: 1)
        #expect(location.inFolder("Data").description == "Data/helpline_calls/2020.csv:2:1")
        #expect(location.inFolder("Data/").description == "Data/helpline_calls/2020.csv:2:1")
        #expect(InputLocation(file: "/srv/x.csv").inFolder("Data").description == "/srv/x.csv")
    }

    @Test func aRejectedRowWithoutAColumnIsAtColumnOne() {
        let row = RejectedRow(
            file: "clicks/a.csv", line: 9, column: nil, value: "", reason: .fieldCount(expected: 4, found: 3),
            record: "x,y,z")
        #expect(row.location.description == "clicks/a.csv:9:1")
    }
}
