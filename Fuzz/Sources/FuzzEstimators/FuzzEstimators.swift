import Analytics
import Foundation
import FuzzDriver
import Ingest
import Reporting

/// libFuzzer entry point over the estimators and the output writers, with hostile series: counts near
/// `Int64.max`, zeros, gaps, histories of one day or of years.
///
/// The input is a small program (``HostileSeries``) that writes the rows of the four feeds of one campaign; the
/// rows become an `IngestedData` and the series of `SeriesCatalog`. Every input goes through the estimators
/// alone: `WindowComparison` (before/during and year over year) and `WeekChange` on each series,
/// `WeeklySummary`, `WeekComparison` and their tidy tables. An input that asks for it (``HostileSeries/runsTheNight``)
/// then goes through everything a night computes and writes: `CampaignEstimates.estimateAll` (the counterfactual
/// model with its placebo and persistence checks, controls, the funnel) and `NightlyRun.outputs()` (background
/// noise, campaign reports with their charts and cumulative effects, `summary.md`, the tidy tables, `uplift.json`,
/// the notebooks): a hundred times slower in a debug build with the sanitizer, so one input in eight or so. A
/// crash, a sanitizer report or a timeout is a finding; so is an output that cannot be rendered.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count >= HostileSeries.headerSize else { return 0 }
    let input = HostileSeries(bytes: UnsafeBufferPointer(start: start, count: count))
    if let folder = ProcessInfo.processInfo.environment["FUZZ_ESTIMATORS_WRITE_FOLDER"] {
        // A finding becomes a data folder that `awareness run` and the regression tests read.
        input.writeDataFolder(at: folder)
        return 0
    }
    let calendar: CampaignCalendar
    do {
        calendar = try CampaignCalendar.parse(yaml: input.calendarYAML, file: "campaigns.yaml")
    } catch {
        violated("the generated calendar was refused (\(error)):\n\(input.calendarYAML)")
    }
    let data = input.ingestedData
    let series = SeriesCatalog.build(from: data)
    let level = calendar.confidenceLevel
    guard let campaign = calendar.campaigns.first else { violated("the generated calendar has no campaign") }
    // The estimators alone, on every series: cheap enough for hundreds of inputs a second.
    for one in series where one.name.metric.isCount {
        let values = one.values
        if let baseline = campaign.baseline ?? WindowComparison.precedingBaseline(for: campaign.window) {
            _ = WindowComparison(series: values, campaign: campaign.window, baseline: baseline, confidenceLevel: level)
        }
        _ = WindowComparison.yearOverYear(series: values, campaign: campaign.window, confidenceLevel: level)
    }
    for one in series {
        _ = WeekChange.between(
            campaign.window,
            and: DayRange(start: campaign.window.start.adding(days: -28), end: campaign.window.start.adding(days: -1))
                ?? campaign.window, in: one, confidenceLevel: level)
        let week = ISOWeek(containing: campaign.window.start)
        _ = WeekChange.between(
            week, and: ISOWeek(containing: week.monday.adding(days: -364)), in: one, confidenceLevel: level)
    }
    let weekly = WeeklySummary.rows(series: series, campaigns: calendar.campaigns, confidenceLevel: level)
    if let last = series.compactMap(\.span?.end).max() {
        let week = ISOWeek(containing: last)
        _ = TidyCSV.render(
            TidyTables.comparison(
                WeekComparison.rows(
                    week: week, against: ISOWeek(containing: last.adding(days: -7)), series: series,
                    confidenceLevel: level)))
    }
    _ = TidyCSV.render(TidyTables.weekly(weekly))
    _ = TidyCSV.render(TidyTables.daily(series))
    guard input.runsTheNight else { return 0 }
    // The night: models with their placebo and persistence checks, background noise, reports, charts, notebooks.
    let estimates = CampaignEstimates.estimateAll(calendar: calendar, series: series)
    let manifest = RunManifest(
        toolVersion: NightlyRun.version, configPath: "campaigns.yaml", configSHA256: "", inputs: [],
        runTime: "2020-06-01T00:00:00Z")
    let run = NightlyRun(
        calendar: calendar, data: data, series: series, estimates: estimates, manifest: manifest,
        language: input.language)
    do {
        let outputs = try run.outputs()
        guard !outputs.reports.isEmpty, !outputs.notebooks.isEmpty else { violated("a night wrote no outputs") }
    } catch {
        violated("the outputs could not be rendered: \(error)")
    }
    return 0
}

