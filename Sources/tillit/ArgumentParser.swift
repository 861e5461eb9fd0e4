import TillitKit

/// One option a verb accepts.
struct OptionSpec {
    let name: String        // without dashes
    let value: String?      // metavar when the option takes a value
    let help: String
}

/// The result of parsing one verb's arguments.
struct ParsedArguments {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func value(_ name: String) -> String? { values[name] }
    func has(_ name: String) -> Bool { flags.contains(name) }

    /// An enum-valued option, with a usage error naming the allowed values.
    func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type) throws(TillitError) -> E? where E.RawValue == String {
        guard let raw = values[name] else { return nil }
        guard let v = E(rawValue: raw) else {
            throw .usage("--\(name): '\(raw)' is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return v
    }

    /// A numeric option within bounds.
    func number(_ name: String, in range: ClosedRange<Double>) throws(TillitError) -> Double? {
        guard let raw = values[name] else { return nil }
        guard let v = Double(raw), range.contains(v) else { throw .usage("--\(name): expected a number in \(range.lowerBound)…\(range.upperBound), got '\(raw)'") }
        return v
    }
}

/// A hand-written parser: `--opt v`, `--opt=v`, boolean `--flag`, `--` ends options, `-` is a
/// positional (stdin). Unknown options get a "did you mean" suggestion.
enum ArgumentParser {
    static func parse(_ args: [String], specs: [OptionSpec], verb: String) throws(TillitError) -> ParsedArguments {
        var out = ParsedArguments()
        var i = 0
        var optionsEnded = false
        let byName = Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        while i < args.count {
            let a = args[i]
            i += 1
            if optionsEnded || a == "-" || !a.hasPrefix("-") { out.positionals.append(a); continue }
            if a == "--" { optionsEnded = true; continue }
            var name = String(a.drop(while: { $0 == "-" }))
            var inline: String? = nil
            if let eq = name.firstIndex(of: "=") { inline = String(name[name.index(after: eq)...]); name = String(name[..<eq]) }
            if a.hasPrefix("-") && !a.hasPrefix("--") && name.count == 1 {
                let short: [String: String] = ["o": "output", "f": "format", "j": "jobs", "q": "quiet", "h": "help", "u": "unit"]
                if let long = short[name] { name = long }
            }
            guard let spec = byName[name] else {
                var msg = "\(verb): unknown option '\(a)'"
                if let s = suggest(name, specs.map(\.name)) { msg += "; did you mean '--\(s)'?" }
                throw .usage(msg + " (see 'tillit \(verb) --help')")
            }
            if spec.value != nil {
                if let v = inline { out.values[name] = v; continue }
                // a value that is itself an option means the value was left out (`--model --format csv`);
                // one that must begin with `--` can be given as `--name=--value`
                guard i < args.count, !(args[i].hasPrefix("--") && args[i].count > 2) else {
                    throw .usage("\(verb): option '--\(name)' needs a value \(spec.value!)")
                }
                out.values[name] = args[i]
                i += 1
            } else {
                if inline != nil { throw .usage("\(verb): option '--\(name)' takes no value") }
                out.flags.insert(name)
            }
        }
        return out
    }

    /// The closest known name within edit distance 2 (or a prefix match).
    static func suggest(_ name: String, _ names: [String]) -> String? {
        if let p = names.first(where: { $0.hasPrefix(name) && !name.isEmpty }) { return p }
        let best = names.map { ($0, editDistance(Array(name), Array($0))) }.min { $0.1 < $1.1 }
        return best.flatMap { $0.1 <= max(2, name.count / 3) ? $0.0 : nil }
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var prev = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var cur = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() { cur[j + 1] = min(prev[j + 1] + 1, cur[j] + 1, prev[j] + (x == y ? 0 : 1)) }
            prev = cur
        }
        return prev[b.count]
    }

    /// Help text for a verb's options.
    static func help(_ specs: [OptionSpec]) -> String {
        specs.map { s in
            let left = "  --\(s.name)" + (s.value.map { " \($0)" } ?? "")
            return left + String(repeating: " ", count: max(2, 28 - left.count)) + s.help
        }.joined(separator: "\n")
    }
}
