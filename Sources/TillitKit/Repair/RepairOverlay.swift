/// Repaired lowercase keys by token index, so later stages read repaired words while their
/// offsets stay on the original tokens. Dense index, flat byte arena: no per-token allocation.
public struct RepairOverlay: Sendable {
    var start: [Int32] = []
    var length: [UInt8] = []
    var arena: [UInt8] = []
    /// Number of repaired tokens.
    public private(set) var count = 0

    public init() {}

    /// Clears the overlay for a document of `tokens` tokens.
    public mutating func reset(tokens: Int) {
        start.removeAll(keepingCapacity: true)
        start.append(contentsOf: repeatElement(-1, count: tokens))
        length.removeAll(keepingCapacity: true)
        length.append(contentsOf: repeatElement(0, count: tokens))
        arena.removeAll(keepingCapacity: true)
        count = 0
    }

    /// True when nothing was repaired.
    public var isEmpty: Bool { count == 0 }

    /// Records the repaired lowercase key of token `index`.
    public mutating func set(tokenIndex index: Int, key: UnsafePointer<UInt8>, length n: Int) {
        guard index < start.count else { return }
        start[index] = Int32(arena.count)
        length[index] = UInt8(min(n, 255))
        arena.append(contentsOf: UnsafeBufferPointer(start: key, count: min(n, 255)))
        count += 1
    }

    /// Records the repaired lowercase key of token `index`.
    public mutating func set(tokenIndex index: Int, key: [UInt8]) {
        if index >= start.count {
            start.append(contentsOf: repeatElement(-1, count: index + 1 - start.count))
            length.append(contentsOf: repeatElement(0, count: index + 1 - length.count))
        }
        key.withUnsafeBufferPointer { set(tokenIndex: index, key: $0.baseAddress ?? UnsafePointer(bitPattern: 1)!, length: $0.count) }
    }

    /// Copies the repaired key of token `index` into `out`, returning its length, or nil.
    @inline(__always)
    public func copyKey(for index: Int, into out: UnsafeMutablePointer<UInt8>) -> Int? {
        guard index < start.count else { return nil }
        let s = Int(start[index])
        if s < 0 { return nil }
        let n = Int(length[index])
        arena.withUnsafeBufferPointer { out.update(from: $0.baseAddress! + s, count: n) }
        return n
    }

    /// The repaired key of token `index` (allocates; for output).
    public func key(for index: Int) -> [UInt8]? {
        guard index < start.count, start[index] >= 0 else { return nil }
        let s = Int(start[index])
        return Array(arena[s..<s + Int(length[index])])
    }
}
