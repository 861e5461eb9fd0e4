/// Repaired lowercase keys by token index, so later stages read repaired words while their
/// offsets stay on the original tokens. Sparse: only repaired tokens are stored.
public struct RepairOverlay: Sendable {
    var indices: [Int32] = []
    var keys: [[UInt8]] = []

    public init() {}

    /// Records the repaired lowercase key of token `index`. Indices must be added in increasing order.
    public mutating func add(tokenIndex index: Int, key: [UInt8]) {
        indices.append(Int32(index))
        keys.append(key)
    }

    /// Number of repaired tokens.
    public var count: Int { indices.count }
    /// True when nothing was repaired.
    public var isEmpty: Bool { indices.isEmpty }

    /// The repaired key for token `index`, if any. O(log n).
    @inline(__always)
    public func key(for index: Int) -> [UInt8]? {
        if indices.isEmpty { return nil }
        var lo = 0, hi = indices.count
        let t = Int32(index)
        while lo < hi {
            let mid = (lo + hi) >> 1
            if indices[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo < indices.count && indices[lo] == t ? keys[lo] : nil
    }
}
