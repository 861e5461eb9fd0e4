/// Turns a `ScoreTable` into a `Label`.
///
/// 1. Evidence E = K + T (weighted). If E < `minEvidence`: `N` (abstain).
/// 2. Share s = T / E. If s ≥ `dominance`: `T`; if s ≤ 1 − `dominance`: `K`.
/// 3. Otherwise `B`, but only when the weaker pole has at least `minMixed` weight; below
///    that the stronger pole wins.
public struct LabelRule: Sendable, Equatable {
    /// Least weighted evidence for any label other than `N`.
    public var minEvidence: Double
    /// Share of the evidence a pole needs to win outright.
    public var dominance: Double
    /// Least weight the weaker pole needs for `B`.
    public var minMixed: Double

    /// The documented default (see README, "Label rule").
    public static let standard = LabelRule(minEvidence: 1.5, dominance: 0.85, minMixed: 3.0)

    public init(minEvidence: Double, dominance: Double, minMixed: Double) {
        self.minEvidence = minEvidence
        self.dominance = dominance
        self.minMixed = minMixed
    }

    /// The label for `table`.
    public func label(_ table: ScoreTable) -> Label {
        let e = table.kTotal + table.tTotal
        if e < minEvidence { return .N }
        let s = table.tTotal / e
        if s >= dominance { return .T }
        if s <= 1 - dominance { return .K }
        if min(table.kTotal, table.tTotal) < minMixed { return table.tTotal >= table.kTotal ? .T : .K }
        return .B
    }
}
