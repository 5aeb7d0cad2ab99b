import Analytics
import Foundation
import Ingest

/// Writes the simulated series of the calibration table, with awareness's own result for each, for another
/// tool to estimate the same campaigns (`Benchmarks/causalimpact`).
///
/// The folder holds `manifest.csv`, one row per estimated series, and one `<setting>/<simulation>-<campaign>-
/// <case>.csv` per series (`date,calls`, every day from the series' first to the campaign's last; no day is
/// missing in these simulations). Manifest columns: `setting`, `case` (`effect` or `null`), `simulation`,
/// `campaign`, `file` (relative to the folder), `campaign_start`, `campaign_end`, `truth` (the injected uplift,
/// 0 for `null`), `excluded` (the spans before the campaign that awareness leaves out of its fit, other
/// campaigns' windows and carry-over, as `start/end` joined by `;`), `model_uplift`, `model_low`, `model_high`
/// (the model row), `headline_low`, `headline_high` (the row the headline quotes), `cautions` (its codes,
/// joined by `;`) and `seconds` (the pipeline's time for the campaign). Dates are ISO 8601; empty fields are
/// values awareness did not give.
struct FearedCallsExport {
    static let header =
        "setting,case,simulation,campaign,file,campaign_start,campaign_end,truth,excluded,model_uplift,model_low,"
        + "model_high,headline_low,headline_high,cautions,seconds"

    let folder: URL
    private var manifest: [String] = [Self.header]

    /// Creates the folder (and its parents) if needed.
    init(folder: URL) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes `target`'s series of `night` and its manifest row.
    mutating func add(
        _ night: FearedCalls, target: FearedCalls.Target, verdict: FearedVerdict, simulation: Int, effect: Bool,
        exclusions: CampaignExclusions
    ) throws {
        let kind = effect ? "effect" : "null"
        let relative = "\(night.setting.rawValue)/\(simulation)-\(target.campaign.id)-\(kind).csv"
        let values = night.series.first { $0.name == target.series }?.values ?? [:]
        let days = values.keys.filter { $0 <= target.campaign.window.end }.sorted()
        var lines = ["date,calls"]
        lines.reserveCapacity(days.count + 1)
        for day in days {
            lines.append("\(day),\(Self.number(values[day]))")
        }
        let file = folder.appending(path: relative)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let excluded = night.excludedDays(for: target, exclusions: exclusions).map { "\($0.start)/\($0.end)" }
        let figures = verdict.figures
        let fields: [String] = [
            night.setting.rawValue, kind, String(simulation), target.campaign.id, relative,
            target.campaign.window.start.description, target.campaign.window.end.description,
            Self.number(target.truth), excluded.joined(separator: ";"), Self.number(figures?.uplift),
            Self.number(figures?.upliftInterval.lower), Self.number(figures?.upliftInterval.upper),
            Self.number(verdict.quoted?.lower), Self.number(verdict.quoted?.upper),
            (verdict.choice?.cautions.map(\.code.rawValue) ?? []).joined(separator: ";"),
            String(format: "%.6f", verdict.seconds),
        ]
        manifest.append(fields.joined(separator: ","))
    }

    /// Writes `manifest.csv`; call once, after the last series.
    func finish() throws {
        try (manifest.joined(separator: "\n") + "\n").write(
            to: folder.appending(path: "manifest.csv"), atomically: true, encoding: .utf8)
    }

    /// A number as the manifest writes it: integers without a decimal part, others with up to 9 digits, nil
    /// and non-finite values as an empty field.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.9g", value)
    }
}
