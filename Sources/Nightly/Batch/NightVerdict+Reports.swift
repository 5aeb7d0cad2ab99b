import Ingest
import Reporting

extension NightVerdict {
    /// The verdict on tonight's `data` against the last night that wrote the reports folder at `reportsPath` (its
    /// `run-manifest.json`, read defensively: none means no history). `run` and `validate --out` both give this one,
    /// so that they agree on the same folders.
    /// A manifest that is there but cannot be read is named in ``unusableManifest``, so that losing the comparison
    /// with last night is said rather than silent.
    public init(data: IngestedData, reportsPath: String, maxRejectRate: Double, maxFileRejectRate: Double) {
        let manifest = RunManifest.lastNightManifest(inReports: reportsPath)
        var lastNight: LastNight?
        if case .read(let read) = manifest { lastNight = read }
        self.init(
            data: data, lastNight: lastNight, maxRejectRate: maxRejectRate, maxFileRejectRate: maxFileRejectRate)
        if case .unusable(let path) = manifest { unusableManifest = path }
    }
}
