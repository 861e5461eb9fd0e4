/// Why a hit counts for the opposite pole (codebook rule 2), or `none`.
public enum Modifier: UInt8, Sendable, Codable {
    /// The hit counts as written.
    case none
    /// Negated: `inte`, `ej`, `icke`, `ingen/inget/inga`, `aldrig`, `varken`, or `utan` as "without".
    case negated
    /// To be reduced or removed: `minska`, `mindre`, `färre`, `avskaffa`, `avveckla`, `undvika`, …
    case reduced
    /// Rejected alternative: after `i stället för`, `istället för`, `snarare … än`.
    case rejected
    /// Left behind: the X in `från X till Y`.
    case fromTo
    /// Only the name of a topic: after `motion om`, `motionen`, `ärendet` in the same clause
    /// (codebook rule 4). Keeps its pole; counts a quarter.
    case topic

    /// Name used in outputs.
    public var name: String {
        switch self {
        case .none: return "none"
        case .negated: return "negated"
        case .reduced: return "reduced"
        case .rejected: return "rejected"
        case .fromTo: return "from-to"
        case .topic: return "topic"
        }
    }
}
