import Ingest

extension CampaignCalendar {
    /// The model's calendar columns for this calendar: the school holidays of `effectiveSchoolHolidays`, the
    /// day-effect columns around `holidays` (the public holidays the model was given), and `periods`.
    public func calendarTerms(holidays: Set<CivilDate>) -> CalendarTerms {
        CalendarTerms(
            zones: SchoolHolidays.zones(effectiveSchoolHolidays), publicHolidays: holidays, periods: periods)
    }
}
