/// Per-thread memo of repair decisions by word type and regime (clean or damaged), so each
/// distinct word is analysed once. Bounded: it starts over past `limit` types, between
/// documents only, so edits of one document always resolve.
public struct RepairCache {
    struct Entry {
        /// 0 keep, 1 replace, 2 decide by context.
        var action: UInt8
        var form: Int32
        var confidence: Float
        var reason: RepairReason
        /// Form id of the token itself when it is a known word, else -1.
        var original: Int32
        var candStart: Int32
        var candCount: Int32
        /// Context id of the word itself, and of the chosen form (action 1).
        var context: Int32
        var formContext: Int32
    }

    /// Word key → entry index, one table per regime: clean text, OCR-damaged text, text
    /// with å/ä/ö flattened, flattened text with no OCR stand-in.
    var tables = [ByteTable(capacity: 1 << 14), ByteTable(capacity: 1 << 14), ByteTable(capacity: 1 << 14), ByteTable(capacity: 1 << 14)]
    var entries: [Entry] = []
    /// Raw-bytes cache in front of `tables` for frequent words (the length byte's top bits carry the regime).
    var hot = RawWordCache()
    var candForms: [Int32] = []
    var candScores: [Float] = []
    var candContexts: [Int32] = []
    /// How often each candidate was seen in the context corpus (left, right side).
    var candLeftSeen: [Int32] = []
    var candRightSeen: [Int32] = []
    /// Per token of the current document: its entry index, or −1.
    var entryOf: [Int32] = []
    /// Forms made by compound repair, addressed by negative ids (-2 - index).
    var extraForms: [[UInt8]] = []
    /// The extra form id of each punctuation glyph a repair wrote.
    var glyphForms: [[UInt8]: Int32] = [:]
    /// Most types kept before the cache starts over.
    public let limit: Int

    public init(limit: Int = 300_000) { self.limit = limit }

    /// Number of cached decisions.
    public var count: Int { entries.count }

    mutating func resetIfFull() {
        guard entries.count >= limit else { return }
        for t in tables.indices { tables[t].removeAll() }
        hot.removeAll()
        entries.removeAll(keepingCapacity: true)
        candForms.removeAll(keepingCapacity: true)
        candScores.removeAll(keepingCapacity: true)
        candContexts.removeAll(keepingCapacity: true)
        candLeftSeen.removeAll(keepingCapacity: true)
        candRightSeen.removeAll(keepingCapacity: true)
        extraForms.removeAll()
        glyphForms.removeAll()
    }

    /// The form a word of entry `e` most likely reads as: its replacement, its best
    /// candidate when context decides, else the word itself (−1 when no list holds it).
    @inline(__always)
    func likelyForm(_ e: Entry) -> Int32 {
        e.action == 1 ? e.form : (e.action == 2 ? candForms[Int(e.candStart)] : e.original)
    }

    /// The extra form id that holds the punctuation glyph `bytes`.
    mutating func glyphForm(_ bytes: [UInt8]) -> Int32 {
        if let id = glyphForms[bytes] { return id }
        extraForms.append(bytes)
        let id = Int32(-2 - (extraForms.count - 1))
        glyphForms[bytes] = id
        return id
    }
}
