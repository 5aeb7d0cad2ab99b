import Analytics
import Foundation
import Ingest

/// The expected daily calls of the four helplines of the sample data (119, 3020, 3919 and 116006, the victims'
/// helpline, which no campaign touches and which shares 119's first-lockdown ramp), 2019–2020.
///
/// A day's mean is a background (level, trend, season, day of week, French public holidays, the school
/// calendar of ``SchoolShape`` for 3020, strongly, and 119, mildly) times the lockdown effects times the
/// campaign effects of ``CampaignEffect``. The first lockdown on 119 is a ramp whose three free heights are
/// solved from the published figures (week 2 +15% and week 3 +53% on week 1; 18 Mar–6 Apr +20% on
/// 12 Feb–2 Mar; 13–19 Apr +89.35% and 18 Mar–10 May +56.2% on the same dates of 2019), so the calibration
/// holds in the means before any draw; every helpline's first-lockdown effect then fades linearly over the 14
/// days after 10 May (`SampleContextEvent.presence(on:)`). 119's level is scaled so that its normal weeks
/// of 2019 average 700 calls a day in the means, school holidays included.
public struct HelplineModel: Sendable {
    /// The helplines with a call series, in the order the files list them.
    public static let helplines = ["119", "3020", "3919", "116006"]
    /// The days the call files cover.
    public static let period = DayRange.days(2019, 1, 1, through: 2020, 12, 31)
    /// The published ratio of 119 calls, 18 Mar–10 May 2020 against 2019 (+56.2%; 97,542 / 62,467).
    public static let lockdownWindowRatio = 1.562
    /// The published ratio of 119 calls, 13–19 Apr 2020 against 2019 (14,531 / 7,674).
    public static let lockdownPeakWeekRatio = 14_531.0 / 7_674.0
    /// 119: 18 Mar–10 May of each year.
    public static let lockdownWindow2020 = DayRange.days(2020, 3, 18, through: 2020, 5, 10)
    /// 119: the week of 13–19 Apr 2020.
    public static let peakWeek2020 = DayRange.days(2020, 4, 13, through: 2020, 4, 19)
    /// The calls to 3020 over the school year 1 Sep 2019–31 Aug 2020 that the level is scaled to (the
    /// published 2018–19 figure is "more than 77,000").
    public static let schoolYearTarget3020 = 77_500.0
    /// The mean calls to 119 per day over the normal weeks of 2019 that its level is scaled to (AFP: "≈ 700").
    public static let normalDayTarget119 = 700.0
    /// The school-harassment line follows the school year closely: −35% in summer, −25% at Christmas, −15% in
    /// the other holidays, +15% in the two weeks of the rentrée.
    public static let schoolShape3020 = SchoolShape(summer: 0.35, christmas: 0.25, otherHolidays: 0.15, rentree: 0.15)
    /// Children call 119 less when they are not at school (teachers and school nurses refer many of them), but
    /// far less markedly than pupils call 3020.
    public static let schoolShape119 = SchoolShape(summer: 0.12, christmas: 0.10, otherHolidays: 0.05, rentree: 0.05)

    private let holidays: Set<CivilDate>
    private let lockdown: LockdownRamp
    private let scale3020: Double
    private let scale119: Double

    /// Builds the model and solves its calibrated parameters.
    public init() {
        holidays = Set((2018...2021).flatMap { PublicHolidays.france(year: $0) })
        let flat = LockdownRamp(weekOne: 1, peak: 1, end: 1)
        var model = HelplineModel(holidays: holidays, lockdown: flat, scale3020: 1, scale119: 1)
        // The normal weeks of 2019 lie before any lockdown or 119 campaign: the background alone sets them.
        let normalDays = CalibrationFigures.normalWeeks2019(model: model).flatMap(\.days)
        let normalMean = normalDays.reduce(0.0) { $0 + model.expected("119", on: $1) } / Double(normalDays.count)
        let scale119 = HelplineModel.normalDayTarget119 / normalMean
        model = HelplineModel(holidays: holidays, lockdown: flat, scale3020: 1, scale119: scale119)
        model = model.solvingLockdown()
        let schoolYear = DayRange.days(2019, 9, 1, through: 2020, 8, 31)
        let unscaled = schoolYear.days.reduce(0.0) { $0 + model.expected("3020", on: $1) }
        self.lockdown = model.lockdown
        self.scale3020 = HelplineModel.schoolYearTarget3020 / unscaled
        self.scale119 = scale119
    }

