import Foundation
import Yams

/// Walks a composed YAML document into a `CampaignCalendar`, checking every key and value against the schema
/// of DESIGN §3.4 and naming the line, column and key path of the first problem.
///
/// The walk follows the schema only, and counts every node it visits: aliases are composed by Yams into
/// shared nodes, so a small document can stand for an enormous tree ("billion laughs"); the budget stops the
/// walk long before that matters.
struct CampaignCalendarReader {
    /// The most nodes a walk visits by default, aliases expanded, before the document is rejected.
    static let defaultNodeBudget = 100_000

    private static let rootKeys = [
        "timezone", "language", "holidays", "confidence", "delimiter", "date_format", "encoding", "feeds",
        "helplines", "campaigns", "context", "school_holidays", "periods",
    ]
    /// The keys of a feed's entry under `feeds:`.
    private static let feedKeys = ["date_format", "columns", "encoding", "files"]
    private static let fileKeys = ["date_format", "encoding"]
    private static let campaignKeys = [
        "id", "name", "start", "end", "helplines", "hashtags", "banners", "baseline", "controls", "carryover",
    ]
    /// The metrics a control series may have: daily counts with a model of their own.
    static let controlMetrics: Set<String> = ["calls", "answered", "videos", "views"]
    private static let baselineKeys = ["start", "end"]
    private static let contextKeys = ["id", "name", "start", "end", "ends_over", "return"]
    /// The longest `carryover:` or `ends_over:` accepted, in days: ten years, far beyond any real tail, and small
    /// enough that no date arithmetic on it can overflow.
    static let longestTailDays = 3650
    /// The keys of an entry under `periods:`.
    private static let periodKeys = ["id", "name", "dates"]

    /// The file named in errors.
    let file: String
    /// The most nodes this walk may visit.
    let nodeBudget: Int
    private var visitedNodes = 0

    init(file: String, nodeBudget: Int = CampaignCalendarReader.defaultNodeBudget) {
        self.file = file
        self.nodeBudget = nodeBudget
    }

    // MARK: - Document

