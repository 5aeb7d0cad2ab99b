import Analytics
import Ingest
import Reporting
import Testing

@Suite("Formatting for people")
struct HumanFormatTests {
    let english = HumanFormat(language: .en)
    let french = HumanFormat(language: .fr)
    let nnbsp = "\u{202F}"

    func day(_ year: Int, _ month: Int, _ day: Int) throws -> CivilDate {
        try #require(CivilDate(year: year, month: month, day: day))
    }
}

// MARK: - Numbers

extension HumanFormatTests {
    @Test(arguments: [(15_234, "15,234"), (0, "0"), (999, "999"), (1_000, "1,000"), (-1_234_567, "-1,234,567")])
    func groupsEnglishIntegersWithCommas(value: Int, expected: String) {
        #expect(english.integer(value) == expected)
    }

    /// A total of counts past the largest count (2⁶³ − 1), which a `Double` sum can only approximate, says so
    /// instead of showing digits that look exact; the largest count itself is written in full.
    @Test func marksACountPastTheLargestCountInEachLanguage() {
        #expect(english.count(9_223_372_036_854_775_808.0) == "more than 9,223,372,036,854,775,807")
        #expect(english.count(1.0e19) == "more than 9,223,372,036,854,775,807")
        #expect(english.count(-1.0e19) == "less than -9,223,372,036,854,775,807")
        let n = "\u{202F}"
        #expect(french.count(1.4e19) == "plus de 9\(n)223\(n)372\(n)036\(n)854\(n)775\(n)807")
        #expect(english.count(9_000_000_000_000_000_000.0) == "9,000,000,000,000,000,000")
        #expect(english.count(1_234.4) == "1,234")
        #expect(english.count(.nan) == HumanFormat.notAvailable)
        #expect(french.count(.infinity) == HumanFormat.notAvailable)
    }

    @Test func groupsFrenchIntegersWithNarrowNoBreakSpaces() {
        #expect(french.integer(15_234) == "15\u{202F}234")
        #expect(french.integer(-1_234_567) == "-1\u{202F}234\u{202F}567")
    }

    @Test func writesDecimalsWithTheLanguagesSeparator() {
        #expect(english.decimal(1234.56, fractionDigits: 1) == "1,234.6")
        #expect(french.decimal(1234.56, fractionDigits: 1) == "1\(nnbsp)234,6")
        #expect(english.decimal(-0.04, fractionDigits: 1) == "0.0")
        #expect(english.decimal(.nan, fractionDigits: 1) == "–")
    }
}

// MARK: - Percentages and changes

extension HumanFormatTests {
    @Test func signsChangesAndKeepsOneDecimalBelowTenPercent() {
        #expect(english.change(0.2) == "+20%")
        #expect(french.change(0.2) == "+20\(nnbsp)%")
        #expect(english.change(0.045) == "+4.5%")
        #expect(french.change(0.045) == "+4,5\(nnbsp)%")
        #expect(english.change(-0.12) == "-12%")
        #expect(english.change(0.0999) == "+10%")
        #expect(english.change(0.0001) == "0.0%")
        #expect(english.change(.infinity) == "–")
    }

    @Test func writesPercentagesWithoutSign() {
        #expect(english.percent(0.0123) == "1.2%")
        #expect(french.percent(0.5) == "50\(nnbsp)%")
    }

    @Test func joinsIntervalsWithToOrA() {
        #expect(english.changeInterval(lower: 0.12, upper: 0.28) == "+12% to +28%")
        #expect(french.changeInterval(lower: 0.12, upper: 0.28) == "+12\(nnbsp)% à +28\(nnbsp)%")
        #expect(english.changeInterval(lower: -0.12, upper: .infinity) == "-12% or more")
        #expect(french.changeInterval(lower: -0.12, upper: .infinity) == "-12\(nnbsp)% ou plus")
        #expect(english.countInterval(lower: 1233.6, upper: 1567.2) == "1,234 to 1,567")
    }
}

// MARK: - p-values

extension HumanFormatTests {
    @Test(arguments: [
        (0.0001, "p < 0.001"), (0.0043, "p = 0.004"), (0.03, "p = 0.03"), (0.0496, "p = 0.049"),
        (0.051, "p = 0.05"), (0.5, "p = 0.50"), (0.999, "p > 0.99"), (Double.nan, "p = –"),
    ])
    func writesPValuesWithoutCrossingTheThreshold(p: Double, expected: String) {
        #expect(english.pValue(p) == expected)
    }

