/// A row of the comparison table (1–6) or one of the seven principles of trust-based governance.
public enum Dimension: Int, Sendable, Codable, CaseIterable {
    case utformning = 0, ansvar, fokus, instrument, uppfoljning, medel
    case tillit, medborgarfokus, helhetssyn, handlingsutrymme, stod, kunskap, oppenhet

    /// The six table rows, in order.
    public static let rows: [Dimension] = [.utformning, .ansvar, .fokus, .instrument, .uppfoljning, .medel]
    /// The seven principles, in order.
    public static let principles: [Dimension] = [.tillit, .medborgarfokus, .helhetssyn, .handlingsutrymme, .stod, .kunskap, .oppenhet]

    /// True for rows 1–6.
    public var isRow: Bool { rawValue < 6 }

    /// Key used in lexicon files and outputs: `1`…`6`, or the principle's Swedish name.
    public var key: String {
        if isRow { return String(rawValue + 1) }
        return ["tillit", "medborgarfokus", "helhetssyn", "handlingsutrymme", "stöd", "kunskap", "öppenhet"][rawValue - 6]
    }

    /// Human label, Swedish terms kept.
    public var title: String {
        switch self {
        case .utformning: return "1 utformning"
        case .ansvar: return "2 ansvar"
        case .fokus: return "3 fokus"
        case .instrument: return "4 instrument"
        case .uppfoljning: return "5 uppföljning"
        case .medel: return "6 medel"
        default: return key
        }
    }

    /// Parses `1`–`6`, `r1`, a row name, or a principle name (with or without å/ä/ö).
    public init?(key raw: String) {
        let k = raw.lowercased()
        if let n = Int(k.hasPrefix("r") ? String(k.dropFirst()) : k), (1...6).contains(n) { self.init(rawValue: n - 1); return }
        guard let d = Dimension.names[k] else { return nil }
        self = d
    }

    /// `init(key:)` over UTF-8 bytes (the lexicon reader's path): a single digit without
    /// building a string.
    init?(key: ByteSlice) {
        if key.count == 1, case let b = key[0], b >= 0x31 && b <= 0x36 { self.init(rawValue: Int(b) - 0x31); return }
        self.init(key: key.string)
    }

    static let names: [String: Dimension] = [
        "utformning": .utformning, "ansvar": .ansvar, "fokus": .fokus, "instrument": .instrument,
        "uppföljning": .uppfoljning, "uppfoljning": .uppfoljning, "medel": .medel,
        "tillit": .tillit, "medborgarfokus": .medborgarfokus, "helhetssyn": .helhetssyn,
        "handlingsutrymme": .handlingsutrymme, "stöd": .stod, "stod": .stod, "kunskap": .kunskap,
        "öppenhet": .oppenhet, "oppenhet": .oppenhet,
    ]
}