    mutating func calendar(from root: Node) throws(CampaignCalendarError) -> CampaignCalendar {
        let fields = try mapping(root, at: "", keys: Self.rootKeys)

        guard let zoneNode = fields["timezone"], !Self.isNull(zoneNode) else {
            throw error(at: root, "", "missing required key \"timezone\" (an IANA time zone such as Europe/Paris)")
        }
        let zone = try text(zoneNode, at: "timezone")
        guard TimeZone(identifier: zone) != nil else {
            throw error(at: zoneNode, "timezone", "\"\(zone)\" is not a known time zone")
        }

        var language = ReportLanguage.en
        if let node = fields["language"], !Self.isNull(node) {
            let value = try text(node, at: "language")
            guard let parsed = ReportLanguage(rawValue: value) else {
                throw error(at: node, "language", "\"\(value)\" is not a supported language (en, fr)")
            }
            language = parsed
        }

        var holidays = HolidaySource.builtIn(country: "FR")
        if let node = fields["holidays"], !Self.isNull(node) {
            holidays = try holidaySource(node)
        }

        var confidence = 0.95
        if let node = fields["confidence"], !Self.isNull(node) {
            confidence = try confidenceLevel(node)
        }

        var delimiter: UInt8?
        if let node = fields["delimiter"], !Self.isNull(node) {
            let value = try scalar(node, at: "delimiter")
            switch value {
            case ",": delimiter = UInt8(ascii: ",")
            case ";": delimiter = UInt8(ascii: ";")
            case "\t": delimiter = UInt8(ascii: "\t")
            default:
                let shown = value.replacingOccurrences(of: "\t", with: "\\t")
                throw error(
                    at: node, "delimiter", "\"\(shown)\" is not a supported delimiter (\",\", \";\" or \"\\t\")")
            }
        }

        let feedOptions = try self.feedOptions(fields)

        var knownHelplines = CampaignCalendar.builtInHelplines
        if let helplinesNode = fields["helplines"], let campaignsNode = fields["campaigns"],
            let helplinesLine = helplinesNode.mark?.line, let campaignsLine = campaignsNode.mark?.line,
            helplinesLine > campaignsLine
        {
            // A root `helplines:` after the campaigns is almost always a campaign's list dedented by mistake: it
            // would then silently leave that campaign without helplines.
            throw error(
                at: helplinesNode, "helplines",
                "\"helplines\" is at the root, after the campaigns: if it belongs to the campaign above it, indent "
                    + "it like that campaign's other keys (helplines need no root list: any helpline in the data can "
                    + "be named)")
        }
        for (index, node) in try list(fields["helplines"], at: "helplines").enumerated() {
            let number = try text(node, at: "helplines[\(index)]")
            if !knownHelplines.contains(number) { knownHelplines.append(number) }
        }

        var campaigns: [Campaign] = []
        var campaignLines: [String: Int] = [:]
        for (index, node) in try list(fields["campaigns"], at: "campaigns").enumerated() {
            let path = "campaigns[\(index)]"
            let (campaign, idNode) = try self.campaign(node, at: path, knownHelplines: knownHelplines)
            if let firstLine = campaignLines[campaign.id] {
                throw error(
                    at: idNode, "\(path).id",
                    "duplicate campaign id \"\(campaign.id)\" (first declared at line \(firstLine))")
            }
            campaignLines[campaign.id] = idNode.mark?.line ?? 0
            campaigns.append(campaign)
        }

        var events: [ContextEvent] = []
        var eventLines: [String: Int] = [:]
        for (index, node) in try list(fields["context"], at: "context").enumerated() {
            let path = "context[\(index)]"
            let (event, idNode) = try contextEvent(node, at: path)
            if let firstLine = eventLines[event.id] {
                throw error(
                    at: idNode, "\(path).id",
                    "duplicate context id \"\(event.id)\" (first declared at line \(firstLine))")
            }
            eventLines[event.id] = idNode.mark?.line ?? 0
            events.append(event)
        }

        var schoolHolidays: SchoolHolidayZones?
        if let node = fields["school_holidays"], !Self.isNull(node) {
            schoolHolidays = try schoolHolidayZones(node)
        }
        let periods = try recurringPeriods(fields["periods"])

        return CampaignCalendar(
            timeZoneIdentifier: zone, language: language, holidays: holidays, confidenceLevel: confidence,
            delimiter: delimiter, feedOptions: feedOptions, knownHelplines: knownHelplines, campaigns: campaigns,
            context: events, schoolHolidays: schoolHolidays, periods: periods)
    }

    /// The root `date_format:` applied to every feed, then each feed's entry under `feeds:` (keyed by the feed's
    /// folder name) over it.
    private mutating func feedOptions(
        _ fields: [String: Node]
    ) throws(CampaignCalendarError) -> [Feed: FeedReadOptions] {
        var options: [Feed: FeedReadOptions] = [:]
        var root = FeedReadOptions()
        var rootIsSet = false
        if let node = fields["date_format"], !Self.isNull(node) {
            root.dateFormat = try dateFormat(node, at: "date_format")
            rootIsSet = true
        }
        if let node = fields["encoding"], !Self.isNull(node) {
            root.encoding = try encoding(node, at: "encoding")
            rootIsSet = true
        }
        if rootIsSet {
            for feed in Feed.allCases { options[feed] = root }
        }
        guard let feedsNode = fields["feeds"], !Self.isNull(feedsNode) else { return options }
        let entries = try mapping(feedsNode, at: "feeds", keys: Feed.allCases.map(\.rawValue))
        for feed in Feed.allCases {
            guard let node = entries[feed.rawValue], !Self.isNull(node) else { continue }
            let path = "feeds.\(feed.rawValue)"
            let settings = try mapping(node, at: path, keys: Self.feedKeys)
            var feedOptions = options[feed] ?? FeedReadOptions()
            if let formatNode = settings["date_format"], !Self.isNull(formatNode) {
                feedOptions.dateFormat = try dateFormat(formatNode, at: "\(path).date_format")
            }
            if let encodingNode = settings["encoding"], !Self.isNull(encodingNode) {
                feedOptions.encoding = try encoding(encodingNode, at: "\(path).encoding")
            }
            if let columnsNode = settings["columns"], !Self.isNull(columnsNode) {
                feedOptions.columns = try columns(columnsNode, of: feed, at: "\(path).columns")
            }
            if let filesNode = settings["files"], !Self.isNull(filesNode) {
                feedOptions.files = try fileSettings(filesNode, at: "\(path).files")
            }
            options[feed] = feedOptions
        }
        return options
    }

