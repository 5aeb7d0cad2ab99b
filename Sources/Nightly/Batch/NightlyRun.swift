import Analytics
import Foundation
import Ingest
import Reporting

/// One file of a run's outputs: its path relative to its output folder and its contents.
public struct OutputFile: Sendable, Equatable {
    /// The path relative to the output folder, `/`-separated (`campaigns/banner-119.md`).
    public let path: String
    /// The UTF-8 text.
    public let contents: String

    /// Creates a file.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// Everything `awareness run` writes, computed without touching the disk: the reports folder and the
/// notebooks folder, each as an ordered list of files (DESIGN §5).
public struct RunOutputs: Sendable, Equatable {
    /// The files of the reports folder (`summary.md`, `campaigns/`, `charts/`, tidy tables, manifest).
    public let reports: [OutputFile]
    /// The files of the notebooks folder (`<id>.ipynb`, `README.md`).
    public let notebooks: [OutputFile]
    /// The ids of campaigns whose headline could not be estimated.
    public let unestimatedCampaigns: [String]

    /// Creates the outputs from their files.
    public init(reports: [OutputFile], notebooks: [OutputFile], unestimatedCampaigns: [String] = []) {
        self.reports = reports
        self.notebooks = notebooks
        self.unestimatedCampaigns = unestimatedCampaigns
    }
}

/// The nightly batch after ingest and analysis: renders the data, the night's analysis and the manifest as
/// ``RunOutputs``. Pure: the same inputs always give the same bytes (only the manifest's run time, an input,
/// varies between nights). It words and lays out what ``NightAnalysis`` decided and computes nothing of its own.
public struct NightlyRun: Sendable {
    /// The night's analysis: series, estimates, chart figures, weekly rows and the latest week.
    public let analysis: NightAnalysis
    /// The ingested data.
    public let data: IngestedData
    /// The run manifest.
    public let manifest: RunManifest
    /// The language of reports and notebooks.
    public let language: ReportLanguage
    /// Whether campaign reports carry each chart as a Mermaid block too (`run --mermaid`), for viewers that
    /// render Mermaid (GitHub, GitLab); elsewhere a Mermaid block shows as code, so it is off by default.
    public var includesMermaid = false
    /// Whether the tidy tables are also written for a French spreadsheet (`run --excel`), in `excel/`: `;`, a
    /// decimal comma and a UTF-8 byte order mark (``TidyCSV/Dialect/frenchSpreadsheet``).
    public var includesSpreadsheetCopies = false

    /// The version written in the manifest.
    public static let version = "0.1.0"

    /// Creates the run.
    public init(analysis: NightAnalysis, data: IngestedData, manifest: RunManifest, language: ReportLanguage) {
        self.analysis = analysis
        self.data = data
        self.manifest = manifest
        self.language = language
    }

    /// The calendar of the data folder.
    public var calendar: CampaignCalendar { analysis.calendar }
    /// The daily series (`SeriesCatalog.build(from:)`).
    public var series: [DailySeries] { analysis.series }
    /// Every campaign's estimates, in calendar order.
    public var estimates: [CampaignEstimates] { analysis.estimates }

    /// The campaign reports, in calendar order.
    public var reports: [CampaignReport] {
        analysis.campaigns.map { campaign in
            CampaignReport(
                analysis: campaign, data: data, confidenceLevel: calendar.confidenceLevel, language: language,
                context: calendar.context)
        }
    }

    /// `report.html`: the summary and every campaign report of `files`, with their charts inline.
    func mailReport(summary: SummaryReport, files: [OutputFile]) -> MailReport {
        let markdown = summary.markdown
        let heading = markdown.split(separator: "\n").first.map { String($0.drop { $0 == "#" || $0 == " " }) }
        var parts = [MailReport.Part(campaign: nil, markdown: markdown)]
        var charts: [String: String] = [:]
        for file in files {
            if file.path.hasPrefix("campaigns/"), file.path.hasSuffix(".md") {
                let id = String(file.path.dropFirst("campaigns/".count).dropLast(".md".count))
                parts.append(MailReport.Part(campaign: id, markdown: file.contents))
            } else if file.path.hasPrefix("charts/") {
                charts[file.path] = file.contents
            }
        }
        return MailReport(title: heading ?? "awareness", language: language, parts: parts, charts: charts)
    }

