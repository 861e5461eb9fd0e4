import Testing
@testable import TillitKit

@Suite("Keyword in context")
struct KwicTests {
    static let text = "Första meningen här. Kommunen ska kontrollera att verksamheten når målen i tid, sedan inget mer."

    @Test("a token window gives that many words on each side, punctuation kept on the words")
    func tokenWindow() throws {
        let kwic = try Kwic(query: try KwicQuery.parse("kontroll*"), repair: .off, tokens: 3)
        let lines = try kwic.lines(id: "d", bytes: Array(Self.text.utf8))
        #expect(lines.count == 1)
        #expect(lines[0].left == "här. Kommunen ska")
        #expect(lines[0].match == "kontrollera")
        #expect(lines[0].right == "att verksamheten når")
    }

    @Test("a token window at the document's edges gives the words there are")
    func tokenWindowAtEdges() throws {
        let kwic = try Kwic(query: try KwicQuery.parse("kontroll"), repair: .off, tokens: 6)
        let lines = try kwic.lines(id: "d", bytes: Array("kontroll i början. Och sist kontroll".utf8))
        #expect(lines.map(\.left) == ["", "kontroll i början. Och sist"])
        #expect(lines.map(\.right) == ["i början. Och sist kontroll", ""])
    }

    @Test("a token window reaches past long words: 2 words of 300 letters each")
    func tokenWindowLongWords() throws {
        let long = String(repeating: "a", count: 300)
        let kwic = try Kwic(query: try KwicQuery.parse("kontroll"), repair: .off, tokens: 2)
        let lines = try kwic.lines(id: "d", bytes: Array("x \(long) \(long) kontroll".utf8))
        #expect(lines.first?.left == "\(long) \(long)")
    }

    @Test("a bad ROW:POLE such as 4:X is an error, not an empty search")
    func badPole() {
        #expect(throws: TillitError.self) { try KwicQuery.parse("4:X") }
    }
}