    /// A feed's `columns:`: each key a column of the feed, each value the header name the exports give it, no two
    /// the same (names are matched case-insensitively).
    private mutating func columns(
        _ node: Node, of feed: Feed, at path: String
    ) throws(CampaignCalendarError) -> [String: String] {
        let known = feed.knownColumns.sorted { lhs, rhs in
            Self.columnOrder(lhs, of: feed) < Self.columnOrder(rhs, of: feed)
        }
        if case .mapping(let mapping) = node {
            // The likely mistake, header name first, is told apart from a misspelt key.
            for keyNode in mapping.keys {
                guard case .scalar(let key) = keyNode, !known.contains(key.string) else { continue }
                throw error(
                    at: keyNode, "\(path).\(key.string)",
                    "\"\(key.string)\" is not a column of \(feed.rawValue) (\(known.joined(separator: ", "))); write "
                        + "<column>: <header name in the export>, such as calls: \"Appels reçus\"")
            }
        }
        let fields = try mapping(node, at: path, keys: known)
        var columns: [String: String] = [:]
        var columnOfName: [String: String] = [:]
        for column in known {
            guard let valueNode = fields[column] else { continue }
            let name = try text(valueNode, at: "\(path).\(column)")
            if let other = columnOfName[name.lowercased()] {
                throw error(
                    at: valueNode, "\(path).\(column)",
                    "\"\(name)\" is already the header name of \(other); each column needs its own")
            }
            columnOfName[name.lowercased()] = column
            columns[column] = name
        }
        return columns
    }

    /// A feed's `files:`: each key a shell pattern of file names (`"historique_*.csv"`), each value the
    /// `date_format:` and `encoding:` of the files it matches, in the order written (the first match wins).
    private mutating func fileSettings(
        _ node: Node, at path: String
    ) throws(CampaignCalendarError) -> [FeedReadOptions.FileSettings] {
        try visit(node, at: path)
        guard case .mapping(let patterns) = node else {
            throw error(
                at: node, path,
                "expected a mapping of file-name patterns to settings, found \(Self.kind(of: node)); write "
                    + "files: { \"historique_*.csv\": { date_format: DD/MM/YYYY } }")
        }
        var settings: [FeedReadOptions.FileSettings] = []
        var patternLines: [String: Int] = [:]
        for (keyNode, value) in patterns {
            try visit(keyNode, at: path)
            guard case .scalar(let keyScalar) = keyNode, !keyScalar.string.isEmpty else {
                throw error(at: keyNode, path, "a file-name pattern must be non-empty text")
            }
            let pattern = keyScalar.string
            let keyPath = "\(path).\(pattern)"
            if let firstLine = patternLines[pattern] {
                throw error(at: keyNode, keyPath, "duplicate pattern (first at line \(firstLine))")
            }
            patternLines[pattern] = keyNode.mark?.line ?? 0
            let fields = try mapping(value, at: keyPath, keys: Self.fileKeys)
            var setting = FeedReadOptions.FileSettings(pattern: pattern)
            if let formatNode = fields["date_format"], !Self.isNull(formatNode) {
                setting.dateFormat = try dateFormat(formatNode, at: "\(keyPath).date_format")
            }
            if let encodingNode = fields["encoding"], !Self.isNull(encodingNode) {
                setting.encoding = try encoding(encodingNode, at: "\(keyPath).encoding")
            }
            guard setting.dateFormat != nil || setting.encoding != nil else {
                throw error(at: value, keyPath, "expected date_format or encoding for the files the pattern matches")
            }
            settings.append(setting)
        }
        return settings
    }

