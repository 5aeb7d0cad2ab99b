import Ingest

extension NightVerdict {
    /// The verdict on tonight's `data` against the last night that wrote the reports folder at `reportsPath` (its
    /// `run-manifest.json`, read defensively: none means no history). `run` and `validate --out` both give this one,
    /// so that they agree on the same folders.
    public init(data: IngestedData, reportsPath: String, maxRejectRate: Double, maxFileRejectRate: Double) {
        self.init(
            data: data, lastNight: RunManifest.lastNight(inReports: reportsPath), maxRejectRate: maxRejectRate,
            maxFileRejectRate: maxFileRejectRate)
    }
}
