import Testing
@testable import TillitKit

@Suite("Word vectors: in-domain neighbours, compound heads, and a label model that reads them")
struct WordVectorsTests {
    /// Cosine similarity of two words in the embedded vectors.
    func similarity(_ a: String, _ b: String) -> Double {
        let wv = WordVectors.embedded
        let x = wv.mean([wv.id(of: a)]), y = wv.mean([wv.id(of: b)])
        let dot = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
        let nx = x.reduce(0) { $0 + $1 * $1 }.squareRoot(), ny = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return dot / (nx * ny)
    }

    @Test("words of control sit nearer each other than a control word and an unrelated one")
    func controlWordsAreNeighbours() {
        #expect(similarity("kontroll", "tillsyn") > similarity("kontroll", "semester") + 0.2)
        #expect(similarity("uppföljning", "utvärdering") > similarity("uppföljning", "fiske") + 0.2)
    }

    @Test("a compound the vectors do not hold takes the vector of its head")
    func compoundTakesItsHead() {
        let wv = WordVectors.embedded
        let head = wv.id(of: "granskning")
        #expect(head >= 0)
        #expect(wv.id(of: "specialgranskning") >= 0)
        #expect(wv.id(of: "xyzqgranskning") == head)
        #expect(wv.id(of: "qqqqqqqq") == -1)
    }

    @Test("the mean of no known word is the zero vector, and frequent words weigh less than rare ones")
    func meanWeighsByInverseFrequency() {
        let wv = WordVectors.embedded
        #expect(wv.mean([-1]).allSatisfy { $0 == 0 })
        let och = wv.id(of: "och"), tillsyn = wv.id(of: "tillsyn")
        #expect(och >= 0 && tillsyn >= 0)
        #expect(wv.weights[Int(och)] < wv.weights[Int(tillsyn)] / 10)
    }

    @Test("a vectors file with a wrong component count or no header is refused with its line")
    func malformedFilesAreRefused() {
        #expect(throws: TillitError.self) { try WordVectors.parse(Array("dims\t4\ntokens\t10\nord\t3\tAAA=\n".utf8), source: "v.tsv") }
        #expect(throws: TillitError.self) { try WordVectors.parse(Array("ord\t3\tAAAAAA==\n".utf8), source: "v.tsv") }
        let ok = try? WordVectors.parse(Array("dims\t4\r\ntokens\t10\r\nord\t3\tAQID/w==\r\n".utf8), source: "v.tsv")
        #expect(ok?.count == 1)
        #expect(ok.map { Array($0.components) } == [1, 2, 3, -1])
    }

    @Test("base64 rows decode to their signed bytes, whole groups and a padded last group alike; a bad character in any group is refused")
    func base64RowsDecodeExactly() throws {
        let six = try WordVectors.parse(Array("dims\t6\ntokens\t10\nord\t3\tAQID/4B/\nannat\t2\tAQID/4B/\n".utf8), source: "v.tsv")
        #expect(Array(six.components) == [1, 2, 3, -1, -128, 127, 1, 2, 3, -1, -128, 127])
        let seven = try WordVectors.parse(Array("dims\t7\ntokens\t10\nord\t3\tBfoABwgJgQ==\n".utf8), source: "v.tsv")
        #expect(Array(seven.components) == [5, -6, 0, 7, 8, 9, -127])
        #expect(throws: TillitError.self) { try WordVectors.parse(Array("dims\t6\ntokens\t10\nord\t3\tAQID/*B/\n".utf8), source: "v.tsv") }
        #expect(throws: TillitError.self) { try WordVectors.parse(Array("dims\t6\ntokens\t10\nord\t3\tAQID====\n".utf8), source: "v.tsv") }
    }

    @Test("the embedded model reads word vectors, and names the words that moved a label in its reasons")
    func embeddedModelExplainsVectorReasons() throws {
        let model = LabelModel.embedded
        #expect(model.vectorDims == WordVectors.embedded.dims)
        let text = "Nämnden ska skärpa tillsynen, granska verksamheterna oftare och kräva återrapportering av varje avvikelse."
        let doc = try Analyzer().score(text: text)
        let unit = try #require(doc.units.first)
        #expect(unit.decision.label == .K)
        // a trained model round-trips through its file with the vector rows
        let again = try LabelModel.parse(model.serialized(), source: "m.tsv")
        #expect(again.vectorDims == model.vectorDims)
        #expect(again.decide(unit.table, vectorIDs: [WordVectors.embedded.id(of: "tillsyn")]).probabilities.count == 4)
    }

    @Test("a vector reason names the words behind it, or says no word leads; never an empty list of words")
    func vectorReasonNeverEmpty() throws {
        let analyzer = Analyzer(options: ScoreOptions(repair: .off))
        // a paragraph with only one known word, which the vectors hold but which did not push the label
        let doc = try analyzer.score(text: "Qwrtp zzxv blorf kontroll.\n\nXyzzy plugh tillit.\n")
        let features = doc.units.flatMap { $0.decision.reasons.map(\.feature) }
        #expect(!features.contains("words like "))
        #expect(features.allSatisfy { !$0.hasPrefix("words like ") || $0.count > "words like ".count })
        #expect(features.contains("word vectors (no word leads)"))
        #expect(features.contains("words like tillit"))
    }

    @Test("folding the vector weights into each word decides exactly as the mean vector does")
    func foldedVectorsDecideAsTheMean() throws {
        let model = LabelModel.embedded
        let folded = try #require(VectorLogits(model: model))
        let wv = WordVectors.embedded
        var table = ScoreTable()
        table.kTotal = 2; table.kHits = 2; table.kEntries = 2; table.words = 20
        table.k[Dimension.instrument.rawValue] = 2
        for words in [["tillsyn", "granskning", "kommunen"], ["tillit", "medarbetarna", "dialog", "tillit"], ["qqqq"]] {
            let ids = words.map { wv.id(of: $0) }
            let slow = model.decide(table, vectorIDs: ids)
            let fast = model.decide(table, vectorIDs: ids, vectorLogits: folded)
            #expect(slow.label == fast.label)
            for (a, b) in zip(slow.probabilities, fast.probabilities) { #expect(abs(a - b) < 1e-9) }
            #expect(slow.reasons.map(\.feature) == fast.reasons.map(\.feature))
        }
    }

    @Test("the leading words behind a decision, taken with a limit, are the first of the full ranking")
    func limitedContributionsLeadTheRanking() throws {
        let folded = try #require(VectorLogits(model: LabelModel.embedded))
        let wv = WordVectors.embedded
        var rng = SystemRandomNumberGenerator()
        for round in 0..<300 {
            // repeated words, words the vectors lack (-1), and units of 1 to 80 words
            let ids = (0..<Int.random(in: 1...80, using: &rng)).map { _ in
                Bool.random(using: &rng) && round % 3 == 0 ? Int32(-1) : Int32(Int.random(in: 0..<min(wv.count, 400), using: &rng))
            }
            for (best, second) in [(0, 1), (1, 0), (3, 2)] {
                let all = folded.contributions(ids, best: best, second: second)
                #expect(Set(all.map(\.word)).count == all.count)
                #expect(zip(all, all.dropFirst()).allSatisfy { $0.share > $1.share || ($0.share == $1.share && $0.word < $1.word) })
                for limit in [1, 3, 5] {
                    let top = folded.contributions(ids, best: best, second: second, limit: limit)
                    #expect(top.map(\.word) == all.prefix(limit).map(\.word), "limit \(limit), ids \(ids)")
                    #expect(top.map(\.share) == all.prefix(limit).map(\.share))
                }
            }
        }
    }
}