    /// The position of `column` in the feed's documented order (date, timestamp, dimensions, counts).
    private static func columnOrder(_ column: String, of feed: Feed) -> Int {
        (["date", "timestamp"] + feed.dimensionColumns + feed.countColumns).firstIndex(of: column) ?? .max
    }

    private mutating func encoding(_ node: Node, at path: String) throws(CampaignCalendarError) -> TextEncoding {
        let value = try text(node, at: path)
        guard let encoding = TextEncoding(name: value) else {
            throw error(
                at: node, path, "\"\(value)\" is not a supported encoding (utf-8, windows-1252, latin-1)")
        }
        return encoding
    }

    private mutating func dateFormat(_ node: Node, at path: String) throws(CampaignCalendarError) -> DateFormat {
        let value = try text(node, at: path)
        guard let format = DateFormat(rawValue: value.uppercased()) else {
            let supported = DateFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(at: node, path, "\"\(value)\" is not a supported date format (\(supported))")
        }
        return format
    }

    private mutating func holidaySource(_ node: Node) throws(CampaignCalendarError) -> HolidaySource {
        if case .scalar(let scalar) = node {
            guard scalar.string.uppercased() == "FR" else {
                throw error(
                    at: node, "holidays",
                    "\"\(scalar.string)\" is not a built-in holiday calendar (built in: FR); give FR or a list of dates"
                )
            }
            return .builtIn(country: "FR")
        }
        var dates: Set<CivilDate> = []
        for (index, item) in try list(node, at: "holidays").enumerated() {
            dates.insert(try date(item, at: "holidays[\(index)]"))
        }
        return .dates(dates.sorted())
    }

    /// Reads `school_holidays:`: A, B or C (any case), all or none.
    private mutating func schoolHolidayZones(_ node: Node) throws(CampaignCalendarError) -> SchoolHolidayZones {
        let value = try text(node, at: "school_holidays")
        let zones = SchoolHolidayZones(rawValue: value.uppercased()) ?? SchoolHolidayZones(rawValue: value.lowercased())
        guard let zones else {
            throw error(
                at: node, "school_holidays",
                "\"\(value)\" is not a school-holiday zone (A, B, C, all or none)")
        }
        return zones
    }

    /// Reads `periods:`, a list of `{id, name, dates}` where `dates` maps each year to `[first day, last day]`
    /// in that year (the last may fall in the next year, for a period across the new year).
    private mutating func recurringPeriods(_ node: Node?) throws(CampaignCalendarError) -> [RecurringPeriod] {
        var periods: [RecurringPeriod] = []
        var lines: [String: Int] = [:]
        for (index, item) in try list(node, at: "periods").enumerated() {
            let path = "periods[\(index)]"
            let fields = try mapping(item, at: path, keys: Self.periodKeys)
            let (id, idNode) = try identifier(fields, of: item, at: path)
            if let firstLine = lines[id] {
                throw error(
                    at: idNode, "\(path).id", "duplicate period id \"\(id)\" (first declared at line \(firstLine))")
            }
            lines[id] = idNode.mark?.line ?? 0
            let name = try optionalText(fields["name"], at: "\(path).name")
            let datesNode = try required("dates", in: fields, of: item, at: path)
            let datesPath = "\(path).dates"
            try visit(datesNode, at: datesPath)
            guard case .mapping(let years) = datesNode, !years.isEmpty else {
                throw error(
                    at: datesNode, datesPath,
                    "expected a mapping from each year to [first day, last day], found \(Self.kind(of: datesNode))")
            }
            var occurrences: [DayRange] = []
            for (yearNode, rangeNode) in years {
                let yearText = try text(yearNode, at: datesPath)
                let yearPath = "\(datesPath).\(yearText)"
                guard let year = Int(yearText), (1...9999).contains(year) else {
                    throw error(at: yearNode, yearPath, "\"\(yearText)\" is not a year")
                }
                let bounds = try list(rangeNode, at: yearPath)
                guard bounds.count == 2 else {
                    throw error(
                        at: rangeNode, yearPath,
                        "expected [first day, last day], found a list of \(bounds.count) item(s)")
                }
                let first = try date(bounds[0], at: "\(yearPath)[0]")
                let last = try date(bounds[1], at: "\(yearPath)[1]")
                guard first.year == year else {
                    throw error(at: bounds[0], "\(yearPath)[0]", "\(first) is not in \(year)")
                }
                guard let range = DayRange(start: first, end: last) else {
                    throw error(at: bounds[1], "\(yearPath)[1]", "\(last) is before \(first)")
                }
                if let other = occurrences.first(where: { $0.start <= range.end && range.start <= $0.end }) {
                    throw error(
                        at: rangeNode, yearPath,
                        "\(first) to \(last) overlaps the occurrence \(other.start) to \(other.end)")
                }
                occurrences.append(range)
            }
            periods.append(RecurringPeriod(id: id, name: name, occurrences: occurrences, line: item.mark?.line))
        }
        return periods
    }

