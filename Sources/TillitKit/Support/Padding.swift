extension String {
    /// The string with spaces in front up to `n` characters (unchanged when already as long):
    /// a right-aligned column of a text table.
    public func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }

    /// The string with spaces after it up to `n` characters (unchanged when already as long):
    /// a left-aligned column of a text table.
    public func rightPad(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
