/// What a headline's window is, which decides how its sentences name it: a campaign ("during the campaign
/// (4–17 May 2020)") or a period asked about ("from 18 March to 6 April 2020"). Beside the wording that reads it,
/// so that the vocabulary needs nothing from the documents.
public enum HeadlinePeriod: Sendable {
    /// A campaign of campaigns.yaml.
    case campaign
    /// A context event or dates asked about.
    case period
}
