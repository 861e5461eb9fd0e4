/// The label of one unit with what decided it: the model's probability of each label and the
/// features that moved the decision most.
public struct LabelDecision: Sendable, Equatable {
    /// One feature's part in a decision.
    public struct Reason: Sendable, Equatable {
        /// The feature's name (`LabelFeatures.names`).
        public var feature: String
        /// The feature's value in the unit.
        public var value: Double
        /// How far it moved the chosen label's log-odds over the runner-up's (positive: toward
        /// the chosen label).
        public var effect: Double
    }

    /// The label.
    public var label: Label
    /// Probability of each label, in `Label.allCases` order (K, T, B, N); sums to 1.
    public var probabilities: [Double]
    /// The features that moved the decision most, strongest first (at most three).
    public var reasons: [Reason]

    /// The probability of the chosen label.
    public var probability: Double { probabilities[Label.allCases.firstIndex(of: label)!] }

    public init(label: Label, probabilities: [Double], reasons: [Reason]) {
        self.label = label
        self.probabilities = probabilities
        self.reasons = reasons
    }

    /// The decision for a unit without any evidence: `N` with certainty. No label other than
    /// `N` is given without at least one hit to show for it.
    public static let noEvidence = LabelDecision(label: .N, probabilities: [0, 0, 0, 1], reasons: [])
}
