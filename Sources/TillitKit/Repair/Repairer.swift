/// Repairs OCR damage in Swedish text: lost or mangled å/ä/ö (`fran`→`från`, `f6r`→`för`,
/// `&r`→`är`, `kommunfullmiktige`→`kommunfullmäktige`), `1`→`i` between words, and
/// compounds no list holds (`kommunévergripande`→`kommunövergripande`).
///
/// Model: a noisy channel. Each token's characters map to a diacritic-free skeleton under
/// the OCR confusions learned from real OCR (`c` lines of the lexicon); every lexicon form
/// with that skeleton is a candidate, scored by ln frequency + ln P(OCR chars | form) +
/// context bigrams. A document whose share of å/ä/ö words is far below Swedish norms (or
/// that shows OCR stand-ins) is treated as damaged: only then may a valid word change
/// (`har`→`här`); otherwise only unknown words are repaired.
///
/// Cost: one hash probe per known word in clean text; candidate search for damaged words,
/// memoised per word type in the caller's `RepairCache`.
public final class Repairer: Sendable {
    /// The repairer over the embedded lexicon (loaded on first use, not at start-up).
    public static let shared = Repairer()

    let custom: RepairLexicon?
    var lex: RepairLexicon { custom ?? RepairLexicon.embedded }
    /// Weight of the context bigrams.
    public let contextWeight: Float
    /// Share of å/ä/ö words below which a document counts as damaged.
    public let damagedRate: Double

    public init(lexicon: RepairLexicon? = nil, contextWeight: Float = 1.0, damagedRate: Double = 0.08) {
        self.custom = lexicon
        self.contextWeight = contextWeight
        self.damagedRate = damagedRate
    }

    /// Repairs decoded text given as bytes and returns the changes (convenience API).
    public func repair(text bytes: [UInt8], mode: RepairMode = .auto, minConfidence: Double = 0.5) -> RepairResult {
        bytes.withUnsafeBufferPointer { p in
            var toks: [Token] = []
            Tokenizer.tokenize(p, range: 0..<p.count, into: &toks)
            HyphenJoiner.join(p, &toks)
            return repair(p, tokens: toks, mode: mode, minConfidence: minConfidence)
        }
    }

