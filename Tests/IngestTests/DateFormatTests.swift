import Ingest
import Testing

/// The date formats `date_format:` offers: what each reads, and what none of them guesses.
@Suite("Date formats")
struct DateFormatTests {
    @Test(arguments: [
        (DateFormat.yearMonthDay, "2020-05-04"), (.dayMonthYearSlash, "04/05/2020"), (.dayMonthYearDash, "04-05-2020"),
        (.dayMonthYearDot, "04.05.2020"), (.yearMonthDaySlash, "2020/05/04"),
    ])
    func readsTheFourthOfMayInEachFormat(format: DateFormat, text: String) throws {
        #expect(format.date(Array(text.utf8)) == CivilDate(year: 2020, month: 5, day: 4))
    }

    @Test(arguments: [
        (DateFormat.dayMonthYearSlash, "31/02/2020"), (.dayMonthYearSlash, "29/02/2019"),
        (.dayMonthYearSlash, "00/05/2020"),
        (.dayMonthYearSlash, "04/13/2020"), (.dayMonthYearSlash, "4/5/2020"), (.dayMonthYearSlash, "04-05-2020"),
        (.dayMonthYearSlash, "2020-05-04"), (.dayMonthYearSlash, "04/05/20"), (.dayMonthYearSlash, "04/05/0000"),
        (.dayMonthYearDash, "31-04-2020"), (.dayMonthYearDash, "04/05/2020"), (.dayMonthYearDot, "04/05/2020"),
        (.yearMonthDaySlash, "2020/02/30"), (.yearMonthDaySlash, "04/05/2020"), (.yearMonthDay, "04/05/2020"),
        (.dayMonthYearSlash, "+4/05/2020"), (.dayMonthYearSlash, "04/05/2020 "),
    ])
    func rejectsWhatIsNotARealDayInTheFormat(format: DateFormat, text: String) {
        #expect(format.date(Array(text.utf8)) == nil)
    }

    @Test func readsLeapDaysOnlyInLeapYears() {
        #expect(DateFormat.dayMonthYearSlash.date(Array("29/02/2020".utf8)) == CivilDate(year: 2020, month: 2, day: 29))
        #expect(DateFormat.dayMonthYearSlash.date(Array("29/02/1900".utf8)) == nil)
    }

    @Test func theDefaultFormatIsTheISOFormatTheFeedsAlwaysRead() {
        for text in ["2020-05-04", "2020-02-30", "2020-5-4", "20200504"] {
            #expect(DateFormat.yearMonthDay.date(Array(text.utf8)) == CivilDate(iso8601Bytes: Array(text.utf8)))
        }
    }
}
