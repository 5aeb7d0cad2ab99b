import Foundation
import Ingest

/// The whole sample data set for one seed, rendered as files: the four feeds, `campaigns.yaml`,
/// `ground-truth.csv` and `README.md`.
///
/// Every file is UTF-8 with LF line ends and a header line; the feeds hold integers only, so the bytes do not
/// depend on floating-point formatting. The same seed gives the same bytes on every run and machine.
public struct SampleDataSet: Sendable {
    /// The seed `Data/` is generated with.
    public static let defaultSeed: UInt64 = 20_200_504

    /// A file of the data set.
    public struct File: Sendable {
        /// The path relative to the data folder (`helpline_calls/helpline_calls_2019.csv`).
        public let path: String
        /// The contents.
        public let bytes: [UInt8]
    }

    /// The seed the data set was drawn with.
    public let seed: UInt64
    /// The files, in the order they are written.
    public let files: [File]
    /// The realised helpline calls.
    public let helplineSample: HelplineSample

    /// Generates the data set for `seed`.
    public init(seed: UInt64 = SampleDataSet.defaultSeed) {
        self.seed = seed
        let model = HelplineModel()
        let sample = HelplineSample(model: model, seed: seed)
        helplineSample = sample
        var files: [File] = []
        func add(_ path: String, _ text: String) { files.append(File(path: path, bytes: Array(text.utf8))) }

        add("campaigns.yaml", SampleDataSet.campaignsYAML)
        for year in [2019, 2020] {
            add("helpline_calls/helpline_calls_\(year).csv", SampleDataSet.helplineCSV(sample, year: year))
        }
        let banners = BannerModel.sample(seed: seed)
        add("impressions/impressions_2020.csv", SampleDataSet.bannerCSV(banners, metric: "impressions", \.impressions))
        add("clicks/clicks_2020.csv", SampleDataSet.bannerCSV(banners, metric: "clicks", \.clicks))
        var hashtags = "date,hashtag,videos,views\n"
        for row in HashtagModel.sample(seed: seed) {
            hashtags += "\(row.date),\(row.hashtag),\(row.videos),\(row.views)\n"
        }
        add("hashtag_videos/hashtag_videos_2020.csv", hashtags)
        let truth = GroundTruth(model: model)
        add("ground-truth.csv", truth.csv)
        let figures = CalibrationFigures(sample: sample, model: model)
        add("README.md", SampleDataReadme(seed: seed, figures: figures, truth: truth, sample: sample).text)
        self.files = files
    }

    /// Writes every file under `directory`, creating the folders; existing files are replaced.
    public func write(to directory: URL) throws(SampleDataError) {
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url, options: .atomic)
            } catch {
                throw SampleDataError(path: url.path, message: "cannot write: \(error.localizedDescription)")
            }
        }
    }

    /// `campaigns.yaml` in the shape of DESIGN §3.4.
    public static let campaignsYAML: String = {
        func list(_ items: [String]) -> String { "[" + items.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
        var text = """
            # Sample data: synthetic campaigns calibrated to published figures (see README.md).
            timezone: Europe/Paris
            language: fr
            holidays: FR
            campaigns:

            """
        for campaign in SampleCampaign.all {
            text += """
                  - id: \(campaign.id)
                    name: "\(campaign.name)"
                    start: \(campaign.window.start)
                    end: \(campaign.window.end)
                    helplines: \(list(campaign.helplines))
                    hashtags: \(list(campaign.hashtags))
                    banners: \(list(campaign.banners))

                """
            if !campaign.controls.isEmpty {
                text += "    controls: \(list(campaign.controls))\n"
            }
        }
        text += "context:\n"
        for event in SampleCampaign.context {
            text += """
                  - id: \(event.id)
                    name: "\(event.name)"
                    start: \(event.window.start)
                    end: \(event.window.end)

                """
            if let endsOver = event.endsOver {
                text += "    ends_over: \(endsOver)\n"
            }
        }
        return text
    }()

    private static func helplineCSV(_ sample: HelplineSample, year: Int) -> String {
        var text = "date,helpline,calls,answered\n"
        for (index, day) in HelplineModel.period.days.enumerated() where day.year == year {
            for helpline in HelplineModel.helplines {
                let calls = sample.calls[helpline]?[index] ?? 0
                let answered = sample.answered[helpline]?[index] ?? 0
                text += "\(day),\(helpline),\(calls),\(answered)\n"
            }
        }
        return text
    }

    private static func bannerCSV(
        _ rows: [BannerModel.Row], metric: String, _ value: KeyPath<BannerModel.Row, Int>
    )
        -> String
    {
        var text = "date,campaign,banner,placement,region,\(metric)\n"
        for row in rows {
            text += "\(row.date),\(row.campaign),\(row.banner),\(row.placement),\(row.region),\(row[keyPath: value])\n"
        }
        return text
    }
}
