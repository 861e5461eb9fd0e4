import Foundation
import Testing
@testable import TillitKit

/// Where a large document is cut into parts must not change its scores (docs/INPUT-OUTPUT.md,
/// "Part cuts"): read in 4 KB parts or whole, with repair on, a document gets the same hits
/// and label, and K, T and probability equal to rounding.
@Suite("Part cuts do not change results")
struct PartCutTests {
    func document(_ path: String, partSize: Int) -> DocumentScore? {
        var acc: DocumentScore? = nil
        let analyzer = Analyzer(options: ScoreOptions(unit: .document, repair: .on))
        _ = BatchRunner(analyzer: analyzer, jobs: 2, batchBytes: 16 << 10)
            .run(DocumentStream(paths: [path], partSize: partSize), emit: { d, _ in
                if acc == nil { acc = d } else { analyzer.merge(d, into: &acc!) }
            }, failure: { Issue.record("\($0)") })
        return acc
    }

    @Test("--repair on, --unit document: 4 KB parts and one whole read give the same hits and label, K, T and probability to 1e-9")
    func repairOnDocumentIsCutFree() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Corpus").path).filter { $0.hasSuffix(".txt") }.sorted()
        var text = ""
        for n in names { text += try String(contentsOfFile: Fixtures.corpus(n), encoding: .utf8) + "\n\n" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-cuts-\(UUID().uuidString).txt").path
        try Data(String(repeating: text, count: 3).utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let parts = try #require(document(path, partSize: 4096))
        let whole = try #require(document(path, partSize: 64 << 20))
        #expect(parts.repairCount > 0)
        let p = try #require(parts.units.first), w = try #require(whole.units.first)
        #expect(parts.hitCount == whole.hitCount)
        #expect(p.tokens == w.tokens)
        // hit counts exactly; weighted sums to rounding (parts add them in another order)
        #expect(p.table.kHits == w.table.kHits && p.table.tHits == w.table.tHits)
        #expect(p.table.kEntries == w.table.kEntries && p.table.tEntries == w.table.tEntries && p.table.words == w.table.words)
        #expect(abs(p.table.kTotal - w.table.kTotal) <= 1e-9 * max(1, abs(w.table.kTotal)))
        #expect(abs(p.table.tTotal - w.table.tTotal) <= 1e-9 * max(1, abs(w.table.tTotal)))
        #expect(p.decision.label == w.decision.label)
        #expect(abs(p.decision.probability - w.decision.probability) <= 1e-9)
    }
}
