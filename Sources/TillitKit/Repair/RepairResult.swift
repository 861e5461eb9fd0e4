/// The outcome of repairing one document.
public struct RepairResult: Sendable {
    /// Every change, in text order.
    public var changes: [RepairChange]
    /// Whether the document looked damaged (drives `--repair auto`).
    public var looksDamaged: Bool
    /// Share of word tokens carrying å/ä/ö before repair.
    public var diacriticRate: Double

    public init(changes: [RepairChange] = [], looksDamaged: Bool = false, diacriticRate: Double = 0) {
        self.changes = changes
        self.looksDamaged = looksDamaged
        self.diacriticRate = diacriticRate
    }

    /// The repaired lowercase keys by token, for matching.
    public var overlay: RepairOverlay {
        var o = RepairOverlay()
        for c in changes { o.set(tokenIndex: c.tokenIndex, key: Array(c.replacement.lowercased().utf8)) }
        return o
    }

    /// `bytes` with every change applied; byte-identical elsewhere. O(n).
    public func apply(to bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + changes.count * 2)
        var pos = 0
        for c in changes {
            out.append(contentsOf: bytes[pos..<c.offset])
            out.append(contentsOf: Array(c.replacement.utf8))
            pos = c.offset + c.length
        }
        out.append(contentsOf: bytes[pos...])
        return out
    }
}