    private init(holidays: Set<CivilDate>, lockdown: LockdownRamp, scale3020: Double, scale119: Double) {
        self.holidays = holidays
        self.lockdown = lockdown
        self.scale3020 = scale3020
        self.scale119 = scale119
    }

    /// Whether `date` is a French public holiday.
    public func isHoliday(_ date: CivilDate) -> Bool { holidays.contains(date) }

    /// The mean calls to `helpline` on `date` with every effect, or without the campaign `excluded`.
    public func expected(_ helpline: String, on date: CivilDate, excluding excluded: String? = nil) -> Double {
        background(helpline, on: date) * context(helpline, on: date)
            * CampaignEffect.multiplier(of: "calls:" + helpline, on: date, excluding: excluded)
    }

    /// The mean calls on a normal day: no lockdown, no campaign.
    public func background(_ helpline: String, on date: CivilDate) -> Double {
        let weekday = date.isoWeekday - 1
        let holiday = isHoliday(date)
        switch helpline {
        case "119":
            let years = Double(HelplineModel.referenceDay.days(to: date)) / 365.25
            let season = 1 + 0.05 * cos(2 * Double.pi * Double(HelplineModel.seasonPeak.days(to: date)) / 365.25)
            let dayOfWeek = [1.08, 1.05, 1.09, 1.03, 1.00, 0.89, 0.86][weekday]
            let school = HelplineModel.schoolShape119.multiplier(on: date)
            return 700 * scale119 * pow(1.03, years) * season * dayOfWeek * school * (holiday ? 0.8 : 1)
        case "3919":
            let dayOfWeek = [236.0, 229, 226, 222, 214, 124, 90][weekday]
            return dayOfWeek * (holiday ? 0.6 : 1)
        case "116006":
            let dayOfWeek = [1.06, 1.04, 1.03, 1.02, 1.00, 0.93, 0.92][weekday]
            return 520 * dayOfWeek * (holiday ? 0.8 : 1)
        case "3020":
            let dayOfWeek = [1.22, 1.18, 1.06, 1.18, 1.08, 0.52, 0.18][weekday]
            let school = HelplineModel.schoolShape3020.multiplier(on: date)
            return 250 * scale3020 * dayOfWeek * school * (holiday ? 0.3 : 1)
        default:
            return 0
        }
    }

    /// The lockdown multiplier of `helpline` on `date` (1 outside the lockdowns and the first one's return).
    public func context(_ helpline: String, on date: CivilDate) -> Double {
        let first = SampleCampaign.context[0]
        let second = SampleCampaign.context[1].window
        if first.window.contains(date) { return firstLockdown(helpline, on: date) }
        let remaining = first.presence(on: date)
        if remaining > 0 {
            // After 10 May the effect of the lockdown's last day fades linearly to nothing.
            let last = firstLockdown(helpline, on: first.window.end)
            return 1 + (last - 1) * remaining
        }
        guard second.contains(date) else { return 1 }
        switch helpline {
        case "119", "116006": return 1.22
        case "3919": return 1.20
        // Schools stayed open in the second lockdown.
        case "3020": return 0.95
        default: return 1
        }
    }

    /// The first lockdown's multiplier of `helpline` on `date`, a day of the lockdown.
    private func firstLockdown(_ helpline: String, on date: CivilDate) -> Double {
        switch helpline {
        // The victims' helpline lived through the same first lockdown as 119: it is the control series of
        // the banner-119 campaign.
        case "119", "116006": lockdown.multiplier(on: date)
        case "3919": 1.30
        // Schools closed.
        case "3020": 0.45
        default: 1
        }
    }

