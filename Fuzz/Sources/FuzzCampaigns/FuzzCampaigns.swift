import FuzzDriver
import Ingest

/// libFuzzer entry point: the input, decoded as UTF-8 (invalid bytes replaced, as `String(decoding:)` does), is
/// parsed as a campaign calendar. A thrown `CampaignCalendarError` is an expected outcome; a crash, a sanitizer
/// report or a timeout (a run over libFuzzer's `-timeout`) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: start == nil ? 0 : count)
    let yaml = String(decoding: bytes, as: UTF8.self)
    do {
        let calendar = try CampaignCalendar.parse(yaml: yaml, file: "campaigns.yaml")
        // Ids become file names: whatever the parser accepts must stay inside the output folder.
        for campaign in calendar.campaigns where campaign.id.contains("/") || campaign.id.contains("..") {
            fatalError("unsafe campaign id accepted: \(campaign.id)")
        }
    } catch {
        // Every error must be printable and located within the text.
        if let line = error.line, line < 1 || line > yaml.utf8.count + 1 {
            fatalError("error line \(line) outside the document: \(error)")
        }
        _ = error.description
    }
    return 0
}

// MARK: - Entry point

/// The executable's `main` under the name SwiftPM gives it (see ``runFuzzer(_:_:_:)``).
@_cdecl("FuzzCampaigns_main")
func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzOne)
}
