/// Turns raw file bytes into `DecodedText`: validates UTF-8, falls back to Windows-1252 (for
/// the whole text, or for its stray bytes alone in a UTF-8 text: `looksWindows1252`),
/// skips a BOM, folds NFD å/ä/ö/é to NFC, drops the invisible characters that PDF text
/// extraction leaves inside words (soft hyphens, zero-width spaces and joiners, stray byte
/// order marks), spells out the Latin ligatures ﬁ ﬂ ﬀ ﬃ ﬄ, and rejects binary and empty
/// inputs. Offsets still map back to the file (`DecodedText.originalOffset`).
///
/// Cost: one linear pass over the bytes for valid NFC UTF-8 (the common case), plus one
/// copy; a second pass and an offset map only when the text must be re-encoded.
public enum TextDecoder {
    /// Decodes `raw`. `name` is used in error messages.
    /// - Throws: `TillitError.emptyInput` for no text, `.binaryData` for NUL or control bytes.
    /// With `checkBinary` false the binary test is left out: the caller has decided it for
    /// the whole document (`DocumentPart.binaryChecked`).
    public static func decode(_ raw: [UInt8], name: String, checkBinary: Bool = true) throws(TillitError) -> DecodedText {
        var start = 0
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { start = 3 }
        let scan = raw.withUnsafeBufferPointer { inspect($0, from: start) }
        if checkBinary && isBinary(control: scan.control, bytes: raw.count - start) {
            throw .binaryData(path: name)
        }
        if !scan.nonSpace { throw .emptyInput(path: name) }

        let body = start == 0 ? raw : Array(raw[start...])
        if scan.validUTF8 {
            if scan.needsNormalizing {
                let (folded, shifts) = normalize(body, at: scan.specials.map { $0 - start })
                return DecodedText(bytes: folded, encoding: .utf8, foldedNFD: true, prefixSkipped: start, offsetMap: nil, shifts: shifts)
            }
            return DecodedText(bytes: body, encoding: .utf8, prefixSkipped: start)
        }
        if !looksWindows1252(body) {
            // UTF-8 with a few stray bytes: only those are read as Windows-1252
            let (utf8, map, stray) = Windows1252.transcodeStray(body)
            let specials = utf8.withUnsafeBufferPointer { inspect($0, from: 0) }.specials
            if !specials.isEmpty {
                let (folded, shifts) = normalize(utf8, at: specials)
                return DecodedText(bytes: folded, encoding: .utf8WithWindows1252, foldedNFD: true, prefixSkipped: start, offsetMap: map, shifts: shifts, strayBytes: stray)
            }
            return DecodedText(bytes: utf8, encoding: .utf8WithWindows1252, foldedNFD: false, prefixSkipped: start, offsetMap: map, shifts: nil, strayBytes: stray)
        }
        let (utf8, map) = Windows1252.transcode(body)
        // of the characters `normalize` rewrites, Windows-1252 has only the soft hyphen (AD)
        if body.contains(0xAD) {
            let specials = utf8.indices.dropLast().filter { utf8[$0] == 0xC2 && utf8[$0 + 1] == 0xAD }
            let (folded, shifts) = normalize(utf8, at: specials)
            return DecodedText(bytes: folded, encoding: .windows1252, foldedNFD: true, prefixSkipped: start, offsetMap: map, shifts: shifts)
        }
        return DecodedText(bytes: utf8, encoding: .windows1252, prefixSkipped: start, offsetMap: map)
    }

    /// True when bytes that are not valid UTF-8 are a Windows-1252 text, false when they are
    /// a UTF-8 text with a few stray bytes: Windows-1252 unless the valid multi-byte UTF-8
    /// sequences outnumber the bytes that start none. (Swedish written in Windows-1252 has
    /// almost no byte pair that is valid UTF-8, while each å/ä/ö of a UTF-8 text is one.)
    /// Cost: one pass.
    public static func looksWindows1252(_ bytes: [UInt8]) -> Bool {
        let c = Windows1252.census(bytes)
        return c.multibyte <= c.stray
    }

    /// The binary rule: a NUL anywhere, or more than 8 control bytes (other than whitespace)
    /// making up more than 1% of the bytes.
    static func isBinary(control: Int, bytes: Int) -> Bool {
        control >= 1_000_000 || (control > 8 && control * 100 > bytes)
    }

    /// Whether the whole file at `path` is binary by the rule `decode` applies to one text:
    /// read once more in blocks of `blockSize` bytes, stopping at the first NUL. Lets a
    /// stream decide before the first part of a large file is scored.
    /// Cost: one extra read of the file and one pass over its bytes; memory one block.
    public static func fileIsBinary(path: String, blockSize: Int = 1 << 20) throws(TillitError) -> Bool {
        let reader = try ChunkReader(path: path, chunkSize: blockSize)
        var control = 0, total = 0
        while let block = try reader.nextBlock() {
            total += block.count
            control += block.withUnsafeBufferPointer { controlBytes($0) }
            if control >= 1_000_000 { return true }
        }
        return isBinary(control: control, bytes: total)
    }

