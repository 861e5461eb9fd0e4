/// The two columns of the comparison table.
public enum Pole: String, Sendable, Codable, CaseIterable {
    /// Kontrollbaserad styrning: control-based governance.
    case K
    /// Tillitsbaserad styrning: trust-based governance.
    case T

    /// The other column.
    public var opposite: Pole { self == .K ? .T : .K }
}