    private mutating func confidenceLevel(_ node: Node) throws(CampaignCalendarError) -> Double {
        let value = try scalar(node, at: "confidence")
        guard let level = Double(value), level.isFinite else {
            throw error(at: node, "confidence", "\"\(value)\" is not a number")
        }
        guard level > 0.5, level < 1 else {
            throw error(at: node, "confidence", "\(value) is not between 0.5 and 1 (both excluded)")
        }
        return level
    }

    // MARK: - Campaigns and context events

    private mutating func campaign(
        _ node: Node, at path: String, knownHelplines: [String]
    ) throws(CampaignCalendarError) -> (Campaign, idNode: Node) {
        let fields = try mapping(node, at: path, keys: Self.campaignKeys)
        let (id, idNode) = try identifier(fields, of: node, at: path)
        let name = try optionalText(fields["name"], at: "\(path).name")
        let window = try dayRange(fields, of: node, at: path)

        var helplines: [String] = []
        for (index, item) in try list(fields["helplines"], at: "\(path).helplines").enumerated() {
            let itemPath = "\(path).helplines[\(index)]"
            let number = try text(item, at: itemPath)
            guard !number.isEmpty else { throw error(at: item, itemPath, "a helpline id is empty") }
            helplines.append(number)
        }

        var hashtags: [String] = []
        for (index, item) in try list(fields["hashtags"], at: "\(path).hashtags").enumerated() {
            let itemPath = "\(path).hashtags[\(index)]"
            let hashtag = try text(item, at: itemPath)
            guard !Hashtag.key(hashtag).isEmpty else {
                throw error(at: item, itemPath, "\"\(hashtag)\" is not a hashtag")
            }
            hashtags.append(hashtag)
        }

        var banners: [String]?
        if let bannersNode = fields["banners"], !Self.isNull(bannersNode) {
            var values: [String] = []
            for (index, item) in try list(bannersNode, at: "\(path).banners").enumerated() {
                values.append(try text(item, at: "\(path).banners[\(index)]"))
            }
            banners = values
        }

        var baseline: DayRange?
        if let baselineNode = fields["baseline"], !Self.isNull(baselineNode) {
            let baselinePath = "\(path).baseline"
            let baselineFields = try mapping(baselineNode, at: baselinePath, keys: Self.baselineKeys)
            let range = try dayRange(baselineFields, of: baselineNode, at: baselinePath)
            if range.start <= window.end, window.start <= range.end {
                throw error(
                    at: baselineNode, baselinePath,
                    "baseline \(range.start) to \(range.end) overlaps the campaign window \(window.start) to \(window.end)"
                )
            }
            baseline = range
        }

        var controls: [String] = []
        for (index, item) in try list(fields["controls"], at: "\(path).controls").enumerated() {
            let itemPath = "\(path).controls[\(index)]"
            let control = try text(item, at: itemPath)
            let parts = control.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, Self.controlMetrics.contains(String(parts[0])), !parts[1].isEmpty else {
                throw error(
                    at: item, itemPath,
                    "\"\(control)\" is not a control series: write <metric>:<key> with metric calls, answered, "
                        + "videos or views (such as calls:3919)")
            }
            controls.append(control)
        }

        var carryover = Campaign.defaultCarryover
        if let carryoverNode = fields["carryover"], !Self.isNull(carryoverNode) {
            carryover = try days(carryoverNode, at: "\(path).carryover", minimum: 0)
        }

        let campaign = Campaign(
            id: id, name: name, window: window, helplines: helplines, hashtags: hashtags, banners: banners,
            baseline: baseline, controls: controls, carryover: carryover, line: node.mark?.line)
        return (campaign, idNode)
    }