    @Test func writesFrenchPValuesWithADecimalComma() {
        #expect(french.pValue(0.0001) == "p < 0,001")
        #expect(french.pValue(0.03) == "p = 0,03")
    }
}

// MARK: - Dates and weeks

extension HumanFormatTests {
    @Test func writesDatesWithTheMonthInFull() throws {
        #expect(english.date(try day(2020, 5, 4)) == "4 May 2020")
        #expect(french.date(try day(2020, 5, 4)) == "4 mai 2020")
        #expect(french.date(try day(2020, 5, 1)) == "1er mai 2020")
        #expect(english.date(try day(2020, 5, 1)) == "1 May 2020")
        #expect(french.date(try day(2020, 8, 15)) == "15 août 2020")
    }

    @Test func statesSharedPartsOfADateRangeOnce() throws {
        #expect(english.dateRange(from: try day(2020, 5, 4), to: try day(2020, 5, 17)) == "4–17 May 2020")
        #expect(french.dateRange(from: try day(2020, 5, 1), to: try day(2020, 5, 7)) == "1er–7 mai 2020")
        #expect(
            english.dateRange(from: try day(2020, 4, 27), to: try day(2020, 5, 10)) == "27 April – 10 May 2020")
        #expect(
            french.dateRange(from: try day(2020, 12, 28), to: try day(2021, 1, 3))
                == "28 décembre 2020 – 3 janvier 2021")
        #expect(english.dateRange(from: try day(2020, 5, 4), to: try day(2020, 5, 4)) == "4 May 2020")
    }

    @Test func namesIsoWeeksByTheirNumbers() throws {
        let week = try #require(ISOWeek(year: 2020, week: 53))
        #expect(english.weekIdentifier(week) == "2020-W53")
        let may = try #require(ISOWeek(year: 2020, week: 19))
        #expect(french.weekIdentifier(may) == "2020-W19")
        #expect(english.shortWeek(may) == "W19")
        #expect(french.shortWeek(may) == "S19")
        #expect(english.weekIdentifier(ISOWeek(containing: try day(2021, 1, 3))) == "2020-W53")
    }

    @Test func joinsRunsOfWeekdaysWithADash() {
        #expect(english.weekdays([2, 1, 4]) == "Monday–Tuesday, Thursday")
        #expect(french.weekdays([1, 3, 4, 5, 7]) == "lundi, mercredi–vendredi, dimanche")
        #expect(english.weekdays([6, 0, 8]) == "Saturday")
        #expect(english.weekdays([]) == "")
    }
}

@Suite("Report wording")
struct ReportWordingTests {
    static let english = ReportWording(language: .en)
    static let french = ReportWording(language: .fr)

    @Test func givesTableLabelsInTheReportsLanguage() {
        #expect(Self.english.expectedWithoutCampaign == "Expected without the campaign")
        #expect(Self.french.expectedWithoutCampaign == "Attendu sans la campagne")
        #expect(Self.english.methodHeader == "Method")
        #expect(Self.french.clickThroughRate == "Taux de clics")
    }

    @Test func namesAContextEventInTheLegendWithFrenchTypography() {
        #expect(Self.english.contextEventLegend("Premier confinement") == "Context: Premier confinement")
        #expect(Self.french.contextEventLegend("Premier confinement") == "Contexte\u{00A0}: Premier confinement")
    }