    /// Every output file.
    public func outputs() throws -> RunOutputs {
        let reports = self.reports
        var files: [OutputFile] = []
        let summary = SummaryReport(
            reports: reports, latestWeek: analysis.latestWeek, confidenceLevel: calendar.confidenceLevel,
            language: language)
        files.append(OutputFile(path: "summary.md", contents: summary.markdown))
        for report in reports {
            let id = report.estimates.campaign.id
            files.append(
                OutputFile(
                    path: "campaigns/\(id).md",
                    contents: report.markdown(chartFolder: "../charts", mermaid: includesMermaid)))
            for case .chart(let chart) in report.blocks {
                files.append(OutputFile(path: "charts/\(chart.fileName)", contents: chart.svg))
            }
        }
        files.append(OutputFile(path: "report.html", contents: mailReport(summary: summary, files: files).html))
        let upliftRows = estimates.flatMap(\.rows)
        // Each tidy table is built once, for its plain file and, with `--excel`, its spreadsheet copy.
        let daily = TidyTables.daily(series)
        let weekly = TidyTables.weekly(analysis.weeklyRows)
        let uplift = TidyTables.uplift(upliftRows)
        let rejects = TidyTables.rejects(data)
        let revisions = TidyTables.revisions(data)
        files.append(OutputFile(path: "daily.csv", contents: TidyCSV.render(daily)))
        files.append(OutputFile(path: "weekly.csv", contents: TidyCSV.render(weekly)))
        files.append(OutputFile(path: "uplift.csv", contents: TidyCSV.render(uplift)))
        files.append(OutputFile(path: "uplift.json", contents: TidyJSON.render(upliftJSON(upliftRows))))
        files.append(OutputFile(path: "rejects.csv", contents: TidyCSV.render(rejects)))
        files.append(OutputFile(path: "revisions.csv", contents: TidyCSV.render(revisions)))
        if includesSpreadsheetCopies {
            let tables = [
                ("daily", daily), ("weekly", weekly), ("uplift", uplift), ("rejects", rejects),
                ("revisions", revisions),
            ]
            for (name, table) in tables {
                files.append(
                    OutputFile(path: "excel/\(name).csv", contents: TidyCSV.render(table, dialect: .frenchSpreadsheet)))
            }
        }
        files.append(OutputFile(path: "run-manifest.json", contents: try manifest.json()))

        var notebooks = [
            OutputFile(
                path: "README.md",
                contents: ReportWording(language: language).notebooksReadme)
        ]
        for report in reports {
            notebooks.append(
                OutputFile(
                    path: "\(report.estimates.campaign.id).ipynb",
                    contents: CampaignNotebook.notebook(report).json))
        }
        // A name two outputs share would write one over the other: the night stops instead.
        for folder in [files, notebooks] {
            var seen: Set<String> = []
            for file in folder where !seen.insert(file.path).inserted {
                throw OutputFolderError.duplicateName(file.path)
            }
        }
        return RunOutputs(
            reports: files, notebooks: notebooks, unestimatedCampaigns: analysis.unestimatedCampaigns)
    }

    /// `uplift.json`: `estimates` (the rows of `uplift.csv`); `daily`, the observed and expected counts
    /// of every call and video series of every campaign over its chart span (``ChartedSeries/span``);
    /// and `cumulative`, for each modelled one of those series and each campaign day with data, the observed,
    /// expected and extra counts since the campaign's first day with the extra count's interval
    /// (``CumulativeEffect``).
    func upliftJSON(_ rows: [UpliftRow]) -> JSONValue {
        var daily: [JSONValue] = []
        var cumulative: [JSONValue] = []
        for campaign in analysis.campaigns {
            let id = JSONValue.string(campaign.campaign.id)
            for one in campaign.charted {
                let series = JSONValue.string(one.estimate.series.description)
                for day in one.cumulative?.days ?? [] {
                    cumulative.append(
                        .object([
                            "campaign": id, "series": series,
                            "date": .string(day.date.description), "observed": .number(day.observed),
                            "expected": .number(day.expected), "extra": .number(day.extra),
                            "extra_low": .number(day.extraInterval.lower),
                            "extra_high": .number(day.extraInterval.upper),
                        ]))
                }
                for row in one.days {
                    daily.append(
                        .object([
                            "campaign": id, "series": series,
                            "date": .string(row.date.description),
                            "observed": row.observed.map(JSONValue.number) ?? .null,
                            "expected": row.expected.map(JSONValue.number) ?? .null,
                            "expected_low": row.expectedLow.map(JSONValue.number) ?? .null,
                            "expected_high": row.expectedHigh.map(JSONValue.number) ?? .null,
                            "in_window": .bool(row.inWindow),
                        ]))
                }
            }
        }
        return .object([
            "estimates": TidyJSON.rows(TidyTables.uplift(rows)), "daily": .array(daily),
            "cumulative": .array(cumulative),
        ])
    }
}

extension NightlyRun {
    /// The folder a night with bad data writes its diagnostics into instead of replacing the outputs:
    /// `<reports>.failed`, beside the reports folder.
    public static func diagnosticsPath(forReports reportsPath: String) -> String {
        (reportsPath as NSString).standardizingPath + ".failed"
    }

    /// What a night whose verdict fails (``NightVerdict``) writes instead of the outputs: `rejects.csv`,
    /// `run-manifest.json` and `failed-night.md`, which lists in the report's language every reason the night
    /// failed, says that last night's outputs were kept, and what to fix; `quality` is the data-quality block
    /// `validate` prints, with the verdict, quoted whole in the report's language.
    public func diagnostics(
        quality: DataQualitySummary, reportsPath: String, rejectRate: Double, maxRejectRate: Double
    ) throws
        -> [OutputFile]
    {
        let wording = ReportWording(language: language)
        var text = "# " + wording.failedNightTitle + "\n\n"
        text += wording.failedNight(
            reasons: quality.verdict.reasons.map { $0.text(in: language) }, reportsPath: reportsPath)
        var summary = quality
        summary.language = language
        let block = summary.text
        text += "\n\n```text\n" + block + (block.hasSuffix("\n") ? "" : "\n") + "```\n"
        return [
            OutputFile(path: "failed-night.md", contents: text),
            OutputFile(path: "rejects.csv", contents: TidyCSV.render(TidyTables.rejects(data))),
            OutputFile(path: "run-manifest.json", contents: try manifest.json()),
        ]
    }
}

extension RunOutputs {
    /// Writes the reports into `reportsPath` and the notebooks into `notebooksPath` as one (``NightOutputs``),
    /// creating their parent folders; the folders are not checked (``OutputPlan`` is the run's check).
    ///
    /// A failure while writing either folder leaves both previous folders in place.
    public func write(reportsPath: String, notebooksPath: String) throws {
        let destination = try NightOutputs(
            reports: reportsPath, notebooks: notebooksPath,
            diagnostics: NightlyRun.diagnosticsPath(forReports: reportsPath))
        defer { destination.release() }
        try destination.write(self)
    }
}