    private mutating func contextEvent(
        _ node: Node, at path: String
    ) throws(CampaignCalendarError) -> (ContextEvent, idNode: Node) {
        let fields = try mapping(node, at: path, keys: Self.contextKeys)
        let (id, idNode) = try identifier(fields, of: node, at: path)
        let name = try optionalText(fields["name"], at: "\(path).name")
        let window = try dayRange(fields, of: node, at: path)
        var gradualReturn: ContextReturn?
        let endsOverNode = fields["ends_over"].flatMap { Self.isNull($0) ? nil : $0 }
        let returnNode = fields["return"].flatMap { Self.isNull($0) ? nil : $0 }
        var shape = ContextReturn.Shape.linear
        if let returnNode {
            let value = try text(returnNode, at: "\(path).return")
            guard let parsed = ContextReturn.Shape(rawValue: value) else {
                throw error(
                    at: returnNode, "\(path).return", "\"\(value)\" is not a return shape (linear or exponential)")
            }
            guard endsOverNode != nil else {
                throw error(
                    at: returnNode, "\(path).return",
                    "\"return\" needs \"ends_over\": the number of days over which the effect ends")
            }
            shape = parsed
        }
        if let endsOverNode {
            let days = try days(endsOverNode, at: "\(path).ends_over", minimum: 0)
            // 0 days is an effect that stops on the last day, as without the key.
            if days > 0 { gradualReturn = ContextReturn(days: days, shape: shape) }
        }
        return (ContextEvent(id: id, name: name, window: window, gradualReturn: gradualReturn), idNode)
    }

    /// A whole number of days from `minimum` to `longestTailDays`, written as a plain integer (`14`, not
    /// `14.0` or `two weeks`).
    private mutating func days(_ node: Node, at path: String, minimum: Int) throws(CampaignCalendarError) -> Int {
        let value = try scalar(node, at: path).trimmingCharacters(in: .whitespaces)
        let digits = value.hasPrefix("-") ? value.dropFirst() : Substring(value)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let days = Int(value) else {
            throw error(at: node, path, "\"\(value)\" is not a whole number of days (such as 14)")
        }
        guard days >= minimum, days <= Self.longestTailDays else {
            throw error(at: node, path, "\(days) is not between \(minimum) and \(Self.longestTailDays) days")
        }
        return days
    }

    /// Reads `id`, which becomes part of file names: letters, digits, `.`, `_`, `-`, starting with a letter or
    /// digit, never `..`, so that no id can reach outside the output folder.
    private mutating func identifier(
        _ fields: [String: Node], of node: Node, at path: String
    ) throws(CampaignCalendarError) -> (String, Node) {
        let idNode = try required("id", in: fields, of: node, at: path)
        let id = try text(idNode, at: "\(path).id")
        guard Self.isSafeIdentifier(id) else {
            throw error(
                at: idNode, "\(path).id",
                "\"\(id)\" is not a valid id (letters, digits, \".\", \"_\" and \"-\", starting with a letter or "
                    + "digit, at most 100 characters, no \"..\")")
        }
        return (id, idNode)
    }

