/// Restraint: words that repair leaves as written although the lexicon offers a form for
/// them, because their shape says they are not OCR damage of a Swedish word.
///
/// - Abbreviations: a word of capitals and digits (`TV4`, `E22`), or of two to four capitals
///   (`SD`, `DN`, `IOM`), is an abbreviation (`TVÅ`, `SÅ`, `ÄN`, `LOM` were wrong). Only a
///   short capitalised stand-in at a sentence start, before a lowercase word, is repaired
///   (`PA moshaverna` → `På`: English-model OCR reads a lowercase å as a capital A). A longer
///   word in capitals, or a short one beside it (a heading: `PA GRUND AV`), may gain å/ä/ö
///   and nothing else.
/// - A capital first letter keeps its identity: only its diacritic may change (`A` → `Å`/`Ä`,
///   `O` → `Ö`), or it is one of OCR's stand-ins (`G` for `ö`, `I` for `l`). `Issa` is not
///   `Asså`, `Ds` not `As`, `Italia` not `Åtala`.
/// - Particles of foreign names: a short lowercase word between a capitalised word (or another
///   such particle) and a capitalised word gains no letter (`von der Leyen` is not
///   `von åder Leyen`); a lost å/ä/ö is still restored (`Anna pa Skolverket` → `på`).
///
/// - A word that only learned OCR rewrites or a letter edit read (`RepairReason.ocrRewrite`, `.letterEdit`)
///   keeps its letters where it is likelier a name: a capitalised word inside a sentence
///   (`Ursula von der Leyen` is not `Leven`), or a particle between capitalised words (`der`
///   is not `det`).
/// - The open first part of a compound (`forsk- och`, a hyphen and then a space) takes no
///   letter edit: such a part is seldom a word by itself.
///
/// (A number glued to a capitalised word, `111Näringsdepartementet`, is a code: see
/// `Repairer.isCode`.)
///
/// Cost: checked only for a word that repair would change; a scan of its bytes and one copy
/// of the form.
extension Repairer {
    /// True when the change of word token `ti` to form `chosen` must not be made.
    /// `rewritten`: the word was read through learned rewrites or a letter edit
    /// (`RepairReason.ocrRewrite`, `.letterEdit`); `edited`: through a letter edit.
    func restrained(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ ti: Int, form chosen: Int32, lex: RepairLexicon,
                    cache: RepairCache, rewritten: Bool = false, edited: Bool = false) -> Bool {
        let t = tokens[ti]
        if t.joined { return false }
        let s = Int(t.start), e = Int(t.end)
        let b0 = p[s]
        // a one-letter word takes a lost letter back only in lowercase between spaces and with
        // no one-letter word beside it: `r` for `är`, never `s.`, `(s)`, `S:t` or `s k`
        if e - s == 1 && !(b0 &- 0x61 < 26 && Repairer.standsAlone(p, t) && !Repairer.oneLetterWordBeside(p, tokens, ti))
            && formLetters(chosen, lex: lex, cache: cache) > 1 { return true }
        // the open first part of a compound (`forsk- och`, `inves- och`) takes no letter edit:
        // such a part is seldom a word by itself, and would be read as one that is
        if edited && e < p.count && p[e] == 0x2D && (e + 1 == p.count || ByteClass.isSpace(p[e + 1])) { return true }
        let capitalFirst = b0 &- 0x41 < 26
        let lowerFirst = b0 &- 0x61 < 26
        if rewritten && lowerFirst && Repairer.isNameParticle(p, tokens, ti) { return true }
        guard capitalFirst || (lowerFirst && e - s <= 3) else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: RepairLexicon.maxFormBytes) { buf -> Bool in
            let f = buf.baseAddress!
            let n = formBytes(chosen, lex: lex, cache: cache, into: f)
            // read through rewrites inside a sentence, a capitalised word is likelier a name,
            // unless only its first letter changed, into an å/ä/ö that OCR is seen to write as
            // that capital's letter (`Sppna` → öppna, `Gka` → öka), the rest as written in lowercase
            if rewritten && capitalFirst && Repairer.midSentence(p, tokens, ti) {
                return !(standInFirst(b0, f, n) && n > 2 && e - s > 1 && ByteClass.isLowerAt(p, s + 1)
                         && Repairer.onlyFlattens(p, s + 1, e, f + 2, n - 2))
            }
            guard n > 0 else { return false }
            if lowerFirst { return Repairer.isNameParticle(p, tokens, ti) && Repairer.letterCount(f, n) != e - s }
            var caps = 0, lower = 0, digits = 0
            for i in s..<e {
                let b = p[i]
                if b &- 0x41 < 26 { caps += 1 } else if b &- 0x61 < 26 { lower += 1 } else if ByteClass.isDigit(b) { digits += 1 } else { caps = 0; lower = 1; break }
            }
            if lower == 0 && caps >= 2 {
                // an abbreviation, or a heading in capitals
                if digits > 0 { return true }
                let pure = Repairer.onlyFlattens(p, s, e, f, n)
                if caps > 4 || Repairer.capitalsWordBeside(p, tokens, ti) { return !pure }
                return !(pure && caps <= 3 && !Repairer.midSentence(p, tokens, ti) && Repairer.lowercaseWordFollows(p, tokens, ti))
            }
            // the first letter: itself, an å/ä/ö that the character channel or a learned
            // rewrite reads it as (A → å ä, O → ö, G S D → ö), or an I read as l
            let f0 = f[0]
            if f0 == b0 | 0x20 { return false }
            if b0 == 0x49 { return f0 != 0x6C }
            return !standInFirst(b0, f, n)
        }
    }

    /// True when `form` (`n` bytes) begins with an å, ä or ö that OCR is seen to write as the
    /// capital `upper`: the character channel reads its lowercase letter so (`a` → å ä, `o`
    /// and `d` → ö), or a learned rewrite does (`g` → ö, `s` → ö).
    func standInFirst(_ upper: UInt8, _ form: UnsafeMutablePointer<UInt8>, _ n: Int) -> Bool {
        guard n >= 2, form[0] == 0xC3, form[1] == 0xA5 || form[1] == 0xA4 || form[1] == 0xB6, upper &- 0x41 < 26 else { return false }
        let g = UInt32(form[1]) + 0x40   // C3 A5 → U+E5 å, A4 → E4 ä, B6 → F6 ö
        let lower = UInt32(upper | 0x20)
        return Repairer.channelReads(lower, g) || rewrites.readsLetter(lower, as: g)
    }

    /// True when the token before or after `ti` is a word of one byte other than the
    /// preposition `i` (`s k`, `m m`, but not `n i det`).
    static func oneLetterWordBeside(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ ti: Int) -> Bool {
        func letter(_ k: Int) -> Bool {
            guard k >= 0, k < tokens.count, tokens[k].kind == .word, tokens[k].length == 1 else { return false }
            return p[Int(tokens[k].start)] | 0x20 != 0x69
        }
        return letter(ti - 1) || letter(ti + 1)
    }

    /// The number of letters of form `f`.
    func formLetters(_ f: Int32, lex: RepairLexicon, cache: RepairCache) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: RepairLexicon.maxFormBytes) { buf in
            Repairer.letterCount(buf.baseAddress!, formBytes(f, lex: lex, cache: cache, into: buf.baseAddress!))
        }
    }

    /// True when a word of five or more capitals stands right before or after token `ti` on
    /// the same line: `ti` is part of a heading in capitals (`PA GRUND AV` → `PÅ GRUND AV`),
    /// not an abbreviation.
    static func capitalsWordBeside(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ ti: Int) -> Bool {
        @inline(__always) func capitals(_ k: Int) -> Bool {
            guard k >= 0, k < tokens.count, tokens[k].kind == .word, tokens[k].length >= 5 else { return false }
            for i in Int(tokens[k].start)..<Int(tokens[k].end) where p[i] &- 0x41 >= 26 { return false }
            let a = min(k, ti), b = max(k, ti)
            for i in Int(tokens[a].end)..<Int(tokens[b].start) where p[i] != 0x20 { return false }
            return true
        }
        return capitals(ti - 1) || capitals(ti + 1)
    }

    /// Letters (UTF-8 lead bytes) in `f[0..<n]`.
    @inline(__always)
    static func letterCount(_ f: UnsafeMutablePointer<UInt8>, _ n: Int) -> Int {
        var c = 0
        for i in 0..<n where f[i] & 0xC0 != 0x80 { c += 1 }
        return c
    }

    /// True when the lowercase form `f[0..<n]` is the ASCII word `p[s..<e]` with at most
    /// its å/ä/ö flattened (case aside): `FRAGOR` → `frågor`, not `IOM` → `lom`.
    static func onlyFlattens(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ f: UnsafeMutablePointer<UInt8>, _ n: Int) -> Bool {
        var i = s, k = 0
        while i < e && k < n {
            let b = ByteClass.asciiLower(p[i])
            if f[k] == 0xC3 && k + 1 < n {
                let c = f[k + 1]
                guard (b == 0x61 && (c == 0xA5 || c == 0xA4)) || (b == 0x6F && c == 0xB6) else { return false }
                k += 2
            } else {
                guard f[k] == b else { return false }
                k += 1
            }
            i += 1
        }
        return i == e && k == n
    }

    /// True when word token `ti` (lowercase, at most three letters) stands between a
    /// capitalised word, or another such particle after one, and a capitalised word on the
    /// same line: `von` and `der` in `Ursula von der Leyen`.
    static func isNameParticle(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ ti: Int) -> Bool {
        @inline(__always) func capitalised(_ k: Int) -> Bool { tokens[k].kind == .word && ByteClass.isUpperAt(p, Int(tokens[k].start)) }
        @inline(__always) func spaced(_ a: Int, _ b: Int) -> Bool {
            let x = Int(tokens[a].end), y = Int(tokens[b].start)
            guard y > x else { return false }
            for k in x..<y where p[k] != 0x20 { return false }
            return true
        }
        @inline(__always) func particle(_ k: Int) -> Bool {
            let t = tokens[k]
            return t.kind == .word && t.length <= 3 && p[Int(t.start)] &- 0x61 < 26
        }
        guard ti > 0, ti + 1 < tokens.count, capitalised(ti + 1), spaced(ti, ti + 1), spaced(ti - 1, ti) else { return false }
        if capitalised(ti - 1) { return true }
        return ti > 1 && particle(ti - 1) && spaced(ti - 2, ti - 1) && capitalised(ti - 2)
    }
}