    @Test func agreesTheCumulativeTitleWithTheNounsGender() {
        let calls = SeriesName(metric: .calls, key: "119")
        let videos = SeriesName(metric: .videos, key: "nonauharcelement")
        #expect(Self.english.cumulativeChartTitle(calls) == "Calls to 119: extra calls over the campaign, added up")
        #expect(
            Self.french.cumulativeChartTitle(calls)
                == "Appels au 119\u{00A0}: appels supplémentaires cumulés sur la campagne")
        #expect(
            Self.french.cumulativeChartTitle(videos)
                == "Vidéos sous #nonauharcelement\u{00A0}: vidéos supplémentaires cumulées sur la campagne")
    }

    @Test func namesAnIsoWeekWithItsDays() throws {
        let week = try #require(ISOWeek(year: 2020, week: 53))
        #expect(Self.english.isoWeek(week) == "week 53 of 2020 (28 December 2020 – 3 January 2021)")
        let may = try #require(ISOWeek(year: 2020, week: 19))
        #expect(Self.french.isoWeek(may) == "semaine 19 de 2020 (4–10 mai 2020)")
    }

    @Test func namesTheComparedWeekdaysOrTheWholeWeek() {
        #expect(Self.english.comparedWeekdays([1, 2]) == "Monday–Tuesday")
        #expect(Self.french.comparedWeekdays([1, 2]) == "lundi–mardi")
        #expect(Self.english.comparedWeekdays([]) == "the whole week")
        #expect(Self.french.comparedWeekdays([]) == "la semaine entière")
    }

    @Test func givesTheCountsOfABaselineTooSmallWhenKnown() {
        #expect(Self.english.baselineTooSmall() == "baseline too small to compare")
        #expect(
            Self.english.baselineTooSmall(1_234_567, against: 12)
                == "baseline too small to compare (1,234,567 against 12)")
        #expect(
            Self.french.baselineTooSmall(1_234_567, against: 11.6)
                == "référence trop petite pour comparer (1\u{202F}234\u{202F}567 contre 12)")
        #expect(Self.french.baselineTooSmall(1_234_567) == "référence trop petite pour comparer")
    }

    @Test func givesTheIntervalOfTheConfiguredLevel() {
        #expect(Self.english.interval(atLevel: 0.9) == "90% interval")
        #expect(Self.french.interval(atLevel: 0.95) == "Intervalle à 95\u{202F}%")
        #expect(Self.english.expectedRange(atLevel: 0.9) == "Expected range (90%)")
        #expect(Self.french.expectedRange(atLevel: 0.95) == "Fourchette attendue (95\u{202F}%)")
    }
}

/// Every note of an estimate in English (the tidy files' words) and French (dates and numbers French too).
@Suite("Estimate notes")
struct EstimateNoteWordingTests {
    static let day = CivilDate(year: 2020, month: 5, day: 4) ?? CivilDate(daysSinceEpoch: 0)
    static let english = ReportWording(language: .en)
    static let french = ReportWording(language: .fr)

    @Test func everyNoteIsWordedInEachLanguage() throws {
        let range = try #require(DayRange(start: Self.day, end: Self.day.adding(days: 27)))
        let cases: [(EstimateNote, String, String)] = [
            (.baseline(range), "baseline 2020-05-04–2020-05-31", "référence 4–31 mai 2020"),
            (
                .exactIntervalTooNarrow(threshold: 1.5),
                "the exact Poisson interval would be misleadingly narrow (φ > 1.5)",
                "l'intervalle de Poisson exact serait trompeusement étroit (φ > 1,5)"
            ),
            (
                .missingDays(count: 1, first: Self.day), "1 day without data (2020-05-04)",
                "1 jour sans données (4 mai 2020)"
            ),
            (
                .missingDays(count: 3, first: Self.day), "3 days without data (from 2020-05-04)",
                "3 jours sans données (à partir du 4 mai 2020)"
            ),
            (
                .columnDropped(.contextEvent(id: "lockdown-2")),
                "context event 'lockdown-2' dropped: it is constant over the fitted days",
                "événement de contexte «\u{00A0}lockdown-2\u{00A0}» retiré\u{00A0}: il est constant sur les jours ajustés"
            ),
            (
                .seasonalityNotModelled(spanDays: 124, minimumDays: 365),
                "fitted days span 124 days (< 365): yearly seasonality is not modelled",
                "les jours ajustés couvrent 124 jours (< 365)\u{00A0}: la saisonnalité annuelle n'est pas modélisée"
            ),
            (
                .noBuiltInHolidays(country: "BE"), "no built-in public holidays for BE; holidays are not modelled",
                "pas de jours fériés intégrés pour BE\u{202F}; les jours fériés ne sont pas modélisés"
            ),
        ]
        for (note, english, french) in cases {
            #expect(note.text(Self.english) == english)
            #expect(note.text(Self.french) == french)
        }
        #expect(EstimateNote.joined([], Self.english) == nil)
        #expect(
            EstimateNote.joined([.baseline(range), .fitNotConverged(iterations: 25)], Self.english)
                == "baseline 2020-05-04–2020-05-31; the fit did not converge in 25 iterations; treat the figures with care"
        )
    }
}

