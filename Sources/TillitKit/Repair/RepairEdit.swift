/// A compact repair: token index, replacement form and confidence. The hot path keeps
/// these; `RepairChange`s with strings are made only for output.
public struct RepairEdit: Sendable, Equatable {
    /// Index of the repaired token.
    public var tokenIndex: Int32
    /// Replacement form id in the repair lexicon, or a negative id into the cache's extra forms.
    public var form: Int32
    /// Confidence in [0, 1].
    public var confidence: Float
    /// Why the token changed.
    public var reason: RepairReason
}

/// Why a token was repaired.
public enum RepairReason: UInt8, Sendable {
    /// Lost å/ä/ö restored from word frequencies.
    case diacritics
    /// Context bigrams chose between valid words (`har`/`här`, `ar`/`år`).
    case context
    /// OCR stand-ins (`6`, `&`, `4`, `é`, `d`, `|`) for letters.
    case ocrConfusion
    /// A compound no list holds, repaired part by part.
    case compound
    /// A digit read for a letter (`1` → `i`).
    case digitForLetter
    /// A word read through learned OCR rewrites of letter stretches (`statsministem` →
    /// statsministern).
    case ocrRewrite
    /// A word that nothing else reads, read one letter edit away: a letter OCR drops put
    /// back (`styring` → styrning) or one other edit (`regexingen` → regeringen).
    case letterEdit
    /// A punctuation glyph that OCR writes for another one (a spaced `—` for `–`).
    case punctuation

    /// Name used in outputs.
    public var name: String {
        switch self {
        case .diacritics: return "diacritics"
        case .context: return "context"
        case .ocrConfusion: return "ocr-confusion"
        case .compound: return "compound"
        case .digitForLetter: return "digit-for-letter"
        case .ocrRewrite: return "ocr-rewrite"
        case .letterEdit: return "letter-edit"
        case .punctuation: return "punctuation"
        }
    }
}
