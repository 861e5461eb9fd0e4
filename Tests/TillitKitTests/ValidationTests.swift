import Testing
@testable import TillitKit

@Suite("Validation against human codes: the figures tillit validate prints")
struct ValidationTests {
    /// Eight passages, counted by hand: K 1/2 right, T 2 of 3 with 2 false alarms, B found
    /// once with 1 false alarm, N 1/2.
    static let handCounted: Validation = {
        let gold = ["K", "K", "T", "T", "T", "B", "N", "N"], predicted = ["K", "T", "T", "T", "B", "B", "N", "T"]
        return Validation(pairs: (0..<8).map { (id: "p\($0)", gold: Label(rawValue: gold[$0])!, predicted: Label(rawValue: predicted[$0])!) })
    }()

    @Test("per-class F1, macro-F1 and Cohen's kappa follow f1.py and the textbook formula on a hand-counted example")
    func handCountedFigures() {
        let v = Self.handCounted
        #expect(abs(v.classScores(.K).f1 - 2.0 / 3) < 1e-9)
        #expect(abs(v.classScores(.T).f1 - 4.0 / 7) < 1e-9)
        #expect(abs(v.classScores(.B).f1 - 2.0 / 3) < 1e-9)
        #expect(v.classScores(.N).support == 2)
        #expect(abs(v.macroF1 - (2.0 / 3 * 3 + 4.0 / 7) / 4) < 1e-9)
        // p_o = 5/8, p_e = (2·1 + 3·4 + 1·2 + 2·1)/64
        #expect(abs(v.kappa - (5.0 / 8 - 18.0 / 64) / (1 - 18.0 / 64)) < 1e-9)
        #expect(v.confusion[1] == [0, 2, 1, 0])   // gold T: 2 right, 1 read as B
    }

    @Test("the bootstrap interval brackets macro-F1, is the same on every run, and is a point for a perfect coder of a balanced sample")
    func bootstrapInterval() {
        let v = Self.handCounted
        let a = v.macroF1Interval(), b = v.macroF1Interval()
        #expect(a == b)
        #expect(a.low <= v.macroF1 && v.macroF1 <= a.high)
        #expect(a.high - a.low > 0.2, "eight passages cannot pin macro-F1 down")
        let labels: [Label] = [.K, .T, .B, .N]
        let perfect = Validation(pairs: (0..<40).map { (id: "p\($0)", gold: labels[$0 % 4], predicted: labels[$0 % 4]) })
        #expect(perfect.macroF1Interval() == (low: 1.0, high: 1.0))
    }

    @Test("tillit validate prints the interval next to macro-F1")
    func renderShowsInterval() {
        let text = Self.handCounted.render()
        #expect(text.contains("macro-F1 0.6429"))
        #expect(text.contains("macro-F1 95% bootstrap interval "))
        #expect(text.contains("(2000 resamples of the 8 passages)"))
    }
}
