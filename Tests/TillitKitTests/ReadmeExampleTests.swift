import Testing
import TillitKit

/// The README's "Using the library" example, kept honest: it must print what the README says.
@Suite("README library example")
struct ReadmeExampleTests {
    @Test("scoring and repair calls from the README give the documented results")
    func libraryExample() throws {
        let analyzer = Analyzer(options: ScoreOptions(unit: .paragraph, repair: .auto, evidence: true))
        let doc = try analyzer.score(text: "Vi vill minska detaljstyrningen och ge medarbetarna handlingsutrymme.")
        #expect(doc.label == .T && doc.table.kTotal == 0 && doc.table.tTotal == 4)
        #expect(doc.units[0].hits.map(\.surface) == ["detaljstyrningen", "handlingsutrymme"])
        let repaired = Repairer.shared.repair(text: Array("Tillit ar vagen fram".utf8), mode: .on)
        #expect(repaired.changes.map { "\($0.original)→\($0.replacement)" } == ["ar→är", "vagen→vägen"])
    }
}
