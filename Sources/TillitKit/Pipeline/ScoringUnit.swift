/// The unit that gets one score and label.
public enum ScoringUnit: String, Sendable, CaseIterable {
    /// A whole document (or JSONL record).
    case document
    /// Each paragraph, heading or list item.
    case paragraph
    /// Each sentence.
    case sentence
}
