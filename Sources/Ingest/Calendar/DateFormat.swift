/// How the `date` column of a feed writes its days (key `date_format:` of `campaigns.yaml`).
///
/// Every format has four digits of year and two of month and day, zeros included: `4/5/2020` is not read as
/// `04/05/2020`. Month-first (`MM/DD/YYYY`) is not offered: for the first twelve days of every month it cannot be
/// told from day-first, so a wrong setting would read dates silently wrong rather than reject them.
public enum DateFormat: String, Sendable, Equatable, CaseIterable {
    /// `2020-05-04`, the default.
    case yearMonthDay = "YYYY-MM-DD"
    /// `04/05/2020` (day first), as French spreadsheets write them.
    case dayMonthYearSlash = "DD/MM/YYYY"
    /// `04-05-2020` (day first).
    case dayMonthYearDash = "DD-MM-YYYY"
    /// `04.05.2020` (day first).
    case dayMonthYearDot = "DD.MM.YYYY"
    /// `2020/05/04`.
    case yearMonthDaySlash = "YYYY/MM/DD"

    /// Whether the year comes first.
    private var yearFirst: Bool { self == .yearMonthDay || self == .yearMonthDaySlash }

    /// The byte between the parts.
    private var separator: UInt8 {
        switch self {
        case .yearMonthDay, .dayMonthYearDash: UInt8(ascii: "-")
        case .dayMonthYearSlash, .yearMonthDaySlash: UInt8(ascii: "/")
        case .dayMonthYearDot: UInt8(ascii: ".")
        }
    }

    /// The day `bytes` write in this format, or nil when they do not (other separators, spaces, missing zeros) or
    /// name no real day (`31/02/2020`).
    public func date<Bytes: Collection>(_ bytes: Bytes) -> CivilDate? where Bytes.Element == UInt8 {
        if self == .yearMonthDay { return CivilDate(iso8601Bytes: bytes) }
        guard bytes.count == 10 else { return nil }
        let separators = yearFirst ? [4, 7] : [2, 5]
        var value = 0
        var parts: [Int] = []
        for (offset, byte) in bytes.enumerated() {
            if separators.contains(offset) {
                guard byte == separator else { return nil }
                parts.append(value)
                value = 0
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte &- UInt8(ascii: "0"))
        }
        parts.append(value)
        return yearFirst
            ? CivilDate(year: parts[0], month: parts[1], day: parts[2])
            : CivilDate(year: parts[2], month: parts[1], day: parts[0])
    }
}
