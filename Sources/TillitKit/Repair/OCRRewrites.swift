/// OCR rewrites of a stretch of letters learned from real OCR against its gold transcription
/// (`Lexicons/ocr-channel-sv.txt`, built by `scripts/build-ocr-channel.py`): OCR writes `m`
/// for `rn` (`statsministem`), `ii` for `ä` (`sambiillet`), `g` for `ö` (`fGrutsättningar`),
/// `y` for `v`. Each rewrite has the cost −ln P(OCR side | gold side), counted over the
/// aligned words.
///
/// The repairer reads a word that no list holds through at most two of them and keeps the
/// readings that reach a lexicon form; rewrites of one letter that its character channel
/// already reads (`a` for `ä`, `6` for `ö`) are left to that channel.
/// Cost: O(word length × rewrites starting at each letter) per word, for words no list holds.
///
/// It also holds the punctuation glyphs that OCR writes for another glyph nearly every time
/// it writes them standing alone (`p` lines: a spaced `—` for the `–` of Swedish typesetting).
public struct OCRRewrites: Sendable {
    /// One punctuation rewrite: a token of exactly the bytes `ocr`, standing alone, reads as
    /// `gold`, with the share of the times OCR wrote it that it stood for `gold`.
    struct Glyph: Sendable {
        let ocr: [UInt8]
        let gold: [UInt8]
        let confidence: Float
    }
    /// The punctuation rewrites, in file order.
    let glyphs: [Glyph]
    /// How often OCR writes `,` for the `.` that ends a sentence (the `s , .` line), or 0.
    let periodAsComma: Float
    /// How likely a letter is to suffer a one-letter edit never seen in the counts (the `e`
    /// line: the edits seen once per gold letter, by Good and Turing), or 0.
    let unseenEditRate: Float
    /// The letters OCR drops (`d` lines), each with its cost −ln P(dropped | letter).
    let drops: [(letter: UInt32, cost: Float)]
    /// The one-letter edits tried last (`OneEditReadings`), at these costs; nil without an
    /// `e` line.
    let oneEdit: OneEditReadings?
    /// One rewrite: OCR wrote `ocr` where the text has `gold`.
    struct Rewrite: Sendable {
        let ocr: [UInt32]
        let gold: [UInt32]
        let cost: Float
    }
    /// The rewrites grouped by the first scalar of their OCR side, flat: rewrite `k` writes
    /// `scalars[ocrStart[k] ..< goldStart[k]]` for `scalars[goldStart[k] ..< ocrStart[k + 1]]`
    /// at cost `costs[k]`.
    private let scalars: [UInt32]
    private let ocrStart: [Int32]
    private let goldStart: [Int32]
    private let costs: [Float]
    /// The rewrites starting with a scalar: their index range.
    private let byFirst: [UInt32: Range<Int>]
    /// Number of rewrites kept.
    public let count: Int

    /// The rewrites embedded in the library.
    public static let embedded = OCRRewrites(text: EmbeddedOCRChannel.text)

    /// No rewrites at all.
    public init() { scalars = []; ocrStart = [0]; goldStart = []; costs = []; byFirst = [:]; count = 0; glyphs = []; periodAsComma = 0; unseenEditRate = 0; drops = []; oneEdit = nil }

    /// Parses `r`, `p`, `s`, `d` and `e` lines of `KIND OCR GOLD COUNT SEEN` (others are skipped). `covered(o, g)` says that
    /// the character channel already reads OCR scalar `o` as gold scalar `g`; such
    /// one-letter rewrites are dropped.
    init(text: String, covered: (UInt32, UInt32) -> Bool = Repairer.channelReads) {
        var map: [UInt32: [Rewrite]] = [:]
        var n = 0
        var glyphs: [Glyph] = []
        var periodAsComma: Float = 0
        var unseenEditRate: Float = 0
        var drops: [(letter: UInt32, cost: Float)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where line.hasPrefix("r\t") || line.hasPrefix("p\t") || line.hasPrefix("s\t") || line.hasPrefix("e\t") || line.hasPrefix("d\t") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 5, let c = Double(f[3]), let s = Double(f[4]), c > 0, s >= c else { continue }
            if line.hasPrefix("d\t") {
                let g = f[2].unicodeScalars.map(\.value)
                if f[1].isEmpty && g.count == 1 { drops.append((g[0], Float(-log(c / s)))) }
                continue
            }
            if line.hasPrefix("e\t") {
                unseenEditRate = Float(c / s)
                continue
            }
            if line.hasPrefix("s\t") {
                if f[1] == "," && f[2] == "." { periodAsComma = Float(c / s) }
                continue
            }
            if line.hasPrefix("p\t") {
                // the confidence is the add-one share, so that 16 of 16 does not read as certain
                if !f[1].isEmpty && !f[2].isEmpty { glyphs.append(Glyph(ocr: Array(f[1].utf8), gold: Array(f[2].utf8), confidence: Float(c / (s + 1)))) }
                continue
            }
            let o = f[1].unicodeScalars.map(\.value), g = f[2].unicodeScalars.map(\.value)
            guard let first = o.first, !g.isEmpty else { continue }
            if o.count == 1 && g.count == 1 && covered(o[0], g[0]) { continue }
            map[first, default: []].append(Rewrite(ocr: o, gold: g, cost: Float(-log(c / s))))
            n += 1
        }
        var flat: [UInt32] = [], ocrAt: [Int32] = [], goldAt: [Int32] = [], cost: [Float] = []
        var ranges: [UInt32: Range<Int>] = [:]
        for first in map.keys.sorted() {
            let lo = cost.count
            for r in map[first]! {
                ocrAt.append(Int32(flat.count)); flat.append(contentsOf: r.ocr)
                goldAt.append(Int32(flat.count)); flat.append(contentsOf: r.gold)
                cost.append(r.cost)
            }
            ranges[first] = lo..<cost.count
        }
        ocrAt.append(Int32(flat.count))
        scalars = flat
        ocrStart = ocrAt
        goldStart = goldAt
        costs = cost
        byFirst = ranges
        count = n
        self.glyphs = glyphs
        self.periodAsComma = periodAsComma
        self.unseenEditRate = unseenEditRate
        self.drops = drops
        self.oneEdit = OneEditReadings(unseenEditRate: unseenEditRate, drops: drops)
    }

