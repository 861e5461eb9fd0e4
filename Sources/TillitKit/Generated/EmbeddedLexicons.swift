enum EmbeddedLexicons {
    static let governance = "tillit | tillit | T | 1 | | placeholder"
}