extension EstimateNoteWordingTests {
    /// The sample calendar's second lockdown, as campaigns.yaml names it.
    static let lockdown = ContextEvent(
        id: "lockdown-2", name: "Deuxième confinement",
        window: DayRange(start: day, end: day.adding(days: 45)) ?? RunFixture.window)

    @Test func droppedCalendarColumnsAreListedInOneNoteInBothLanguages() {
        let note = EstimateNote.calendarColumnsDropped([.schoolHoliday(.summer), .bridge])
        #expect(
            note.text(ReportWording(language: .en))
                == "calendar columns dropped (constant over the fitted days): school:summer, bridge")
        #expect(
            note.text(ReportWording(language: .fr))
                == "colonnes du calendrier retirées (constantes sur les jours ajustés)\u{00A0}: school:summer, bridge")
    }

    @Test func aDroppedContextEventIsNamedByItsCampaignsYAMLNameWhenTheWordingHasIt() {
        let note = EstimateNote.columnDropped(.contextEvent(id: "lockdown-2"))
        #expect(
            note.text(ReportWording(language: .en, context: [Self.lockdown]))
                == "context event 'Deuxième confinement' dropped: it is constant over the fitted days")
        #expect(
            note.text(ReportWording(language: .fr, context: [Self.lockdown]))
                == "événement de contexte «\u{00A0}Deuxième confinement\u{00A0}» retiré\u{00A0}: il est constant sur "
                + "les jours ajustés")
        // Another event's name does not stand in for it.
        let other = ContextEvent(id: "lockdown-1", name: "Premier confinement", window: Self.lockdown.window)
        #expect(note.text(ReportWording(language: .en, context: [other])).contains("'lockdown-2'"))
    }
}

/// Why a model or a comparison gave no figure, in English (the words `uplift.csv` has always held) and French.
@Suite("Not-fitted reasons")
struct NotFittedReasonWordingTests {
    static let english = ReportWording(language: .en)
    static let french = ReportWording(language: .fr)

