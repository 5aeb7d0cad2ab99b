import Ingest

/// A known event the counterfactual model adjusts for (a lockdown, a news story): a column that is 1 on the
/// event's days and 0 elsewhere, or, when the event declares a gradual return (`ContextReturn`), that falls
/// from 1 to 0 over the days after its end.
public struct ContextStep: Hashable, Sendable {
    /// The event's identifier, used to name its design column (`context:<id>`) and in notes.
    public let id: String
    /// The event's days, inclusive.
    public let days: DayRange
    /// How the effect ends after `days`, or nil when it stops on the last day (a plain step).
    public let gradualReturn: ContextReturn?

    /// Creates the step `id` over `days`, ending as `gradualReturn` says (abruptly by default).
    public init(id: String, days: DayRange, gradualReturn: ContextReturn? = nil) {
        self.id = id
        self.days = days
        self.gradualReturn = gradualReturn
    }

    /// The step of a context event of campaigns.yaml.
    public init(_ event: ContextEvent) {
        self.init(id: event.id, days: event.window, gradualReturn: event.gradualReturn)
    }

    /// The event's design column on `day`: 1 on its days, the remaining effect of its return on the days after
    /// (`ContextReturn.remainingEffect(daysAfterEnd:)`), 0 before it and once the return is over.
    public func value(on day: CivilDate) -> Double {
        if days.contains(day) { return 1 }
        guard let gradualReturn, day > days.end else { return 0 }
        return gradualReturn.remainingEffect(daysAfterEnd: days.end.days(to: day))
    }

    /// The days on which the column is not 0: the event's days and those of its return.
    public var affectedDays: DayRange {
        days.widened(after: gradualReturn?.days ?? 0)
    }
}