/// Prints why an invariant does not hold and aborts, so that libFuzzer saves the input.
func violated(_ message: String) -> Never {
    FileHandle.standardError.write(Data("invariant violated: \(message)\n".utf8))
    abort()
}

/// A campaign and the rows of its four feeds, decoded from fuzz bytes.
///
/// Header (``headerSize`` bytes): the campaign's first day as days after 2018-01-01 (bytes 0–1, little-endian,
/// modulo the last day's offset below), its length (byte 2: 1 to 64 days, or 365 when its top bit is set),
/// flags (byte 3: bit 0 an explicit baseline right before the window, bit 1 a context event over the window's
/// first week, bit 2 a control series, bit 3 answered calls and views written, bit 4 the French reports, bit 5 a year-earlier baseline
/// instead when the window is shorter than 364 days, bits 6–7 the confidence level), and the whole night run
/// when byte 4's low three bits are all set.
///
/// Then one byte per instruction, its top three bits the operation and its low five bits `n`; each series
/// (calls of `119`, of the control `116006`, videos of `#119`, impressions and clicks of `banner-119`) has its own
/// day, which starts on 2018-01-01:
/// - 0: the series `n` mod 5 becomes the current one;
/// - 1: the count `n` on the current day, then the next day;
/// - 2: skip `n + 1` days (a gap: missing days, not zeros);
/// - 3: the count `Int64.max - n`, then the next day;
/// - 4: the count `2^(32 + n)` (at most `2^62`), then the next day;
/// - 5: the last count again on each of the next `8(n + 1)` days (years of history in a few bytes);
/// - 6: the count in the next 8 bytes (little-endian, sign bit cleared), then the next day;
/// - 7: for banners, the next counts go to the other placement (the series sums both); for the others, go back
///   `n + 1` days (the count written last on a day wins).
///
/// Days past ``lastDay`` are dropped, so that one input cannot ask for more than about eleven years.
struct HostileSeries {
    static let headerSize = 5
    static let firstDay = CivilDate(daysSinceEpoch: 17_532)  // 2018-01-01
    /// The offsets of the last day, from the first, without and with the night run.
    static let lastDayOffsets = (estimators: 1_461, night: 456)

    let campaignStart: CivilDate
    let campaignLength: Int
    let flags: UInt8
    /// Whether the input goes through the models and the night's outputs too.
    let runsTheNight: Bool
    /// The rows by series, then day, then placement (banners only).
    private(set) var counts: [[Int: [Int: Int64]]] = Array(repeating: [:], count: 5)