    /// The index of the punctuation rewrite for the `length` bytes at `p`, or nil.
    /// Cost: one length compare per punctuation rewrite (there are few).
    @inline(__always)
    func glyph(_ p: UnsafePointer<UInt8>, _ length: Int) -> Int? {
        for (k, g) in glyphs.enumerated() where g.ocr.count == length {
            if g.ocr.withUnsafeBufferPointer({ memcmp($0.baseAddress!, p, length) == 0 }) { return k }
        }
        return nil
    }

    /// Reads a rewrites file in the generated format. Cost: one read and parse.
    /// - Throws: `.inputNotFound`/`.io` when it cannot be read, `.badLexicon` when it is not
    ///   UTF-8 or holds no rewrite.
    public init(contentsOf path: String) throws(TillitError) {
        let bytes = try FileInput.readAll(path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .badLexicon(path: path, line: 1, reason: "OCR rewrites file is not UTF-8 text") }
        self.init(text: text)
        if count == 0 { throw .badLexicon(path: path, line: 1, reason: "no `r OCR GOLD COUNT SEEN` lines found") }
    }

    /// True when a learned rewrite reads the one lowercase scalar `ocr` as the one scalar
    /// `gold` (`g` for `ö`, `s` for `ö`). Cost: a scan of the rewrites starting with `ocr`.
    func readsLetter(_ ocr: UInt32, as gold: UInt32) -> Bool {
        guard let rs = byFirst[ocr] else { return false }
        for k in rs where Int(goldStart[k]) - Int(ocrStart[k]) == 1 && Int(ocrStart[k + 1]) - Int(goldStart[k]) == 1 && scalars[Int(goldStart[k])] == gold { return true }
        return false
    }

    /// Readings of the lowercase scalars `s` through one or two non-overlapping rewrites,
    /// cheapest first, each with its summed cost; at most `limit`, none dearer than `maxCost`.
    func readings(_ s: [UInt32], limit: Int = 32, maxCost: Float = 10) -> [(reading: [UInt32], cost: Float)] {
        guard !byFirst.isEmpty, limit > 0 else { return [] }
        return scalars.withUnsafeBufferPointer { sc in
        s.withUnsafeBufferPointer { w -> [(reading: [UInt32], cost: Float)] in
            let n = w.count
            // every place a rewrite applies: its start, its end and the rewrite's index
            var sites: [(start: Int, end: Int, rewrite: Int)] = []
            for i in 0..<n {
                guard let rs = byFirst[w[i]] else { continue }
                for k in rs where costs[k] <= maxCost {
                    let o = Int(ocrStart[k]), len = Int(goldStart[k]) - o
                    guard i + len <= n else { continue }
                    var same = true
                    for j in 0..<len where sc[o + j] != w[i + j] { same = false; break }
                    if same { sites.append((i, i + len, k)) }
                }
            }
            guard !sites.isEmpty else { return [] }
            // the cheapest `limit` readings, as pairs of sites (the second −1 for one rewrite),
            // kept sorted by cost; equal costs keep the order they were found in
            var kept: [(cost: Float, a: Int32, b: Int32)] = []
            kept.reserveCapacity(limit + 1)
            func offer(_ c: Float, _ a: Int, _ b: Int) {
                if kept.count == limit && c >= kept[limit - 1].cost { return }
                var at = kept.count
                while at > 0 && kept[at - 1].cost > c { at -= 1 }
                kept.insert((c, Int32(a), Int32(b)), at: at)
                if kept.count > limit { kept.removeLast() }
            }
            for a in sites.indices {
                let ca = costs[sites[a].rewrite]
                offer(ca, a, -1)
                for b in sites.indices where sites[b].start >= sites[a].end {
                    let c = ca + costs[sites[b].rewrite]
                    if c <= maxCost { offer(c, a, b) }
                }
            }
            return kept.map { pick in
                var r: [UInt32] = []
                r.reserveCapacity(n + 2)
                var k = 0
                for site in [Int(pick.a), Int(pick.b)] where site >= 0 {
                    let (i, end, rw) = sites[site]
                    r.append(contentsOf: w[k..<i])
                    r.append(contentsOf: sc[Int(goldStart[rw])..<Int(ocrStart[rw + 1])])
                    k = end
                }
                r.append(contentsOf: w[k..<n])
                return (r, pick.cost)
            }
        }
        }
    }
}

import Glibc
