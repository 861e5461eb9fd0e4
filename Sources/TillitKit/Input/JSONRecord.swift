/// One JSON object from a JSONL line, parsed without Foundation. Only the top level is kept:
/// string members as decoded text, numbers as written; nested values are checked and skipped.
/// RFC 8259 syntax: anything else (trailing text, bad escapes, invalid UTF-8, raw control
/// characters in strings) is rejected. Cost: O(line length), one `String` per string member.
public struct JSONRecord: Sendable {
    /// A top-level member value.
    public enum Value: Sendable, Equatable {
        case string(String)
        /// A number, exactly as written (`7`, `-1.5e3`).
        case number(String)
        case bool(Bool)
        case null
        /// An array or object, not kept.
        case nested
    }

    /// Members by key; a repeated key keeps its last value.
    public let members: [String: Value]

    /// Parses `line`; nil unless it is exactly one JSON object (surrounding blanks allowed).
    public init?(_ line: [UInt8]) {
        var p = Parser(bytes: line)
        p.skipBlanks()
        guard p.peek == UInt8(ascii: "{"), let m = p.object(keep: true) else { return nil }
        p.skipBlanks()
        guard p.i == line.count else { return nil }
        members = m
    }

    /// The string value of `key`, if it is a string.
    public subscript(string key: String) -> String? {
        if case .string(let s)? = members[key] { return s }
        return nil
    }

    struct Parser {
        let bytes: [UInt8]
        var i = 0
        /// Nesting depth, bounded so hostile input cannot exhaust the stack.
        var depth = 0

        var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

        mutating func skipBlanks() {
            while let c = peek, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1 }
        }

        mutating func eat(_ c: UInt8) -> Bool {
            skipBlanks()
            guard peek == c else { return false }
            i += 1
            return true
        }

        /// An object at `i` (which holds `{`); members are collected only when `keep`.
        mutating func object(keep: Bool) -> [String: Value]? {
            depth += 1
            defer { depth -= 1 }
            guard depth <= 512 else { return nil }
            i += 1
            var out: [String: Value] = [:]
            if eat(UInt8(ascii: "}")) { return out }
            repeat {
                skipBlanks()
                guard peek == UInt8(ascii: "\""), let key = string(), eat(UInt8(ascii: ":")), let v = value() else { return nil }
                if keep { out[key] = v }
            } while eat(UInt8(ascii: ","))
            return eat(UInt8(ascii: "}")) ? out : nil
        }

        mutating func value() -> Value? {
            skipBlanks()
            guard let c = peek else { return nil }
            switch c {
            case UInt8(ascii: "\""): return string().map { .string($0) }
            case UInt8(ascii: "{"): return object(keep: false).map { _ in .nested }
            case UInt8(ascii: "["): return array() ? .nested : nil
            case UInt8(ascii: "t"): return word("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return word("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return word("null") ? .null : nil
            default: return number().map { .number($0) }
            }
        }

        mutating func array() -> Bool {
            depth += 1
            defer { depth -= 1 }
            guard depth <= 512 else { return false }
            i += 1
            if eat(UInt8(ascii: "]")) { return true }
            repeat { guard value() != nil else { return false } } while eat(UInt8(ascii: ","))
            return eat(UInt8(ascii: "]"))
        }

        mutating func word(_ w: StaticString) -> Bool {
            let n = w.utf8CodeUnitCount
            guard i + n <= bytes.count else { return false }
            for k in 0..<n where bytes[i + k] != w.utf8Start[k] { return false }
            i += n
            return true
        }

        mutating func number() -> String? {
            let start = i
            func digits() -> Int { let s = i; while let c = peek, c >= 0x30 && c <= 0x39 { i += 1 }; return i - s }
            if peek == UInt8(ascii: "-") { i += 1 }
            if peek == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { return nil }
            if peek == UInt8(ascii: ".") { i += 1; guard digits() > 0 else { return nil } }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                i += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { return nil }
            }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        /// A string at `i` (which holds `"`), unescaped; nil for bad escapes or invalid UTF-8.
        mutating func string() -> String? {
            i += 1
            var out: [UInt8] = []
            while let c = peek {
                i += 1
                switch c {
                case UInt8(ascii: "\""): return String(validating: out, as: UTF8.self)
                case 0..<0x20: return nil
                case UInt8(ascii: "\\"):
                    guard let e = peek else { return nil }
                    i += 1
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        guard var u = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(u) {
                            // A high surrogate must be followed by an escaped low one.
                            guard word("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                            u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00..<0xE000).contains(u) {
                            return nil
                        }
                        out.append(contentsOf: UTF8Scalars.encode([u]))
                    default: return nil
                    }
                default: out.append(c)
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[i]
                let d: UInt8
                switch c {
                case 0x30...0x39: d = c - 0x30
                case 0x41...0x46: d = c - 0x37
                case 0x61...0x66: d = c - 0x57
                default: return nil
                }
                v = v << 4 | UInt32(d)
                i += 1
            }
            return v
        }
    }
}
