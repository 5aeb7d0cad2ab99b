import Analytics
import ArgumentParser
import Ingest

/// A period given on the command line (`awareness compare`): an ISO week (`2020-W19`), a date standing for its ISO
/// week (`2020-05-04`), an inclusive range (`2020-05-04..2020-05-17`) or a campaign id of campaigns.yaml (its
/// window); for `--against` also `last-year`. A campaign id is resolved once the calendar is read.
enum PeriodArgument: ExpressibleByArgument, Equatable {
    /// A week, a date's week or a range of days.
    case days(ComparisonPeriod)
    /// A campaign id, resolved against campaigns.yaml.
    case campaign(String)
    /// The period of interest 364 days earlier (`--against` only).
    case lastYear

    init?(argument: String) {
        if let week = ISOWeek(parsing: argument) {
            self = .days(ComparisonPeriod(week: week))
        } else if let date = CivilDate(iso8601: argument) {
            self = .days(ComparisonPeriod(week: ISOWeek(containing: date)))
        } else if argument.contains("..") {
            guard let days = DayRangeArgument(argument: argument)?.range else { return nil }
            self = .days(ComparisonPeriod(days: days))
        } else if argument == "last-year" {
            self = .lastYear
        } else if Self.looksLikeDateOrWeek(argument) {
            return nil
        } else if Self.isCampaignID(argument) {
            self = .campaign(argument)
        } else {
            return nil
        }
    }

    /// Whether `text` is spelled as campaign ids are (letters, digits, `.`, `_`, `-`).
    private static func isCampaignID(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "._-".unicodeScalars
                        .contains($0)
            }
    }

    /// Whether `text` has the shape of a date (`2020-13-01`) or an ISO week (`2021-W53`), existing or not.
    private static func looksLikeDateOrWeek(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func digits(_ indices: [Int]) -> Bool {
            indices.allSatisfy { bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") }
        }
        if bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
            return digits([0, 1, 2, 3, 5, 6, 8, 9])
        }
        if bytes.count == 8, bytes[4] == UInt8(ascii: "-"), bytes[5] == UInt8(ascii: "W") {
            return digits([0, 1, 2, 3, 6, 7])
        }
        return false
    }

    /// Why `argument` is not a period: a reversed range, a date that does not exist, or a shape not recognised.
    static func problem(with argument: String) -> String {
        if let separator = argument.range(of: "..") {
            let startText = String(argument[..<separator.lowerBound])
            let endText = String(argument[separator.upperBound...])
            guard let start = CivilDate(iso8601: startText) else { return "'\(startText)' is not a date (YYYY-MM-DD)" }
            guard let end = CivilDate(iso8601: endText) else { return "'\(endText)' is not a date (YYYY-MM-DD)" }
            if end < start { return "the range \(argument) ends before it starts" }
        }
        if looksLikeDateOrWeek(argument) {
            return argument.contains("W")
                ? "'\(argument)' is not an ISO week: that year has no such week"
                : "'\(argument)' is not a date: that day does not exist"
        }
        return "'\(argument)' is not an ISO week (2020-W19), a date (2020-05-04), a range (2020-05-04..2020-05-17) "
            + "or a campaign id"
    }

    /// The days this argument stands for; `reference` is the period of interest, for `last-year`.
    func resolve(in calendar: CampaignCalendar, reference: ComparisonPeriod?) throws -> ComparisonPeriod {
        switch self {
        case .days(let period):
            return period
        case .campaign(let id):
            guard let campaign = calendar.campaign(id: id) else {
                let known = calendar.campaigns.map(\.id).joined(separator: ", ")
                throw ValidationError(
                    "'\(id)' is neither a week, a date, a range nor a campaign in campaigns.yaml (campaigns: "
                        + "\(known.isEmpty ? "none" : known))")
            }
            return ComparisonPeriod(days: campaign.window)
        case .lastYear:
            guard let reference else { throw ValidationError("last-year can only be given to --against") }
            return reference.lastYear
        }
    }
}
