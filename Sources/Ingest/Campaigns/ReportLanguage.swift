/// The language reports are written in, from `language:` in `campaigns.yaml`.
public enum ReportLanguage: String, Sendable, Equatable, CaseIterable {
    /// English.
    case en
    /// French, with French number and date formatting (`15 234`, `+20 %`, `4 mai 2020`).
    case fr
}
