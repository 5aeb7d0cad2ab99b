import Analytics
import Ingest

/// The words of the reports in English or French: every label and sentence of the reports, charts, notebooks
/// and the failed night's note is a member of this type, with the data it quotes as parameters. Members are
/// grouped by subject: series and methods here, table labels in `ReportWording+Labels.swift`, charts, the
/// campaign report, its headline, the summary, the query commands' tables, the data-quality summary and the words
/// that go with formatted weeks and changes in their own files (all in `Sources/Reporting/Vocabulary`). Every
/// choice between the two languages goes through one `pick` (``ReportLanguage/pick(_:_:)``), so neither the
/// wording nor the report assembly tests the language itself. Typed outcomes are worded by their own extensions,
/// one way: `text(in:)` when the language is all they need (`CalendarWarning.text(in:)`), `text(_:)` with the
/// wording when they quote names the calendar gives (`EstimateNote.text(_:)`).
///
/// Labels are plain text; escape them for markdown with ``Markdown/escape(_:)`` (charts escape their own).
public struct ReportWording: Sendable, Equatable {
    /// The language of the text.
    public let language: ReportLanguage
    /// The number and date formatter of that language.
    public let format: HumanFormat
    /// Hashtags as campaigns.yaml writes them, without `#`, by their key (`alloenfanceendanger` →
    /// `AlloEnfanceEnDanger`): a series is matched by its key but named as written.
    public let spellings: [String: String]
    /// The names campaigns.yaml gives its context events, by id (`lockdown-2` → `Deuxième confinement`): the
    /// model and the tidy files know an event by its id, people by its name.
    public let contextNames: [String: String]

    /// Creates the wording for `language`, naming the hashtag series of `hashtags` (as campaigns.yaml writes
    /// them) as written and the events of `context` by their names; the first spelling of a key and the first
    /// name of an id win. Without `context`, events are named by their ids, as in the tidy files.
    public init(language: ReportLanguage, hashtags: [String] = [], context: [ContextEvent] = []) {
        self.language = language
        self.format = HumanFormat(language: language)
        var spellings: [String: String] = [:]
        for hashtag in hashtags {
            let written = Hashtag.written(hashtag)
            let key = Hashtag.key(hashtag)
            if spellings[key] == nil, !written.isEmpty { spellings[key] = written }
        }
        self.spellings = spellings
        self.contextNames = Dictionary(context.map { ($0.id, $0.name) }) { first, _ in first }
    }

    /// The wording of `language` with the spellings of every hashtag the campaigns name and the names of the
    /// context events of `context`.
    public init(language: ReportLanguage, campaigns: [Campaign], context: [ContextEvent] = []) {
        self.init(language: language, hashtags: campaigns.flatMap(\.hashtags), context: context)
    }

    /// A hashtag key as campaigns.yaml writes it, or the key.
    public func hashtag(_ key: String) -> String { spellings[key] ?? key }

    /// The name of the context event `id` as campaigns.yaml gives it, nil when the wording has none (the tidy
    /// files, which name events by their ids).
    public func contextName(_ id: String) -> String? { contextNames[id] }

    /// `: ` in English, ` : ` with a no-break space in French.
    public var colon: String { pick(": ", "\u{00A0}: ") }

    /// `; ` in English, ` ; ` with a narrow no-break space in French.
    public var semicolon: String { pick("; ", "\u{202F}; ") }

    /// What a series measures, for people: `Calls to 119`, `Videos under #nonauharcelement`,
    /// `Banner impressions (banner-119, search)` / `Appels au 119`, `Vidéos sous #nonauharcelement`.
    public func seriesLabel(_ name: SeriesName) -> String {
        let detail = name.placement.map { "\(name.key), \($0)" } ?? name.key
        switch name.metric {
        case .calls: return pick("Calls to \(name.key)", "Appels au \(name.key)")
        case .answered: return pick("Answered calls to \(name.key)", "Appels décrochés au \(name.key)")
        case .videos: return pick("Videos under #\(hashtag(name.key))", "Vidéos sous #\(hashtag(name.key))")
        case .views: return pick("Views of #\(hashtag(name.key)) videos", "Vues des vidéos #\(hashtag(name.key))")
        case .impressions: return pick("Banner impressions (\(detail))", "Impressions de la bannière (\(detail))")
        case .clicks: return pick("Banner clicks (\(detail))", "Clics sur la bannière (\(detail))")
        case .ctr: return pick("Click-through rate (\(detail))", "Taux de clics (\(detail))")
        }
    }

