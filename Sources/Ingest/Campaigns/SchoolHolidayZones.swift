/// Whose school holidays the counterfactual model knows (`school_holidays:` in `campaigns.yaml`): one zone of
/// metropolitan France, all three, or none.
///
/// A national helpline hears from pupils of every zone, so the default is `all`; a regional series can name its
/// zone, and a series that has nothing to do with school can switch the terms off.
public enum SchoolHolidayZones: String, Sendable, Equatable, CaseIterable {
    /// Zone A (Besançon, Bordeaux, Lyon, …).
    case a = "A"
    /// Zone B (Lille, Nantes, Strasbourg, …).
    case b = "B"
    /// Zone C (Paris, Créteil, Versailles, Montpellier, Toulouse).
    case c = "C"
    /// The three zones, each counting for a third.
    case all
    /// No school-holiday terms.
    case none
}
