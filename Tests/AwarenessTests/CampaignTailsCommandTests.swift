import Foundation
import Testing

/// `carryover:`, `ends_over:` and `return:` from the command line: a bad value is a located configuration error
/// (status 2), and a campaign that starts as a context event ends says what its estimate rests on.
@Suite("Carry-over and gradual returns, end to end")
struct CampaignTailsCommandTests {
    /// Runs `validate` on a folder holding only `yaml` as campaigns.yaml.
    static func validate(_ yaml: String) throws -> CommandRunner.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tails-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("campaigns.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        var result = try CommandRunner.run(["validate", "--data", folder.path])
        result.stderr = result.stderr.replacingOccurrences(of: folder.path + "/", with: "")
        return result
    }

    @Test func aNegativeCarryOverIsAConfigurationErrorWithItsLineAndColumn() throws {
        let result = try Self.validate(
            "timezone: Europe/Paris\ncampaigns:\n  - id: a\n    start: 2020-05-04\n    end: 2020-05-17\n"
                + "    carryover: -7\n")
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: campaigns.yaml:6:16: campaigns[0].carryover: -7 is not between 0 and 3650 days\n")
    }

    @Test func aReturnWithoutItsLengthIsAConfigurationErrorWithItsLineAndColumn() throws {
        let result = try Self.validate(
            "timezone: Europe/Paris\ncontext:\n  - id: lockdown-1\n    start: 2020-03-17\n    end: 2020-05-10\n"
                + "    return: exponential\n")
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: campaigns.yaml:6:13: context[0].return: \"return\" needs \"ends_over\": the number of days "
                + "over which the effect ends\n")
    }

    @Test func theSamplesBannerSaysItsEstimateRestsOnTheLockdownsEndInBothLanguages() throws {
        let english = try CommandRunner.run(["uplift", "banner-119", "--data", "../../../Data", "--language", "en"])
        #expect(english.status == 0)
        #expect(
            english.stdout.contains(
                "counts may still be returning to their usual level after 'Premier confinement' (it ended inside the"))
        // The sample declares the first lockdown's return (`ends_over: 14`), as its generator draws it.
        #expect(english.stdout.contains("estimate rests on the return the event declares (over 14 days, linear)"))
        let french = try CommandRunner.run(["uplift", "banner-119", "--data", "../../../Data"])
        #expect(french.status == 0)
        #expect(
            french.stdout.contains(
                "pendant la fenêtre)\u{202F}; l'estimation repose sur le retour que l'événement déclare (sur 14 jours, "
                    + "linéaire)"))
    }
}