    /// The share of calls answered on `date`: lower when calls exceed the normal level (the lines were
    /// saturated on the 3919 launch day and in the first lockdown).
    public func answerRate(_ helpline: String, on date: CivilDate) -> Double {
        let load = max(1, expected(helpline, on: date) / max(background(helpline, on: date), 1e-9))
        switch helpline {
        case "119": return 0.82 / pow(load, 0.6)
        case "3919": return 0.85 / pow(load, 0.7)
        default: return 0.9 / pow(load, 0.5)
        }
    }

    /// The ratio of a day's variance to its mean (the negative binomial's overdispersion).
    public func varianceToMean(_ helpline: String) -> Double {
        switch helpline {
        case "119": return 3.0
        case "3919": return 2.5
        default: return 2.2
        }
    }

    /// The 119 lockdown ramp's heights (multipliers of the background): 17–23 Mar, 13–19 Apr and 10 May.
    public var lockdownHeights: (weekOne: Double, peak: Double, end: Double) {
        (lockdown.weekOne, lockdown.peak, lockdown.end)
    }

    private static let referenceDay = CivilDate.literal(2019, 7, 2)
    private static let seasonPeak = CivilDate.literal(2019, 3, 15)

    private func total(_ range: DayRange, year offset: Int = 0) -> Double {
        range.days.reduce(0.0) { $0 + expected("119", on: $1.adding(days: offset)) }
    }

    /// Solves the three heights of the ramp in turn; each published ratio is linear in its height.
    private func solvingLockdown() -> HelplineModel {
        let yearBefore = -366  // 2020 is a leap year: the same dates of 2019 lie 366 days earlier.
        var ramp = lockdown
        func with(_ ramp: LockdownRamp) -> HelplineModel {
            HelplineModel(holidays: holidays, lockdown: ramp, scale3020: scale3020, scale119: scale119)
        }
        // The peak week: 13–19 Apr 2020 lies on the flat top of the ramp.
        let peakWeek = HelplineModel.peakWeek2020
        ramp.peak = 1
        ramp.peak = HelplineModel.lockdownPeakWeekRatio * total(peakWeek, year: yearBefore) / with(ramp).total(peakWeek)
        // "+20% since the start of lockdown": 18 Mar–6 Apr against 12 Feb–2 Mar, both in 2020.
        let early = DayRange.days(2020, 3, 18, through: 2020, 4, 6)
        let before = DayRange.days(2020, 2, 12, through: 2020, 3, 2)
        ramp.weekOne = 1
        ramp.weekOne = 1.20 * total(before) / with(ramp).total(early)
        // The whole window: linear in the end height.
        let window = HelplineModel.lockdownWindow2020
        let target = HelplineModel.lockdownWindowRatio * total(window, year: yearBefore)
        ramp.end = 0
        let atZero = with(ramp).total(window)
        ramp.end = 1
        let atOne = with(ramp).total(window)
        ramp.end = (target - atZero) / (atOne - atZero)
        return with(ramp)
    }
}

/// The shape of the first lockdown on 119 calls: week 1 (17–23 Mar) at `weekOne`, week 2 15% and week 3
/// 53% higher, then a linear climb to `peak` held over 13–19 Apr, then a linear decline to `end` on 10 May.
struct LockdownRamp: Sendable {
    var weekOne: Double
    var peak: Double
    var end: Double

    func multiplier(on date: CivilDate) -> Double {
        let day = CivilDate.literal(2020, 3, 17).days(to: date)
        switch day {
        case ..<0: return 1
        case 0..<7: return weekOne
        case 7..<14: return 1.15 * weekOne
        case 14..<21: return 1.53 * weekOne
        case 21..<27: return 1.53 * weekOne + (peak - 1.53 * weekOne) * Double(day - 20) / 7
        case 27..<34: return peak
        case 34..<55: return peak + (end - peak) * Double(day - 33) / 21
        default: return 1
        }
    }
}