    static func isSafeIdentifier(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, bytes.count <= 100, isAlphanumeric(first), !id.contains("..") else {
            return false
        }
        return bytes.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Reads the required `start` and `end` of a window; `end` may equal `start` (a one-day window).
    private mutating func dayRange(
        _ fields: [String: Node], of node: Node, at path: String
    ) throws(CampaignCalendarError) -> DayRange {
        let startNode = try required("start", in: fields, of: node, at: path)
        let endNode = try required("end", in: fields, of: node, at: path)
        let start = try date(startNode, at: "\(path).start")
        let end = try date(endNode, at: "\(path).end")
        guard let range = DayRange(start: start, end: end) else {
            throw error(at: endNode, path, "end \(end) is before start \(start)")
        }
        return range
    }

    // MARK: - Nodes

    /// Checks that `node` is a mapping whose keys are all in `keys`, each once, and returns the values by key.
    private mutating func mapping(
        _ node: Node, at path: String, keys: [String]
    ) throws(CampaignCalendarError) -> [String: Node] {
        try visit(node, at: path)
        guard case .mapping(let mapping) = node else {
            throw error(at: node, path, "expected a mapping, found \(Self.kind(of: node))")
        }
        var values: [String: Node] = [:]
        var keyLines: [String: Int] = [:]
        for (keyNode, value) in mapping {
            try visit(keyNode, at: path)
            guard case .scalar(let keyScalar) = keyNode else {
                throw error(at: keyNode, path, "a key must be plain text, found \(Self.kind(of: keyNode))")
            }
            let key = keyScalar.string
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            guard keys.contains(key) else {
                throw error(at: keyNode, keyPath, "unknown key")
            }
            if let firstLine = keyLines[key] {
                throw error(at: keyNode, keyPath, "duplicate key (first at line \(firstLine))")
            }
            keyLines[key] = keyNode.mark?.line ?? 0
            values[key] = value
        }
        return values
    }

    private func required(
        _ key: String, in fields: [String: Node], of node: Node, at path: String
    ) throws(CampaignCalendarError) -> Node {
        guard let value = fields[key], !Self.isNull(value) else {
            throw error(at: node, path, "missing required key \"\(key)\"")
        }
        return value
    }

    /// The items of a list; an absent or null value is the empty list.
    private mutating func list(_ node: Node?, at path: String) throws(CampaignCalendarError) -> [Node] {
        guard let node, !Self.isNull(node) else { return [] }
        try visit(node, at: path)
        guard case .sequence(let sequence) = node else {
            throw error(at: node, path, "expected a list, found \(Self.kind(of: node))")
        }
        return Array(sequence)
    }

    /// The text of a scalar, as written (a date-looking or number-looking scalar is read as its text).
    private mutating func scalar(_ node: Node, at path: String) throws(CampaignCalendarError) -> String {
        try visit(node, at: path)
        guard case .scalar(let scalar) = node else {
            throw error(at: node, path, "expected a text value, found \(Self.kind(of: node))")
        }
        return scalar.string
    }

    /// Non-empty text, trimmed of surrounding spaces.
    private mutating func text(_ node: Node, at path: String) throws(CampaignCalendarError) -> String {
        let value = try scalar(node, at: path).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty, !Self.isNull(node) else {
            throw error(at: node, path, "expected a non-empty text value")
        }
        return value
    }

    private mutating func optionalText(_ node: Node?, at path: String) throws(CampaignCalendarError) -> String? {
        guard let node, !Self.isNull(node) else { return nil }
        return try text(node, at: path)
    }

    private mutating func date(_ node: Node, at path: String) throws(CampaignCalendarError) -> CivilDate {
        let value = try scalar(node, at: path)
        guard let date = CivilDate(iso8601: value) else {
            throw error(at: node, path, "\"\(value)\" is not a date")
        }
        guard date.isInSupportedYears else {
            throw error(at: node, path, date.outsideSupportedYearsMessage)
        }
        return date
    }

    private mutating func visit(_ node: Node, at path: String) throws(CampaignCalendarError) {
        visitedNodes += 1
        guard visitedNodes <= nodeBudget else {
            throw error(
                at: node, path,
                "the document expands to more than \(nodeBudget) nodes (aliases expanded); refusing to read it")
        }
    }

    /// Whether `node` is YAML's null: an empty value, `~` or `null`, unquoted.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return isNull(node) ? "nothing" : "a text value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func error(at node: Node?, _ keyPath: String, _ message: String) -> CampaignCalendarError {
        CampaignCalendarError(
            file: file, line: node?.mark?.line, column: node?.mark?.column, keyPath: keyPath, message: message)
    }
}
