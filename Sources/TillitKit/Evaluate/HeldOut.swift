/// Documents of `shared/ocr/dev` that `scripts/build-repair-lexicon.py` keeps out of the
/// repair lexicon (and out of the base-clean lines it counts), so their WER is held-out.
public enum HeldOut {
    /// Names without suffix.
    public static let documents: [String] = (30...39).map { "talbanken-dev-0\($0)" }
}
