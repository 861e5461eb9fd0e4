/// The version of tillit, written by `tillit --version` and, with `--provenance`, into every
/// output row (`tillit_version`).
public enum TillitVersion {
    /// The release, as `MAJOR.MINOR.PATCH`.
    public static let string = "0.1.0"
}
