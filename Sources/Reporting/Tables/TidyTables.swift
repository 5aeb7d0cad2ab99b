import Analytics
import Ingest

/// The tidy tables of DESIGN §5: the contract with notebooks, spreadsheets and scripts. Column names and
/// order are stable; the same tables are printed by `--format csv|json` on the command line.
public enum TidyTables {
    /// `uplift.csv`: every estimate with its interval, method and inputs (empty cells where a method does not
    /// apply; changes and uplifts as fractions).
    public static func uplift(_ rows: [UpliftRow]) -> TidyTable {
        TidyTable(
            checkedColumns: UpliftRow.columns,
            rows: rows.map { row in
                [
                    .text(row.campaign), .text(row.series.description), .text(row.method.rawValue),
                    .text(row.start.description), .text(row.end.description), .number(row.observed),
                    .number(row.expected), .number(row.expectedLow), .number(row.expectedHigh), .number(row.extra),
                    .number(row.extraLow), .number(row.extraHigh), .number(row.uplift), .number(row.upliftLow),
                    .number(row.upliftHigh), .number(row.pValue), .number(row.dispersion),
                    .text(EstimateNote.joined(row.notes, ReportWording(language: .en))),
                    .number(row.autocorrelationLag1), .number(row.autocorrelationMaximum),
                    row.autocorrelationMaximumLag.map { .integer($0) } ?? .number(nil), .number(row.intervalWidening),
                    .text(row.controls.joined(separator: " ")), .text(row.contextEvents.joined(separator: " ")),
                    .boolean(row.headline),
                    .text(row.cautions.isEmpty ? nil : row.cautions.map(\.rawValue).joined(separator: ";")),
                ]
            })
    }

    /// `weekly.csv`: one row per ISO week and series (for `ctr:` series the value is the CTR and the changes are
    /// differences of CTR).
    public static func weekly(_ rows: [WeeklySummaryRow]) -> TidyTable {
        TidyTable(
            checkedColumns: WeeklySummaryRow.columns,
            rows: rows.map { row in
                [
                    .text(row.week.description), .text(row.series.description), .number(row.value),
                    .integer(row.daysWithData), .number(row.changeVsPrevious), .number(row.changeVsPreviousLow),
                    .number(row.changeVsPreviousHigh), .number(row.changeVsLastYear), .number(row.changeVsLastYearLow),
                    .number(row.changeVsLastYearHigh), .text(row.campaignsText), .boolean(row.anomaly),
                    .text(row.comparedWeekdaysText),
                ]
            })
    }

    /// The columns of `daily.csv`.
    public static let dailyColumns = ["date", "series", "value"]

    /// `daily.csv`: one row per day with data and series, ordered by series then date (missing days absent).
    public static func daily(_ series: [DailySeries]) -> TidyTable {
        TidyTable(
            checkedColumns: dailyColumns,
            rows: series.flatMap { item in
                item.points.map { [.text($0.date.description), .text(item.name.description), .number($0.value)] }
            })
    }

    /// The columns of the period comparison (`awareness compare`). `week` and `against` hold the ISO week
    /// (`2020-W45`) or, for another range, `2020-05-04..2020-05-17`; the last five columns came with ranges of days.
    public static let comparisonColumns = [
        "week", "against", "series", "value", "days_with_data", "against_value", "against_days_with_data",
        "change_kind", "change", "change_low", "change_high", "dispersion", "start", "end", "against_start",
        "against_end", "basis",
    ]

    /// The comparison of one period against another, every series: for counts the change is a rate ratio minus
    /// one, for `ctr:` series a difference of proportions (`change_kind` says which); `basis` is `same_days`
    /// (days at the same position of both periods) or `daily_mean` (periods of different lengths, per day).
    public static func comparison(_ rows: [WeekComparisonRow]) -> TidyTable {
        TidyTable(
            checkedColumns: comparisonColumns,
            rows: rows.map { row in
                [
                    .text(row.period.description), .text(row.against.description), .text(row.series.description),
                    .number(row.value), .integer(row.daysWithData), .number(row.againstValue),
                    .integer(row.againstDaysWithData), .text(row.changeKind.rawValue), .number(row.change),
                    .number(row.changeLow), .number(row.changeHigh), .number(row.dispersion),
                    .text(row.period.days.start.description), .text(row.period.days.end.description),
                    .text(row.against.days.start.description), .text(row.against.days.end.description),
                    .text(row.basis?.rawValue),
                ]
            })
    }