    /// The plural noun of what a series counts: `calls`, `videos` / `appels`, `vidéos`.
    public func noun(_ metric: SeriesName.Metric) -> String {
        switch metric {
        case .calls, .answered: return pick("calls", "appels")
        case .videos: return pick("videos", "vidéos")
        case .views: return pick("views", "vues")
        case .impressions: return pick("impressions", "impressions")
        case .clicks, .ctr: return pick("clicks", "clics")
        }
    }

    /// Whether the French noun of `metric` is feminine (for the agreement of `reçus`/`publiées`).
    func isFeminine(_ metric: SeriesName.Metric) -> Bool {
        switch metric {
        case .videos, .views, .impressions: return true
        case .calls, .answered, .clicks, .ctr: return false
        }
    }

    /// The past participle of what happened to the counted things: `received` / `reçus`, `posted` /
    /// `publiées`.
    public func received(_ metric: SeriesName.Metric) -> String {
        switch metric {
        case .calls, .answered: return pick("received", "reçus")
        case .videos: return pick("posted", "publiées")
        default: return pick("recorded", isFeminine(metric) ? "enregistrées" : "enregistrés")
        }
    }

    /// `expected` / `attendus` or `attendues`.
    public func expected(_ metric: SeriesName.Metric) -> String {
        pick("expected", isFeminine(metric) ? "attendues" : "attendus")
    }

    /// The confidence level as a percentage: `95%` / `95 %`.
    public func level(_ confidenceLevel: Double) -> String {
        format.percent(confidenceLevel)
    }

    /// The sentence that says a model attributes part of the change to context events overlapping the window,
    /// with their names and days (from `names`), and where the estimate without them is.
    public func overlappingContext(_ ids: [String], names: [ContextEvent]) -> String {
        let described = ids.map { id -> String in
            guard let event = names.first(where: { $0.id == id }) else { return id }
            return "\(event.name) (\(format.dateRange(event.window)))"
        }.joined(separator: ", ")
        return pick(
            "The model attributes part of the change to the context event \(described), which overlaps the "
                + "period; the row \(method(.modelWithoutContext)) (model_without_context in csv and json) gives the "
                + "estimate without that adjustment.",
            "Le modèle attribue une partie de l'évolution à l'événement \(described), qui chevauche la période\u{202F}; "
                + "la ligne \(method(.modelWithoutContext)) (model_without_context en csv et json) donne l'estimation "
                + "sans cet ajustement.")
    }

    /// The name of an estimation method in tables.
    public func method(_ method: UpliftRow.Method) -> String {
        switch method {
        case .window: return pick("Before vs during", "Avant / pendant")
        case .yearOverYear: return pick("Year over year", "Sur un an")
        case .model: return pick("Seasonal model", "Modèle saisonnier")
        case .modelWithoutContext: return pick("Model without the overlapping events", "Modèle sans les événements")
        case .placebo: return pick("Placebo (just before)", "Placebo (juste avant)")
        case .persistence: return pick("After the campaign", "Après la campagne")
        }
    }

    /// A count, or the not-available dash.
    func count(_ value: Double?) -> String {
        value.map(format.count) ?? HumanFormat.notAvailable
    }

    /// A signed change, or the not-available dash.
    func change(_ value: Double?) -> String {
        value.map(format.change) ?? HumanFormat.notAvailable
    }

    /// An interval of counts, or the dash.
    func countInterval(_ lower: Double?, _ upper: Double?) -> String {
        guard let lower, let upper else { return HumanFormat.notAvailable }
        return format.countInterval(lower: lower, upper: upper)
    }

    /// An interval of changes, or the dash.
    func changeInterval(_ lower: Double?, _ upper: Double?) -> String {
        guard let lower, let upper else { return HumanFormat.notAvailable }
        return format.changeInterval(lower: lower, upper: upper)
    }

    /// A p-value, or the dash.
    func pValue(_ value: Double?) -> String {
        value.map(format.pValue) ?? HumanFormat.notAvailable
    }

    /// A number with `digits` decimals, or the dash.
    func decimal(_ value: Double?, _ digits: Int) -> String {
        value.map { format.decimal($0, fractionDigits: digits) } ?? HumanFormat.notAvailable
    }
}

extension ReportWording {
    /// The text of the wording's language among an English and a French one (``ReportLanguage/pick(_:_:)``).
    func pick(_ english: String, _ french: String) -> String {
        language.pick(english, french)
    }
}
