/// How a plain-text document marks its paragraphs (`--paragraphs blank|line|auto`).
public enum ParagraphMode: String, Sendable, CaseIterable {
    /// Blank lines separate paragraphs; a single line break inside a paragraph is a hard wrap
    /// (text converted from PDF or Word).
    case blank
    /// Every non-empty line is a paragraph of its own (Riksdag open data and most exports).
    case line
    /// `line` when the text looks written one paragraph per line, else `blank`
    /// (see `Segmenter.layout`).
    case auto
}