    /// Judges whether the word tokens look OCR-damaged. O(tokens).
    public func assess(_ p: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> (damaged: Bool, rate: Double) {
        var words = 0, marked = 0, suspicious = 0
        for t in tokens where t.kind == .word && t.length >= 2 {
            words += 1
            var hasDia = false, hasDigit = false, hasLetter = false
            var i = Int(t.start)
            while i < Int(t.end) {
                let b = p[i]
                if b == 0xC3, i + 1 < Int(t.end) {
                    let c = p[i + 1]
                    if c == 0xA5 || c == 0xA4 || c == 0xB6 || c == 0x85 || c == 0x84 || c == 0x96 { hasDia = true }
                    hasLetter = true
                    i += 2; continue
                }
                if ByteClass.isDigit(b) || b == 0x26 || b == 0x7C || b == 0x40 { hasDigit = true } else if ByteClass.isASCIILetter(b) { hasLetter = true }
                i += 1
            }
            if hasDia { marked += 1 }
            if hasDigit && hasLetter { suspicious += 1 }
        }
        let rate = words > 0 ? Double(marked) / Double(words) : 0
        let damaged = (words >= 8 && rate < damagedRate) || (suspicious > 0 && suspicious * 40 >= words)
        return (damaged, rate)
    }

    /// Finds repairs for the tokens of `p`. Offsets in the changes point into `p`.
    public func repair(_ p: UnsafeBufferPointer<UInt8>, tokens: [Token], mode: RepairMode, minConfidence: Double) -> RepairResult {
        if mode == .off { return RepairResult() }
        let (detected, rate) = assess(p, tokens: tokens)
        let damaged = mode == .on || detected
        var changes: [RepairChange] = []
        var prevKey: [UInt8] = Array("<s>".utf8)
        let lex = self.lex
        for (ti, t) in tokens.enumerated() {
            if t.kind == .number {
                if damaged, t.length == 1, p[Int(t.start)] == 0x31, oneIsPreposition(p, tokens, ti) {
                    changes.append(RepairChange(tokenIndex: ti, offset: Int(t.start), length: 1, original: "1", replacement: "i", confidence: 0.9, reason: "digit-for-letter"))
                    prevKey = [0x69]
                } else { prevKey = Array("<num>".utf8) }
                continue
            }
            if t.kind == .punctuation {
                let b = p[Int(t.start)]
                if b == 0x2E || b == 0x21 || b == 0x3F || b == 0x3A || b == 0x3B { prevKey = Array("<s>".utf8) }
                continue
            }
            guard t.kind == .word else { continue }
            let key = TokenKey.lowercased(Array(UnsafeBufferPointer(rebasing: p[t.range])), Token(start: 0, end: t.length, kind: .word, joined: t.joined))
            if key.count > 48 { prevKey = key; continue }
            let nextKey = nextWordKey(p, tokens, ti)
            let firstIsCapitalI = p[Int(t.start)] == 0x49
            if let d = decide(key, lex: lex, damaged: damaged, prev: prevKey, next: nextKey, capitalI: firstIsCapitalI), d.confidence >= minConfidence {
                let original = String(decoding: UnsafeBufferPointer(rebasing: p[t.range]), as: UTF8.self)
                let replacement = Repairer.restoreCase(original: original, form: d.form, joined: t.joined)
                if replacement != original {
                    changes.append(RepairChange(tokenIndex: ti, offset: Int(t.start), length: t.length, original: original, replacement: replacement,
                                                confidence: d.confidence, reason: d.reason))
                }
                prevKey = Array(d.form.utf8)
            } else {
                prevKey = key
            }
        }
        return RepairResult(changes: changes, looksDamaged: damaged, diacriticRate: rate)
    }

    /// A lone `1` between two lowercase words reads as the preposition `i`.
    func oneIsPreposition(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ ti: Int) -> Bool {
        guard ti > 0, ti + 1 < tokens.count else { return false }
        let prev = tokens[ti - 1], next = tokens[ti + 1]
        guard prev.kind == .word, next.kind == .word, prev.end < tokens[ti].start, tokens[ti].end < next.start else { return false }
        let nb = p[Int(next.start)]
        guard ByteClass.isASCIILetter(nb) || nb >= 0xC3, !ByteClass.isUpperAt(p, Int(next.start)) else { return false }
        let prevKey = TokenKey.lowercased(Array(UnsafeBufferPointer(rebasing: p[prev.range])), Token(start: 0, end: prev.length, kind: .word))
        let counted: Set<String> = ["kapitel", "sida", "sidan", "punkt", "steg", "nr", "bilaga", "fas", "version", "del", "paragraf", "kap", "s", "avsnitt", "punkten", "bilagan"]
        if counted.contains(String(decoding: prevKey, as: UTF8.self)) { return false }
        let nextKey = TokenKey.lowercased(Array(UnsafeBufferPointer(rebasing: p[next.range])), Token(start: 0, end: next.length, kind: .word))
        let joiners: Set<String> = ["och", "eller", "till", "av", "procent", "miljoner", "miljarder", "kronor", "kr", "st", "timme", "timmar", "dag", "dagar", "år", "ar", "gang", "gång", "juni", "januari", "maj"]
        return !joiners.contains(String(decoding: nextKey, as: UTF8.self))
    }

    func nextWordKey(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ ti: Int) -> [UInt8] {
        guard ti + 1 < tokens.count else { return Array("</s>".utf8) }
        let n = tokens[ti + 1]
        if n.kind == .number { return Array("<num>".utf8) }
        if n.kind != .word { return Array("</s>".utf8) }
        return TokenKey.lowercased(Array(UnsafeBufferPointer(rebasing: p[n.range])), Token(start: 0, end: n.length, kind: .word, joined: n.joined))
    }

    /// One decision: the chosen lowercase form, its confidence and the reason.
    struct Decision { var form: String; var confidence: Double; var reason: String }

    /// Skeleton options for one token character (lowercase scalar), with whether the
    /// option is a costly OCR confusion rather than a plain lost diacritic.
    static func options(_ c: UInt32, capitalI: Bool) -> [(UInt32, Bool)] {
        switch c {
        case 0x61, 0xE4, 0xE5: return [(0x61, false)]            // a ä å → a
        case 0x6F, 0xF6: return [(0x6F, false)]                  // o ö → o
        case 0x36, 0x30: return [(0x6F, false)]                  // 6 0 → o
        case 0x34, 0x26, 0x40: return [(0x61, false)]            // 4 & @ → a
        case 0xA3: return [(0x66, false)]                        // £ → f
        case 0xE9: return [(0x6F, false), (0x61, true), (0xE9, false), (0x65, true)]  // é → ö ä é e
        case 0x64: return [(0x64, false), (0x6F, true), (0x61, true)]                 // d → d ö ä/å
        case 0x69: return capitalI ? [(0x69, false), (0x6C, true), (0x61, true)] : [(0x69, false), (0x61, true)]  // i → i ä (I → l)
        case 0x31: return [(0x69, false), (0x6C, false)]         // 1 → i l
        case 0x7C: return [(0x6C, false), (0x69, false)]         // | → l i
        default: return [(c, false)]
        }
    }

    func decide(_ key: [UInt8], lex: RepairLexicon, damaged: Bool, prev: [UInt8], next: [UInt8], capitalI: Bool) -> Decision? {
        let known = lex.formID(key)
        if known != nil && !damaged { return nil }
        let scalars = Array(String(decoding: key, as: UTF8.self).unicodeScalars.map(\.value))
        guard scalars.count >= 1 else { return nil }
        var hasOCR = false
        for s in scalars where s < 0x61 || s > 0x7A { if s != 0xE5 && s != 0xE4 && s != 0xF6 { hasOCR = true } }
        var cands: [(form: Int32, score: Float)] = []
        var seen = Set<Int32>()
        for variant in Repairer.variants(scalars, capitalI: capitalI, limit: 48) {
            guard let l = lex.skeletons.find(variant) else { continue }
            for f in lex.skeletonLists[Int(l)] where !seen.contains(f) {
                seen.insert(f)
                let fs = Array(String(decoding: lex.forms.key(at: Int(f)), as: UTF8.self).unicodeScalars.map(\.value))
                guard fs.count == scalars.count else { continue }
                var ch: Float = 0
                for (o, t) in zip(scalars, fs) { ch += lex.channelCost(ocr: o, true: t) }
                cands.append((f, lex.logFreq[Int(f)] + ch))
            }
        }
        if cands.isEmpty {
            guard known == nil, scalars.count >= 7 else { return nil }
            return compound(scalars, lex: lex, capitalI: capitalI, hasOCR: hasOCR)
        }
        var usedContext = false
        if cands.count > 1 && damaged && contextWeight > 0 {
            for i in cands.indices {
                let fb = lex.forms.key(at: Int(cands[i].form))
                let l = lex.bigram(prev, fb, side: 1), r = lex.bigram(fb, next, side: 2)
                if l + r > 0 { usedContext = true }
                cands[i].score += contextWeight * (Float(log(1.0 + Double(3 * l))) + Float(log(1.0 + Double(3 * r))))
            }
            // a number before a form of "år" (years) is strong evidence
            if prev == Array("<num>".utf8) {
                for i in cands.indices where lex.forms.key(at: Int(cands[i].form)).starts(with: [0xC3, 0xA5, 0x72]) { cands[i].score += 6 }
            }
        }
        cands.sort { $0.score > $1.score }
        let best = cands[0]
        if let k = known, k == best.form { return nil }
        let top = best.score
        var z: Float = 0
        for c in cands { z += exp(c.score - top) }
        let conf = Double(1 / z)
        let form = String(decoding: lex.forms.key(at: Int(best.form)), as: UTF8.self)
        let reason = hasOCR ? "ocr-confusion" : (usedContext && cands.count > 1 ? "context" : "diacritics")
        return Decision(form: form, confidence: conf, reason: reason)
    }

    /// Diacritic-free skeletons a token may stand for, fewest costly confusions first.
    static func variants(_ s: [UInt32], capitalI: Bool, limit: Int) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var cur: [UInt32] = []
        func walk(_ i: Int, _ costly: Int) {
            if out.count >= limit { return }
            if i == s.count {
                out.append(Array(String(String.UnicodeScalarView(cur.compactMap(Unicode.Scalar.init))).utf8))
                return
            }
            for (o, c) in options(s[i], capitalI: capitalI && i == 0) {
                let n = costly + (c ? 1 : 0)
                if n > 2 { continue }
                cur.append(o)
                walk(i + 1, n)
                cur.removeLast()
            }
        }
        walk(0, 0)
        return out
    }

