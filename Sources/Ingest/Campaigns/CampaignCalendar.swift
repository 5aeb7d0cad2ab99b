/// The campaign calendar (`campaigns.yaml`): the time zone local days are counted in, the report language,
/// public holidays, the confidence level, and the campaigns and context events to estimate.
///
/// Read it with `CampaignCalendar.load(contentsOf:)` or `CampaignCalendar.parse(yaml:file:)`; every problem in
/// the file is a `CampaignCalendarError` naming its line, column and key path.
public struct CampaignCalendar: Sendable, Equatable {
    /// The helpline numbers known without configuration; `helplines:` at the top of the file adds more.
    public static let builtInHelplines = ["119", "3018", "3020", "3919"]

    /// The IANA time zone (`Europe/Paris`) that timestamps are bucketed into local days in.
    public let timeZoneIdentifier: String
    /// The report language; `.en` when the file gives none.
    public let language: ReportLanguage
    /// The public holidays; the built-in French calendar when the file gives none.
    public let holidays: HolidaySource
    /// The two-sided confidence level of every interval (key `confidence`), strictly between 0.5 and 1;
    /// 0.95 when the file gives none.
    public let confidenceLevel: Double
    /// The CSV delimiter byte (`,`, `;` or tab) when the file forces one; nil to detect it from each header line.
    public let delimiter: UInt8?
    /// How each feed's files are read: the root `date_format:` and the feed's entry under `feeds:`, the latter
    /// winning. A feed left out is read with the default options (empty when the file sets neither key).
    public let feedOptions: [Feed: FeedReadOptions]
    /// The helplines campaigns may name: the built-in ones, then those listed under `helplines:`, without duplicates.
    public let knownHelplines: [String]
    /// The campaigns, in file order; ids are unique.
    public let campaigns: [Campaign]
    /// The context events, in file order; ids are unique.
    public let context: [ContextEvent]
    /// Whose school holidays the model knows (`school_holidays:`); nil when the file gives none, which means all
    /// three zones with the built-in French holidays and none otherwise (see `effectiveSchoolHolidays`).
    public let schoolHolidays: SchoolHolidayZones?
    /// Recurring periods of the analyst's own (`periods:`), fitted like holidays; ids are unique.
    public let periods: [RecurringPeriod]

    /// Creates a calendar from values; the defaults are those applied to a file that leaves the key out.
    public init(
        timeZoneIdentifier: String,
        language: ReportLanguage = .en,
        holidays: HolidaySource = .builtIn(country: "FR"),
        confidenceLevel: Double = 0.95,
        delimiter: UInt8? = nil,
        feedOptions: [Feed: FeedReadOptions] = [:],
        knownHelplines: [String] = CampaignCalendar.builtInHelplines,
        campaigns: [Campaign] = [],
        context: [ContextEvent] = [],
        schoolHolidays: SchoolHolidayZones? = nil,
        periods: [RecurringPeriod] = []
    ) {
        self.timeZoneIdentifier = timeZoneIdentifier
        self.language = language
        self.holidays = holidays
        self.confidenceLevel = confidenceLevel
        self.delimiter = delimiter
        self.feedOptions = feedOptions
        self.knownHelplines = knownHelplines
        self.campaigns = campaigns
        self.context = context
        self.schoolHolidays = schoolHolidays
        self.periods = periods
    }

    /// The school-holiday zones the model uses: the ones given, else all three when the holidays are the built-in
    /// French ones (France's school calendar goes with France's holidays) and none otherwise.
    public var effectiveSchoolHolidays: SchoolHolidayZones {
        if let schoolHolidays { return schoolHolidays }
        if case .builtIn(let country) = holidays, country.uppercased() == "FR" { return .all }
        return .none
    }

    /// The campaign with this id, or nil when the calendar declares none.
    public func campaign(id: String) -> Campaign? {
        campaigns.first { $0.id == id }
    }
}