    var language: ReportLanguage { flags & 0x10 != 0 ? .fr : .en }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        runsTheNight = bytes[4] & 0x07 == 0x07
        let lastDayOffset = runsTheNight ? Self.lastDayOffsets.night : Self.lastDayOffsets.estimators
        campaignStart = Self.firstDay.adding(days: (Int(bytes[0]) | Int(bytes[1]) << 8) % lastDayOffset)
        campaignLength = bytes[2] & 0x80 != 0 ? 365 : Int(bytes[2] & 0x3F) + 1
        flags = bytes[3]
        var current = 0
        var days = Array(repeating: 0, count: 5)
        var placements = Array(repeating: 0, count: 5)
        var last: Int64 = 0
        var index = Self.headerSize
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            let n = Int(byte & 0x1F)
            var written: [Int64] = []
            switch byte >> 5 {
            case 0: current = n % 5
            case 1: written = [Int64(n)]
            case 2: days[current] += n + 1
            case 3: written = [Int64.max - Int64(n)]
            case 4: written = [Int64(1) << min(32 + n, 62)]
            case 5: written = Array(repeating: last, count: 8 * (n + 1))
            case 6:
                var value: UInt64 = 0
                for offset in 0..<8 where index + offset < bytes.count {
                    value |= UInt64(bytes[index + offset]) << (8 * offset)
                }
                index += 8
                written = [Int64(bitPattern: value & UInt64(Int64.max))]
            default:
                if current >= 3 {
                    placements[current] ^= 1
                } else {
                    days[current] = max(0, days[current] - n - 1)
                }
            }
            for value in written where days[current] <= lastDayOffset {
                counts[current][days[current], default: [:]][placements[current]] = value
                days[current] += 1
                last = value
            }
        }
    }

    /// The calendar: one campaign over the series above, its optional baseline, context event and control.
    var calendarYAML: String {
        let end = campaignStart.adding(days: campaignLength - 1)
        let levels = ["0.95", "0.9", "0.99", "0.51"]
        var lines = [
            "timezone: Europe/Paris", "language: \(language.rawValue)", "holidays: FR",
            "confidence: \(levels[Int(flags >> 6)])", "campaigns:", "  - id: banner-119",
            "    name: \"Bannière 119\"", "    start: \(campaignStart)", "    end: \(end)",
            "    helplines: [\"119\"]", "    hashtags: [\"#119\"]", "    banners: [\"banner-119\"]",
        ]
        if flags & 0x01 != 0 {
            let baselineStart = campaignStart.adding(days: -28)
            lines += ["    baseline:", "      start: \(baselineStart)", "      end: \(campaignStart.adding(days: -1))"]
        } else if flags & 0x20 != 0, campaignLength < 364 {
            // A year earlier, where it does not overlap the window (a baseline may not).
            lines += [
                "    baseline:", "      start: \(campaignStart.adding(days: -364))",
                "      end: \(end.adding(days: -364))",
            ]
        }
        if flags & 0x04 != 0 { lines.append("    controls: [\"calls:116006\"]") }
        if flags & 0x02 != 0 {
            lines += [
                "context:", "  - id: lockdown", "    name: \"Confinement\"", "    start: \(campaignStart)",
                "    end: \(campaignStart.adding(days: min(6, campaignLength - 1)))",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rows as a night's ingest would give them, sorted by key then day.
    var ingestedData: IngestedData {
        var data = IngestedData()
        let withCompanions = flags & 0x08 != 0
        for (series, helpline) in [(0, "119"), (1, "116006")] {
            for (day, byPlacement) in counts[series].sorted(by: { $0.key < $1.key }) {
                for (_, calls) in byPlacement {
                    data.helplineCalls.append(
                        HelplineDay(
                            date: Self.firstDay.adding(days: day), helpline: helpline, calls: calls,
                            answered: withCompanions ? calls / 2 : nil))
                }
            }
        }
        for (day, byPlacement) in counts[2].sorted(by: { $0.key < $1.key }) {
            for (_, videos) in byPlacement {
                data.hashtagVideos.append(
                    HashtagDay(
                        date: Self.firstDay.adding(days: day), spelling: "#119", videos: videos,
                        views: withCompanions ? videos : nil))
            }
        }
        for (series, keyPath) in [(3, \IngestedData.impressions), (4, \IngestedData.clicks)] {
            var rows: [BannerDay] = []
            for (day, byPlacement) in counts[series].sorted(by: { $0.key < $1.key }) {
                for (placement, count) in byPlacement.sorted(by: { $0.key < $1.key }) {
                    rows.append(
                        BannerDay(
                            date: Self.firstDay.adding(days: day), campaign: "banner-119", banner: "b1",
                            placement: placement == 0 ? "search" : "discover", region: "", count: count))
                }
            }
            data[keyPath: keyPath] = rows
        }
        return data
    }
}

extension HostileSeries {
    /// Writes the input as a data folder: `campaigns.yaml` and one daily CSV file per feed that has rows, which the
    /// ingest reads back as ``ingestedData``.
    func writeDataFolder(at path: String) {
        var files = ["campaigns.yaml": calendarYAML]
        let data = ingestedData
        let withCompanions = flags & 0x08 != 0
        if !data.helplineCalls.isEmpty {
            files["helpline_calls/a.csv"] =
                (withCompanions ? "date,helpline,calls,answered\n" : "date,helpline,calls\n")
                + data.helplineCalls.map { row in
                    "\(row.date),\(row.helpline),\(row.calls)" + (row.answered.map { ",\($0)" } ?? "") + "\n"
                }.joined()
        }
        if !data.hashtagVideos.isEmpty {
            files["hashtag_videos/a.csv"] =
                (withCompanions ? "date,hashtag,videos,views\n" : "date,hashtag,videos\n")
                + data.hashtagVideos.map { row in
                    "\(row.date),\(row.spelling),\(row.videos)" + (row.views.map { ",\($0)" } ?? "") + "\n"
                }.joined()
        }
        for (feed, rows) in [("impressions", data.impressions), ("clicks", data.clicks)] where !rows.isEmpty {
            files["\(feed)/a.csv"] =
                "date,campaign,banner,placement,\(feed)\n"
                + rows.map { "\($0.date),\($0.campaign),\($0.banner),\($0.placement),\($0.count)\n" }.joined()
        }
        for (name, text) in files {
            let url = URL(fileURLWithPath: path).appendingPathComponent(name)
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            } catch {
                violated("\(url.path) could not be written: \(error)")
            }
        }
    }
}

// MARK: - Entry point

/// The executable's `main` under the name SwiftPM gives it (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzEstimators_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