    /// The columns of the funnel breakdown (`awareness funnel`).
    public static let funnelColumns = [
        "campaign", "by", "group", "impressions", "clicks", "ctr", "ctr_low", "ctr_high", "against", "difference",
        "difference_low", "difference_high",
    ]

    /// The funnel of one campaign by one dimension: first a row per group, highest CTR first (`against` and the
    /// difference empty), then a row per pair of groups, the higher CTR in `group` (the counts and CTR empty).
    public static func funnel(_ breakdown: FunnelBreakdown) -> TidyTable {
        let prefix: [TidyCell] = [.text(breakdown.campaign), .text(breakdown.dimension.rawValue)]
        var rows: [[TidyCell]] = breakdown.groups.map { group in
            prefix + [
                .text(group.name), .integer(Int(group.impressions)), .integer(Int(group.clicks)),
                .number(group.ctr.proportion), .number(group.ctr.interval.lower), .number(group.ctr.interval.upper),
                .empty, .empty, .empty, .empty,
            ]
        }
        rows += breakdown.differences.map { pair in
            prefix + [
                .text(pair.first), .empty, .empty, .empty, .empty, .empty, .text(pair.second),
                .number(pair.difference.difference), .number(pair.difference.interval.lower),
                .number(pair.difference.interval.upper),
            ]
        }
        return TidyTable(checkedColumns: funnelColumns, rows: rows)
    }

    /// The columns of `rejects.csv`.
    public static let rejectColumns = ["file", "line", "column", "reason", "value", "record"]

    /// The columns of `revisions.csv`.
    public static let revisionColumns = [
        "file", "line", "date", "feed", "key", "column", "previous", "value", "previous_file", "previous_line",
    ]

    /// The values a later file restated (DESIGN §3): a row per count that changed, at the later file's line, with
    /// the earlier value and where it came from. A count a file leaves empty is an empty cell.
    public static func revisions(_ data: IngestedData) -> TidyTable {
        var rows: [[TidyCell]] = []
        for revision in data.revisions {
            for (index, column) in revision.feed.countColumns.enumerated() {
                let previous = index < revision.previous.count ? revision.previous[index] : nil
                let restated = index < revision.restated.count ? revision.restated[index] : nil
                guard previous != restated else { continue }
                rows.append([
                    .text(revision.file), .integer(revision.line), .text(revision.date.description),
                    .text(revision.feed.rawValue), .text(revision.key), .text(column),
                    .integer(previous.map { Int($0) }), .integer(restated.map { Int($0) }),
                    .text(revision.previousFile),
                    .integer(revision.previousLine),
                ])
            }
        }
        return TidyTable(checkedColumns: revisionColumns, rows: rows)
    }

    /// `rejects.csv`: every rejected row, and one row per refused file (its reason, at the refusal's line).
    public static func rejects(_ data: IngestedData) -> TidyTable {
        var rows: [[TidyCell]] = data.rejects.map { reject in
            [
                .text(reject.file), .integer(reject.line), .integer(reject.column), .text(reject.reason.text(in: .en)),
                .text(reject.value), .text(reject.record),
            ]
        }
        for file in data.refusedFiles {
            guard let failure = file.failure else { continue }
            rows.append([
                .text(file.file), .integer(failure.line), .integer(failure.column),
                .text("file refused: \(failure.reason.text(in: .en))"), .empty, .empty,
            ])
        }
        let wording = ReportWording(language: .en)
        for unlisted in UnlistedRejects.of(data) {
            rows.append([
                .text(unlisted.file), .empty, .empty,
                .text(wording.rejectsNotListed(unlisted.count, limit: IngestLimits.rejectsListedPerFile)), .empty,
                .empty,
            ])
        }
        return TidyTable(checkedColumns: rejectColumns, rows: rows)
    }
}

extension TidyTable {
    /// A table whose rows are built from `columns` in this module, so their widths are known to match.
    init(checkedColumns columns: [String], rows: [[TidyCell]]) {
        self.columns = columns
        self.rows = rows.map { row in
            row.count >= columns.count
                ? Array(row.prefix(columns.count)) : row + Array(repeating: .empty, count: columns.count - row.count)
        }
    }
}