    @Test func everyReasonIsWordedInEachLanguage() throws {
        let day = try #require(CivilDate(year: 2020, month: 2, day: 3))
        let range = try #require(DayRange(start: day, end: day.adding(days: 13)))
        let cases: [(NotFittedReason, String, String)] = [
            (
                .confidenceLevelOutOfRange(1.5), "the confidence level 1.5 is not between 0 and 1",
                "le niveau de confiance 1,50 n'est pas compris entre 0 et 1"
            ),
            (
                .tooFewFittedDays(found: 20, fitRange: range, needed: 28),
                "only 20 days with data in 2020-02-03–2020-02-16 outside excluded windows; at least 28 are needed",
                "seulement 20 jours avec données sur la période 3–16 février 2020 hors des périodes exclues\u{202F}; "
                    + "il en faut au moins 28"
            ),
            (
                .allFittedDaysZero(days: 60), "all 60 fitted days have a count of 0; there is no level to project",
                "les 60 jours ajustés ont tous un total de 0\u{00A0}: il n'y a pas de niveau à projeter"
            ),
            (
                .noDataInWindow(range), "no data on any day of 2020-02-03–2020-02-16",
                "aucune donnée sur la période 3–16 février 2020"
            ),
            (
                .fitFailed(.singular(column: "holiday", cause: .noVariation)),
                "design matrix is singular (column 'holiday' has no variation)",
                "la matrice du modèle est singulière (la colonne «\u{00A0}holiday\u{00A0}» ne varie pas)"
            ),
            (
                .fitFailed(.diverged(iterations: 25)),
                "the fit diverged (deviance is not finite after 25 iterations)",
                "l'ajustement a divergé (déviance non finie après 25 itérations)"
            ),
            (.emptyPlannedWindow, "a campaign lasts at least one day", "une campagne dure au moins un jour"),
        ]
        for (reason, english, french) in cases {
            #expect(reason.text(Self.english) == english)
            #expect(reason.text(Self.french) == french)
        }
        #expect(
            EstimateNote.noModel(.allFittedDaysZero(days: 60)).text(Self.english)
                == "no model: all 60 fitted days have a count of 0; there is no level to project")
        #expect(
            EstimateNote.noModel(.emptyPlannedWindow).text(Self.french)
                == "pas de modèle\u{00A0}: une campagne dure au moins un jour")
    }

    @Test func aSingularContextColumnIsNamedByItsEventForPeopleAndByItsIdInTheTidyFiles() {
        let reason = NotFittedReason.singularDesign(column: .contextEvent(id: "lockdown-2"), cause: .linearCombination)
        let context = [EstimateNoteWordingTests.lockdown]
        #expect(
            reason.text(ReportWording(language: .en, context: context))
                == "design matrix is singular (the column of context event 'Deuxième confinement' is a linear "
                + "combination of the columns before it, or its rows have no weight)")
        #expect(
            reason.text(ReportWording(language: .fr, context: context))
                == "la matrice du modèle est singulière (la colonne de l'événement de contexte «\u{00A0}Deuxième "
                + "confinement\u{00A0}» est une combinaison linéaire des colonnes précédentes, ou ses lignes n'ont pas "
                + "de poids)")
        #expect(
            EstimateNote.noModel(reason).text(ReportWording(language: .en, context: context))
                .hasPrefix("no model: design matrix is singular (the column of context event 'Deuxième confinement'"))
        // Without the names, as `uplift.csv` and `uplift.json` are written, the column keeps its id.
        #expect(
            reason.text(Self.english)
                == "design matrix is singular (column 'context:lockdown-2' is a linear combination of the columns "
                + "before it, or its rows have no weight)")
    }

    @Test func everyFitErrorAndShortfallIsWordedInEachLanguage() throws {
        let errors: [ModelFitError] = [
            .noColumns, .rowCountMismatch(rows: 3, counts: 4), .offsetCountMismatch(offsets: 2, counts: 4),
            .rowWidth(row: 2, columns: 3), .invalidCount(index: 1, value: -1),
            .tooFewObservations(observations: 2, coefficients: 3),
            .allCountsZero, .diverged(iterations: 9), .singular(column: "trend", cause: .allZeros),
            .singular(column: "trend", cause: .linearCombination),
        ]
        let englishErrors = errors.map { $0.text(Self.english) }
        #expect(
            englishErrors == [
                "the design matrix has no columns", "the design matrix has 3 rows but there are 4 counts",
                "the offset has 2 values but there are 4 counts", "row 2 of the design matrix does not have 3 values",
                "count 1 is -1.0; counts must be finite and non-negative",
                "2 observations cannot estimate 3 coefficients; more are needed",
                "every count is zero; a log-linear model has no finite fit",
                "the fit diverged (deviance is not finite after 9 iterations)",
                "design matrix is singular (column 'trend' is all zeros)",
                "design matrix is singular (column 'trend' is a linear combination of the columns before it, or its "
                    + "rows have no weight)",
            ])
        let frenchErrors = errors.map { $0.text(Self.french) }
        #expect(Set(frenchErrors).count == errors.count)
        for (english, french) in zip(englishErrors, frenchErrors) { #expect(english != french) }

        let day = try #require(CivilDate(year: 2020, month: 2, day: 3))
        let range = try #require(DayRange(start: day, end: day.adding(days: 6)))
        let shortfalls: [(WindowComparison.Shortfall, String, String)] = [
            (
                .noCampaignData(range), "no data on any day of the campaign window 2020-02-03–2020-02-09",
                "aucune donnée sur les jours de la campagne (3–9 février 2020)"
            ),
            (
                .noBaselineData(range), "no baseline: no data on any day of 2020-02-03–2020-02-09",
                "pas de référence\u{00A0}: aucune donnée sur la période 3–9 février 2020"
            ),
            (
                .zeroBaselineTotal(days: 28),
                "no baseline: the total over 28 baseline days is 0, so no ratio can be formed",
                "pas de référence\u{00A0}: le total des 28 jours de référence est 0, aucun rapport n'est possible"
            ),
            (
                .invalidRateRatio, "the totals or the confidence level are not valid for a rate ratio",
                "les totaux ou le niveau de confiance ne permettent pas de calculer un rapport de taux"
            ),
            (
                .totalTooLarge(window: range),
                "the counts add up past the largest count (9223372036854775807) over 2020-02-03–2020-02-09, so no "
                    + "ratio is formed",
                "les comptages additionnés dépassent le plus grand comptage (9223372036854775807) sur 3–9 février "
                    + "2020, aucun rapport n'est calculé"
            ),
        ]
        for (shortfall, english, french) in shortfalls {
            #expect(shortfall.text(Self.english) == english)
            #expect(EstimateNote.noComparison(shortfall).text(Self.french) == french)
        }
    }
}
