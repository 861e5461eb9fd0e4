/// One weight per `Dimension` (six table rows, seven principles), stored inline: a
/// `ScoreTable` is built per unit, and inline storage costs no heap allocation per table.
/// A random-access, mutable collection indexed by `Dimension.rawValue`.
public struct DimensionScores: Sendable, Equatable, RandomAccessCollection, MutableCollection {
    private var v: (Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double, Double)
        = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    /// All zeros.
    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { 13 }

    /// The weight of the dimension with this raw value.
    public subscript(i: Int) -> Double {
        get {
            precondition(i >= 0 && i < 13, "dimension index out of range")
            return withUnsafeBytes(of: v) { $0.load(fromByteOffset: i * 8, as: Double.self) }
        }
        set {
            precondition(i >= 0 && i < 13, "dimension index out of range")
            withUnsafeMutableBytes(of: &v) { $0.storeBytes(of: newValue, toByteOffset: i * 8, as: Double.self) }
        }
    }

    public static func == (a: DimensionScores, b: DimensionScores) -> Bool {
        for i in 0..<13 where a[i] != b[i] { return false }
        return true
    }
}