    /// The control bytes of `p` as `inspect` counts them (other than whitespace 09–0D; a NUL
    /// counts 1,000,000 and ends the count), without its UTF-8 checks. Cost: four 8-byte loads
    /// and a dozen operations per 32 bytes, a byte loop only for the 8 bytes around a control
    /// byte or a line end.
    static func controlBytes(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        let n = p.count
        guard n > 0 else { return 0 }
        let raw = UnsafeRawPointer(p.baseAddress!)
        var control = 0
        var i = 0
        // a byte below 0x20 sets its high bit in `low`; a borrow only adds later bytes
        @inline(__always) func low(_ w: UInt64) -> UInt64 { (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080 }
        while i < n {
            if i + 32 <= n {
                let a = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), b = raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                let c = raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self), d = raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
                if low(a) | low(b) | low(c) | low(d) == 0 { i += 32; continue }
            }
            if i + 8 <= n && low(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) == 0 { i += 8; continue }
            let e = min(i + 8, n)
            while i < e {
                let b = p[i]
                if b < 0x20 {
                    if b == 0 { return control + 1_000_000 }
                    if !(b >= 0x09 && b <= 0x0D) { control += 1 }
                }
                i += 1
            }
        }
        return control
    }

    /// What one pass over the bytes found.
    struct Inspection {
        /// Control bytes other than whitespace; a NUL counts 1,000,000.
        var control = 0
        var nonSpace = false
        /// Start offsets of NFD combining marks, soft hyphens, zero-width characters, inner
        /// BOMs and ligatures, in order: the places `normalize` rewrites.
        var specials: [Int] = []
        var needsNormalizing: Bool { !specials.isEmpty }
        var validUTF8 = true
    }

    /// One pass over `p[from...]` that counts control bytes, notices non-space text and NFD
    /// combining marks (CC 8A/88/81), and validates UTF-8 strictly (no overlongs, surrogates or
    /// values above U+10FFFF). Runs of 8 printable ASCII bytes are skipped with one load.
    static func inspect(_ p: UnsafeBufferPointer<UInt8>, from: Int) -> Inspection {
        var r = Inspection()
        let n = p.count
        guard n > from else { return r }
        let raw8 = UnsafeRawPointer(p.baseAddress!)
        var i = from
        while i < n {
            // 8 printable ASCII bytes at a time: no control byte, no high bit
            if i + 8 <= n {
                let w = raw8.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let flagged = (w | (w &- 0x2020_2020_2020_2020)) & 0x8080_8080_8080_8080
                if flagged == 0 {
                    if !r.nonSpace && w != 0x2020_2020_2020_2020 { r.nonSpace = true }
                    i += 8
                    continue
                }
                // the lowest flagged byte is the first non-printable or non-ASCII one (a borrow
                // only reaches later bytes): skip the printable bytes before it at once
                let clean = flagged.trailingZeroBitCount >> 3
                if clean > 0 {
                    if !r.nonSpace && (w ^ 0x2020_2020_2020_2020) & ((1 &<< UInt64(clean &* 8)) &- 1) != 0 { r.nonSpace = true }
                    i += clean
                }
            }
            let b = p[i]
            if b < 0x80 {
                i += 1
                if b < 0x20 {
                    if b == 0 { r.control += 1_000_000; return r }
                    if !(b >= 0x09 && b <= 0x0D) { r.control += 1 }
                } else if b != 0x20 { r.nonSpace = true }
                continue
            }
            r.nonSpace = true
            if !r.validUTF8 { i += 1; continue }   // still counting control bytes for the binary check
            let l = validSequenceLength(p, i)
            if l == 0 { r.validUTF8 = false; i += 1; continue }
            if l == 2 {
                if b == 0xCC, p[i + 1] == 0x8A || p[i + 1] == 0x88 || p[i + 1] == 0x81 { r.specials.append(i) }
                if b == 0xC2, p[i + 1] == 0xAD { r.specials.append(i) }
            } else if l == 3 && (b == 0xE2 || b == 0xEF) && invisibleOrLigature(p[i], p[i + 1], p[i + 2]) != nil {
                r.specials.append(i)
            }
            i += l
        }
        return r
    }

    /// The length of the valid UTF-8 sequence that starts at `p[i]` (1–4, strict: no
    /// overlongs, surrogates or values above U+10FFFF), or 0 when none starts there: the one
    /// rule of valid UTF-8 that `inspect`, the stray-byte reading and the scalar counts share.
    @inline(__always)
    static func validSequenceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let n = p.count, b = p[i]
        if b < 0x80 { return 1 }
        if b < 0xC2 { return 0 }
        if b < 0xE0 { return i + 1 < n && p[i + 1] & 0xC0 == 0x80 ? 2 : 0 }
        if b < 0xF0 {
            guard i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80,
                  !(b == 0xE0 && p[i + 1] < 0xA0), !(b == 0xED && p[i + 1] >= 0xA0) else { return 0 }
            return 3
        }
        guard b <= 0xF4, i + 3 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80,
              !(b == 0xF0 && p[i + 1] < 0x90), !(b == 0xF4 && p[i + 1] >= 0x90) else { return 0 }
        return 4
    }


    /// The first ≤ `max` bytes, cut before any UTF-8 sequence the cut would split.
    public static func completePrefix(_ bytes: [UInt8], max: Int) -> [UInt8] {
        guard bytes.count > max else { return bytes }
        var end = max
        var back = 0
        while end > 0 && back < 4 && bytes[end] & 0xC0 == 0x80 { end -= 1; back += 1 }
        return Array(bytes[0..<end])
    }

    /// Strict UTF-8 validation (rejects overlongs, surrogates, and values above U+10FFFF). O(n).
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { inspect($0, from: 0).validUTF8 }
    }

    /// What a three-byte sequence becomes when normalising: nothing (`[]`) for U+200B–U+200D
    /// (zero-width space and joiners), U+2060 (word joiner) and U+FEFF (a byte order mark
    /// inside the text), the letters for the ligatures U+FB00–U+FB04; nil for anything else.
    static func invisibleOrLigature(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> [UInt8]? {
        switch (a, b, c) {
        case (0xE2, 0x80, 0x8B), (0xE2, 0x80, 0x8C), (0xE2, 0x80, 0x8D), (0xE2, 0x81, 0xA0), (0xEF, 0xBB, 0xBF): return []
        case (0xEF, 0xAC, 0x80): return [0x66, 0x66]              // ﬀ
        case (0xEF, 0xAC, 0x81): return [0x66, 0x69]              // ﬁ
        case (0xEF, 0xAC, 0x82): return [0x66, 0x6C]              // ﬂ
        case (0xEF, 0xAC, 0x83): return [0x66, 0x66, 0x69]        // ﬃ
        case (0xEF, 0xAC, 0x84): return [0x66, 0x66, 0x6C]        // ﬄ
        default: return nil
        }
    }

    /// Folds base letter + U+030A / U+0308 / U+0301 into the precomposed Latin-1 letter
    /// where one exists (å ä ö é and capitals, plus ü), drops soft hyphens (U+00AD) and the
    /// zero-width characters of `invisibleOrLigature`, and spells out ligatures; returns the
    /// new bytes and where offsets shifted. O(n), copying unchanged runs in bulk.
    static func normalize(_ s: [UInt8], at places: [Int]) -> ([UInt8], OffsetShifts) {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var shifts = OffsetShifts()
        var run = 0   // start of the unchanged run not yet copied
        // replaces s[from..<to] by `repl` and records the new shift after it
        func replace(_ from: Int, _ to: Int, with repl: [UInt8]) {
            out.append(contentsOf: s[run..<from])
            out.append(contentsOf: repl)
            run = to
            shifts.add(at: out.count, delta: to - out.count)
        }
        for i in places where i >= run && i + 1 < s.count {
            let b = s[i]
            if b == 0xCC {
                if i > run, let composed = compose(s[i - 1], s[i + 1]) { replace(i - 1, i + 2, with: [0xC3, composed]) }
            } else if b == 0xC2, s[i + 1] == 0xAD {
                replace(i, i + 2, with: [])   // soft hyphen
            } else if i + 2 < s.count, let repl = invisibleOrLigature(b, s[i + 1], s[i + 2]) {
                replace(i, i + 3, with: repl)
            }
        }
        out.append(contentsOf: s[run..<s.count])
        return (out, shifts)
    }

    /// Second byte of the C3 xx sequence for `base` + combining mark `CC mark`, if any.
    static func compose(_ base: UInt8, _ mark: UInt8) -> UInt8? {
        switch (base, mark) {
        case (0x61, 0x8A): return 0xA5  // å
        case (0x41, 0x8A): return 0x85  // Å
        case (0x61, 0x88): return 0xA4  // ä
        case (0x41, 0x88): return 0x84  // Ä
        case (0x6F, 0x88): return 0xB6  // ö
        case (0x4F, 0x88): return 0x96  // Ö
        case (0x75, 0x88): return 0xBC  // ü
        case (0x55, 0x88): return 0x9C  // Ü
        case (0x65, 0x81): return 0xA9  // é
        case (0x45, 0x81): return 0x89  // É
        default: return nil
        }
    }
}
