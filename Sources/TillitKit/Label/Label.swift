/// The codebook's labels.
public enum Label: String, Sendable, Codable, CaseIterable {
    /// Control-based governance language dominates.
    case K
    /// Trust-based governance language dominates.
    case T
    /// Both, neither clearly dominating (blandad).
    case B
    /// No governance-mode language, or too little to say (abstain).
    case N
}
