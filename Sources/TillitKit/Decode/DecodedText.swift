/// A document's text as normalised UTF-8 bytes, with a way back to the original bytes.
///
/// The bytes are NFC for Swedish letters (å/ä/ö/é), never contain a byte order mark, and
/// keep CR bytes (they count as whitespace). When decoding changed byte lengths
/// (Windows-1252 input, stray Windows-1252 bytes in UTF-8, or NFD folding) `originalOffset(_:)` maps every offset back to the
/// file; otherwise it only adds the skipped BOM.
public struct DecodedText: Sendable {
    /// The normalised UTF-8 bytes that all later stages read.
    public let bytes: [UInt8]
    /// How the source bytes were read.
    public let encoding: SourceEncoding
    /// True when the text was normalised: NFD sequences folded to precomposed letters, soft
    /// hyphens and zero-width characters dropped, or ligatures spelled out.
    public let foldedNFD: Bool
    /// Number of bytes skipped at the start (3 for a UTF-8 BOM, else 0).
    public let prefixSkipped: Int
    /// Per-byte map to original offsets, present only when transcoding changed byte lengths
    /// (Windows-1252; count = bytes before normalising + 1).
    let offsetMap: [Int32]?
    /// Where normalising (NFD folding, dropped invisible characters, spelled-out ligatures)
    /// shifted offsets, applied before `offsetMap`.
    let shifts: OffsetShifts?
    /// Bytes read as Windows-1252 inside a UTF-8 text (`SourceEncoding.utf8WithWindows1252`), else 0.
    public let strayBytes: Int

    public init(bytes: [UInt8], encoding: SourceEncoding = .utf8, foldedNFD: Bool = false, prefixSkipped: Int = 0, offsetMap: [Int32]? = nil) {
        self.init(bytes: bytes, encoding: encoding, foldedNFD: foldedNFD, prefixSkipped: prefixSkipped, offsetMap: offsetMap, shifts: nil)
    }

    init(bytes: [UInt8], encoding: SourceEncoding, foldedNFD: Bool, prefixSkipped: Int, offsetMap: [Int32]?, shifts: OffsetShifts?, strayBytes: Int = 0) {
        self.bytes = bytes
        self.strayBytes = strayBytes
        self.encoding = encoding
        self.foldedNFD = foldedNFD
        self.prefixSkipped = prefixSkipped
        self.offsetMap = offsetMap
        self.shifts = shifts
    }

    /// The byte offset in the original input that corresponds to `offset` in `bytes`.
    /// O(1), or O(log k) for k normalised places.
    public func originalOffset(_ offset: Int) -> Int {
        var x = offset
        if let s = shifts { x = s.original(x) }
        if let m = offsetMap { x = Int(m[min(x, m.count - 1)]) }
        return x + prefixSkipped
    }

    /// The text as a Swift `String` (allocates; for output, not the hot path).
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// A sparse offset map: from `points[k]` on (an offset in the new bytes), the old offset is
/// the new one plus `deltas[k]`. Costs 8 bytes per changed place instead of 4 per byte.
struct OffsetShifts: Sendable {
    var points: [Int32] = []
    var deltas: [Int32] = []

    /// Records that from new offset `at` on, old = new + `delta`.
    mutating func add(at: Int, delta: Int) {
        if let last = points.last, Int(last) == at { deltas[deltas.count - 1] = Int32(delta); return }
        points.append(Int32(at)); deltas.append(Int32(delta))
    }

    /// The old offset of new offset `x`. O(log k).
    func original(_ x: Int) -> Int {
        var lo = 0, hi = points.count   // first point > x
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(points[mid]) <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? x : x + Int(deltas[lo - 1])
    }
}
