import Foundation
import Ingest
import Reporting
import Synchronization
import Testing

/// What `ProgressLine` writes, collected for inspection.
private final class Written: Sendable {
    private let parts = Mutex<[String]>([])
    var text: String { parts.withLock { $0.joined() } }
    func append(_ part: String) {
        parts.withLock { $0.append(part) }
    }
}

@Suite("Progress line")
struct ProgressLineTests {
    let halfway = ReadProgress.Snapshot(
        bytesRead: 600_000_000, totalBytes: 1_200_000_000, rows: 7_000_000, elapsed: 3.5)

    @Test func writesNothingWhenStandardErrorIsNotATerminal() {
        let written = Written()
        let line = ProgressLine(isTerminal: false) { written.append($0) }
        #expect(line.readProgress() == nil)
        line.show(halfway)
        line.clear()
        #expect(written.text.isEmpty)
    }

    @Test func redrawsOneLineInPlaceOnATerminalAndErasesItAtTheEnd() {
        let written = Written()
        let line = ProgressLine(isTerminal: true) { written.append($0) }
        #expect(line.readProgress() != nil)
        line.show(halfway)
        line.show(
            ReadProgress.Snapshot(bytesRead: 1_200_000_000, totalBytes: 1_200_000_000, rows: 14_000_000, elapsed: 7))
        line.clear()
        #expect(
            written.text
                == "\r\u{1B}[Kreading 600 MB of 1.2 GB (50%), 2.0M rows/s, 4 s left"
                + "\r\u{1B}[Kreading 1.2 GB of 1.2 GB (100%), 2.0M rows/s, 0 s left\r\u{1B}[K")
        #expect(!written.text.contains("\n"))
    }

    @Test func erasesNothingWhenNothingWasDrawn() {
        let written = Written()
        ProgressLine(isTerminal: true) { written.append($0) }.clear()
        #expect(written.text.isEmpty)
    }

    @Test func saysBytesReadOfTheTotalRowsPerSecondAndTimeLeft() {
        #expect(ProgressLine.text(halfway) == "reading 600 MB of 1.2 GB (50%), 2.0M rows/s, 4 s left")
        #expect(
            ProgressLine.text(
                ReadProgress.Snapshot(bytesRead: 52_000, totalBytes: 170_000_000, rows: 600, elapsed: 0.5))
                == "reading 52 kB of 170 MB (0%), 1k rows/s, 1635 s left")
    }
}
