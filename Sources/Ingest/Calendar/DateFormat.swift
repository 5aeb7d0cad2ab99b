/// How the `date` column of a file writes its days: detected per file from all its dates, or set by `date_format:`
/// in `campaigns.yaml` (DESIGN §3.2).
///
/// Every format has four digits of year and two of month and day, zeros included: `4/5/2020` is not read as
/// `04/05/2020`. Day-first and month-first formats with the same separator read the same text when day and month are
/// both 12 or less (`04/05/2020`): a file is read in one of them only when one of its dates tells them apart, or when
/// `campaigns.yaml` says which, so that a month-first export is never read day-first.
public enum DateFormat: String, Sendable, Equatable, Hashable, CaseIterable {
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
    /// `05/04/2020` (month first), as American spreadsheets write them.
    case monthDayYearSlash = "MM/DD/YYYY"
    /// `05-04-2020` (month first).
    case monthDayYearDash = "MM-DD-YYYY"
    /// `05.04.2020` (month first).
    case monthDayYearDot = "MM.DD.YYYY"

    /// Whether the year comes first.
    private var yearFirst: Bool { self == .yearMonthDay || self == .yearMonthDaySlash }

    /// Whether the month comes before the day (American order).
    public var isMonthFirst: Bool {
        self == .monthDayYearSlash || self == .monthDayYearDash || self == .monthDayYearDot
    }

    /// The format writing day and month the other way round with the same separator (`DD/MM/YYYY` and
    /// `MM/DD/YYYY`), which reads the same text as this one when both are 12 or less; nil for year-first formats.
    public var swapped: DateFormat? {
        switch self {
        case .yearMonthDay, .yearMonthDaySlash: nil
        case .dayMonthYearSlash: .monthDayYearSlash
        case .dayMonthYearDash: .monthDayYearDash
        case .dayMonthYearDot: .monthDayYearDot
        case .monthDayYearSlash: .dayMonthYearSlash
        case .monthDayYearDash: .dayMonthYearDash
        case .monthDayYearDot: .dayMonthYearDot
        }
    }

    /// The byte between the parts.
    private var separator: UInt8 {
        switch self {
        case .yearMonthDay, .dayMonthYearDash, .monthDayYearDash: UInt8(ascii: "-")
        case .dayMonthYearSlash, .yearMonthDaySlash, .monthDayYearSlash: UInt8(ascii: "/")
        case .dayMonthYearDot, .monthDayYearDot: UInt8(ascii: ".")
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
        if yearFirst { return CivilDate(year: parts[0], month: parts[1], day: parts[2]) }
        return isMonthFirst
            ? CivilDate(year: parts[2], month: parts[0], day: parts[1])
            : CivilDate(year: parts[2], month: parts[1], day: parts[0])
    }

    // MARK: - Sets of formats

    /// This format's bit in a set of formats held as bits, in `allCases` order.
    var bit: UInt8 {
        switch self {
        case .yearMonthDay: 1
        case .dayMonthYearSlash: 2
        case .dayMonthYearDash: 4
        case .dayMonthYearDot: 8
        case .yearMonthDaySlash: 16
        case .monthDayYearSlash: 32
        case .monthDayYearDash: 64
        case .monthDayYearDot: 128
        }
    }

    /// The formats whose bits `set` holds, in `allCases` order.
    static func formats(in set: UInt8) -> [DateFormat] {
        allCases.filter { set & $0.bit != 0 }
    }

    /// Every format's bit.
    static let allBits: UInt8 = allCases.reduce(0) { $0 | $1.bit }

    /// The bits of the formats that read `bytes` as a date (none for text that is no date in any format).
    static func fitting<Bytes: Collection>(_ bytes: Bytes) -> UInt8 where Bytes.Element == UInt8 {
        allCases.reduce(0) { $1.date(bytes) == nil ? $0 : $0 | $1.bit }
    }

    /// The bits of the formats that read the text this format read as `date`: this one, and its swapped format
    /// when day and month are both 12 or less. As ``fitting(_:)`` gives, without parsing the text again.
    func fitting(readAs date: CivilDate) -> UInt8 {
        guard let swapped else { return bit }
        return date.components.day <= 12 ? bit | swapped.bit : bit
    }
}
