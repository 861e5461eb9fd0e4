import Testing
import TillitKit

@Suite("Progress line")
struct ProgressMeterTests {
    @Test("nothing in the first two seconds, then files, MB/s and ETA, at most every 0.25 s")
    func progressLine() {
        var m = ProgressMeter(totalBytes: 100 << 20, totalFiles: 10)
        #expect(m.line(elapsed: 1.5, files: 1, bytes: 10 << 20) == nil)
        #expect(m.line(elapsed: 2.0, files: 4, bytes: 40 << 20) == "tillit: 4/10 files, 40.0 MB, 20.0 MB/s, ETA 0:03")
        #expect(m.line(elapsed: 2.1, files: 4, bytes: 41 << 20) == nil)
        #expect(m.line(elapsed: 2.5, files: 5, bytes: 50 << 20)?.hasSuffix("ETA 0:03") == true)
    }
}
