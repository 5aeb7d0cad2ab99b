/// The short labels shared by the report's tables, charts and summary: column headers, legends and section
/// titles.
extension ReportWording {
    /// `Campaign` / `Campagne`.
    public var campaign: String { pick("Campaign", "Campagne") }
    /// `Series` / `Série`.
    public var series: String { pick("Series", "Série") }
    /// `Date` / `Date`.
    public var date: String { pick("Date", "Date") }
    /// `Week` / `Semaine`.
    public var week: String { pick("Week", "Semaine") }
    /// `Value` / `Valeur`.
    public var value: String { pick("Value", "Valeur") }
    /// `Observed` / `Observé`.
    public var observed: String { pick("Observed", "Observé") }
    /// `Expected without the campaign` / `Attendu sans la campagne`.
    public var expectedWithoutCampaign: String { pick("Expected without the campaign", "Attendu sans la campagne") }
    /// `Expected range (95%)` / `Fourchette attendue (95 %)`, the legend of the expected count's band at
    /// `confidenceLevel`.
    public func expectedRange(atLevel confidenceLevel: Double) -> String {
        pick("Expected range (\(level(confidenceLevel)))", "Fourchette attendue (\(level(confidenceLevel)))")
    }
    /// `95% interval` / `Intervalle à 95 %`, the header of a column of intervals at `confidenceLevel` and the
    /// legend of an interval's band.
    public func interval(atLevel confidenceLevel: Double) -> String {
        pick("\(level(confidenceLevel)) interval", "Intervalle à \(level(confidenceLevel))")
    }
    /// `Uplift` / `Évolution`.
    public var uplift: String { pick("Uplift", "Évolution") }
    /// `Extra` / `Supplément`.
    public var extra: String { pick("Extra", "Supplément") }
    /// `p-value` / `Valeur p`.
    public var pValueHeader: String { pick("p-value", "Valeur p") }
    /// `Impressions` / `Impressions`.
    public var impressions: String { pick("Impressions", "Impressions") }
    /// `Clicks` / `Clics`.
    public var clicks: String { pick("Clicks", "Clics") }
    /// `Click-through rate` / `Taux de clics`.
    public var clickThroughRate: String { pick("Click-through rate", "Taux de clics") }
    /// `Placement` / `Emplacement`.
    public var placement: String { pick("Placement", "Emplacement") }
    /// `Campaign window` / `Période de campagne`, also the legend of the shaded window.
    public var campaignWindow: String { pick("Campaign window", "Période de campagne") }
    /// `Week over week` / `Semaine sur semaine`.
    public var weekOverWeek: String { pick("Week over week", "Semaine sur semaine") }
    /// `Days with data` / `Jours avec données`.
    public var daysWithData: String { pick("Days with data", "Jours avec données") }
    /// `Method` / `Méthode`, the column naming each estimate's method and the section of the method note.
    public var methodHeader: String { pick("Method", "Méthode") }
    /// `Dispersion` / `Dispersion`.
    public var dispersion: String { pick("Dispersion", "Dispersion") }
    /// `Placebo check` / `Test placebo`.
    public var placeboCheck: String { pick("Placebo check", "Test placebo") }
    /// `Minimum detectable uplift` / `Hausse minimale détectable`.
    public var minimumDetectableUplift: String { pick("Minimum detectable uplift", "Hausse minimale détectable") }
    /// `Missing days` / `Jours manquants`.
    public var missingDays: String { pick("Missing days", "Jours manquants") }
    /// `Data quality` / `Qualité des données`.
    public var dataQuality: String { pick("Data quality", "Qualité des données") }

}
