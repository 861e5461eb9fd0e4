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
public struct OCRRewrites: Sendable {
    /// One rewrite: OCR wrote `ocr` where the text has `gold`.
    struct Rewrite: Sendable {
        let ocr: [UInt32]
        let gold: [UInt32]
        let cost: Float
    }
    /// Rewrites by the first scalar of their OCR side.
    private let byFirst: [UInt32: [Rewrite]]
    /// Number of rewrites kept.
    public let count: Int

    /// The rewrites embedded in the library.
    public static let embedded = OCRRewrites(text: EmbeddedOCRChannel.text)

    /// No rewrites at all.
    public init() { byFirst = [:]; count = 0 }

    /// Parses `r OCR GOLD COUNT SEEN` lines (others are skipped). `covered(o, g)` says that
    /// the character channel already reads OCR scalar `o` as gold scalar `g`; such
    /// one-letter rewrites are dropped.
    init(text: String, covered: (UInt32, UInt32) -> Bool = Repairer.channelReads) {
        var map: [UInt32: [Rewrite]] = [:]
        var n = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where line.hasPrefix("r\t") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 5, let c = Double(f[3]), let s = Double(f[4]), c > 0, s >= c else { continue }
            let o = f[1].unicodeScalars.map(\.value), g = f[2].unicodeScalars.map(\.value)
            guard let first = o.first, !g.isEmpty else { continue }
            if o.count == 1 && g.count == 1 && covered(o[0], g[0]) { continue }
            map[first, default: []].append(Rewrite(ocr: o, gold: g, cost: Float(-log(c / s))))
            n += 1
        }
        byFirst = map
        count = n
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

    /// Readings of the lowercase scalars `s` through one or two non-overlapping rewrites,
    /// cheapest first, each with its summed cost; at most `limit`, none dearer than `maxCost`.
    func readings(_ s: [UInt32], limit: Int = 32, maxCost: Float = 10) -> [(reading: [UInt32], cost: Float)] {
        guard !byFirst.isEmpty else { return [] }
        // every place a rewrite applies: (start, rewrite)
        var sites: [(Int, Rewrite)] = []
        for i in s.indices {
            guard let rs = byFirst[s[i]] else { continue }
            for r in rs where r.cost <= maxCost && i + r.ocr.count <= s.count && s[i..<(i + r.ocr.count)].elementsEqual(r.ocr) {
                sites.append((i, r))
            }
        }
        guard !sites.isEmpty else { return [] }
        var out: [(reading: [UInt32], cost: Float)] = []
        func apply(_ picks: [(Int, Rewrite)]) -> [UInt32] {
            var r: [UInt32] = []
            var k = 0
            for (i, w) in picks {
                r.append(contentsOf: s[k..<i])
                r.append(contentsOf: w.gold)
                k = i + w.ocr.count
            }
            r.append(contentsOf: s[k...])
            return r
        }
        for a in sites.indices {
            let (i, r) = sites[a]
            out.append((apply([sites[a]]), r.cost))
            for b in sites.indices where sites[b].0 >= i + r.ocr.count {
                let c = r.cost + sites[b].1.cost
                if c <= maxCost { out.append((apply([sites[a], sites[b]]), c)) }
            }
        }
        out.sort { $0.cost < $1.cost }
        if out.count > limit { out.removeLast(out.count - limit) }
        return out
    }
}

import Glibc
