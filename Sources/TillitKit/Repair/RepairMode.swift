/// When to repair OCR damage before scoring.
public enum RepairMode: String, Sendable, CaseIterable {
    /// Repair documents that look damaged (few å/ä/ö, OCR stand-ins such as `f6r`, `&r`).
    case auto
    /// Always repair.
    case on
    /// Never repair.
    case off
}
