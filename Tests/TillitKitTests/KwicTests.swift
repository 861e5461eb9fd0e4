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

    @Test("in a repaired document the context is shown repaired, with the original beside it; a clean one's are the same")
    func repairedContext() throws {
        let kwic = try Kwic(query: KwicQuery.parse("kontroll"), repair: .on)
        let text = "Kommunfullmiktige vill ha mer kontroll av verksamheten och fler nyckeltal i forvaltningen fran och med nu."
        let line = try #require(try kwic.lines(id: "d", bytes: Array(text.utf8)).first)
        #expect(line.left == "Kommunfullmäktige vill ha mer")
        #expect(line.leftOriginal == "Kommunfullmiktige vill ha mer")
        #expect(line.right.hasPrefix("av verksamheten och fler nyckeltal i för"))
        #expect(line.rightOriginal.hasPrefix("av verksamheten och fler nyckeltal i for"))
        #expect(Array(Array(text.utf8)[line.offset..<line.offset + 8]) == Array("kontroll".utf8))   // the offset still points into the original
        let clean = try #require(try Kwic(query: KwicQuery.parse("kontroll"), repair: .off).lines(id: "d", bytes: Array(text.utf8)).first)
        #expect(clean.left == clean.leftOriginal && clean.right == clean.rightOriginal)
    }
}