    /// Best split into two known words (each ≥ 3 letters) when the whole is unknown.
    func compound(_ s: [UInt32], lex: RepairLexicon, capitalI: Bool, hasOCR: Bool) -> Decision? {
        var best: (String, Float)? = nil
        for variant in Repairer.variants(s, capitalI: capitalI, limit: 8) {
            let v = Array(String(decoding: variant, as: UTF8.self).unicodeScalars.map(\.value))
            guard v.count == s.count else { continue }
            for k in 3...(s.count - 3) {
                guard let left = bestPart(Array(s[0..<k]), Array(v[0..<k]), lex: lex),
                      let right = bestPart(Array(s[k...]), Array(v[k...]), lex: lex) else { continue }
                let score = left.1 + right.1
                if best == nil || score > best!.1 { best = (left.0 + right.0, score) }
            }
        }
        guard let b = best else { return nil }
        let original = String(String.UnicodeScalarView(s.compactMap(Unicode.Scalar.init)))
        if b.0 == original { return nil }
        return Decision(form: b.0, confidence: hasOCR ? 0.8 : 0.65, reason: "compound")
    }

    func bestPart(_ orig: [UInt32], _ skel: [UInt32], lex: RepairLexicon) -> (String, Float)? {
        let key = Array(String(String.UnicodeScalarView(skel.compactMap(Unicode.Scalar.init))).utf8)
        guard let l = lex.skeletons.find(key) else { return nil }
        var best: (String, Float)? = nil
        for f in lex.skeletonLists[Int(l)] {
            let form = String(decoding: lex.forms.key(at: Int(f)), as: UTF8.self)
            let fs = Array(form.unicodeScalars.map(\.value))
            guard fs.count == orig.count else { continue }
            var ch: Float = 0
            for (o, t) in zip(orig, fs) { ch += lex.channelCost(ocr: o, true: t) }
            let sc = lex.logFreq[Int(f)] + ch
            if best == nil || sc > best!.1 { best = (form, sc) }
        }
        return best
    }

    /// Writes `form` (lowercase) over `original`, keeping the original's case, and its hyphen
    /// and line break when the token was joined across lines.
    static func restoreCase(original: String, form: String, joined: Bool) -> String {
        let fs = Array(form.unicodeScalars)
        var out = String.UnicodeScalarView()
        var k = 0
        let letters = original.unicodeScalars.filter { !(joined && ($0 == "-" || $0.properties.isWhitespace)) }
        let allUpper = letters.count > 1 && letters.allSatisfy { !$0.properties.isLowercase }
        for u in original.unicodeScalars {
            if joined && (u == "-" || u.properties.isWhitespace) { out.append(u); continue }
            guard k < fs.count else { out.append(u); continue }
            let f = fs[k]
            k += 1
            if Character(u).lowercased() == String(f) { out.append(u); continue }
            let upper = (u.properties.isUppercase && !(u == "I" && f == "l")) || (allUpper && !u.properties.isLowercase)
            if upper { out.append(contentsOf: String(f).uppercased().unicodeScalars) } else { out.append(f) }
        }
        while k < fs.count { out.append(fs[k]); k += 1 }
        return String(out)
    }
}

import Foundation
