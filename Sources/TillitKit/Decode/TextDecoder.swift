/// Turns raw file bytes into `DecodedText`: validates UTF-8, falls back to Windows-1252,
/// skips a BOM, folds NFD å/ä/ö/é to NFC, and rejects binary and empty inputs.
///
/// Cost: one linear pass over the bytes for valid NFC UTF-8 (the common case), plus one
/// copy; a second pass and an offset map only when the text must be re-encoded.
public enum TextDecoder {
    /// Decodes `raw`. `name` is used in error messages.
    /// - Throws: `TillitError.emptyInput` for no text, `.binaryData` for NUL or control bytes.
    public static func decode(_ raw: [UInt8], name: String) throws(TillitError) -> DecodedText {
        var start = 0
        if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF { start = 3 }
        let scan = raw.withUnsafeBufferPointer { inspect($0, from: start) }
        if scan.control >= 1_000_000 || (scan.control > 8 && scan.control * 100 > raw.count - start) {
            throw .binaryData(path: name)
        }
        if !scan.nonSpace { throw .emptyInput(path: name) }

        let body = start == 0 ? raw : Array(raw[start...])
        if scan.validUTF8 {
            if scan.hasNFDMark {
                let (folded, map) = foldNFD(body)
                return DecodedText(bytes: folded, encoding: .utf8, foldedNFD: true, prefixSkipped: start, offsetMap: map)
            }
            return DecodedText(bytes: body, encoding: .utf8, prefixSkipped: start)
        }
        let (utf8, map) = Windows1252.transcode(body)
        return DecodedText(bytes: utf8, encoding: .windows1252, prefixSkipped: start, offsetMap: map)
    }

    /// What one pass over the bytes found.
    struct Inspection {
        /// Control bytes other than whitespace; a NUL counts 1,000,000.
        var control = 0
        var nonSpace = false
        var hasNFDMark = false
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
            if b < 0xC2 { r.validUTF8 = false; i += 1; continue }
            if b < 0xE0 {
                guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { r.validUTF8 = false; i += 1; continue }
                if b == 0xCC, p[i + 1] == 0x8A || p[i + 1] == 0x88 || p[i + 1] == 0x81 { r.hasNFDMark = true }
                i += 2; continue
            }
            if b < 0xF0 {
                guard i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80,
                      !(b == 0xE0 && p[i + 1] < 0xA0), !(b == 0xED && p[i + 1] >= 0xA0) else { r.validUTF8 = false; i += 1; continue }
                i += 3; continue
            }
            guard b <= 0xF4, i + 3 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80,
                  !(b == 0xF0 && p[i + 1] < 0x90), !(b == 0xF4 && p[i + 1] >= 0x90) else { r.validUTF8 = false; i += 1; continue }
            i += 4
        }
        return r
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

    /// Folds base letter + U+030A / U+0308 / U+0301 into the precomposed Latin-1 letter
    /// where one exists (å ä ö é and capitals, plus ü), returning an offset map.
    static func foldNFD(_ s: [UInt8]) -> ([UInt8], [Int32]) {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var map: [Int32] = []
        map.reserveCapacity(s.count + 1)
        var i = 0
        while i < s.count {
            let b = s[i]
            if i + 2 < s.count, s[i + 1] == 0xCC, let composed = compose(b, s[i + 2]) {
                out.append(0xC3); out.append(composed)
                map.append(Int32(i)); map.append(Int32(i))
                i += 3
                continue
            }
            out.append(b); map.append(Int32(i))
            i += 1
        }
        map.append(Int32(s.count))
        return (out, map)
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
