/// Repairs OCR damage in Swedish text. (Filled in by the repair model.)
public final class Repairer: Sendable {
    /// The repairer with the embedded lexicon, loaded once.
    public static let shared = Repairer()

    public init() {}

    /// Finds repairs for the word tokens of `p`.
    public func repair(_ p: UnsafeBufferPointer<UInt8>, tokens: [Token], mode: RepairMode, minConfidence: Double) -> RepairResult {
        RepairResult()
    }
}
