/// Every failure tillit reports. Each case carries what a researcher needs to fix the
/// problem, and maps to a documented process exit code (see `exitCode`).
public enum TillitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A command-line usage problem: unknown flag, missing value, bad value. Exit 64.
    case usage(String)
    /// A path that does not exist. Exit 66.
    case inputNotFound(path: String)
    /// A directory that holds no `.txt`/`.md` file. Exit 66.
    case noTextFiles(path: String)
    /// An input that is not text: NUL bytes or mostly control bytes. Exit 65.
    case binaryData(path: String)
    /// A record (`--input jsonl|csv|tsv`) whose text field is not text: NUL bytes or mostly
    /// control bytes. `location` is `FILE:LINE`. Exit 65.
    case binaryRecord(id: String, location: String)
    /// An input with no bytes, or only whitespace. Exit 65.
    case emptyInput(path: String)
    /// A JSONL record that cannot be read. Exit 65.
    case badRecord(path: String, line: Int, reason: String)
    /// A JSONL record with an id that cannot be read for another reason (its text field is
    /// missing or not a string): its row keeps the record's id. `location` is `FILE:LINE`. Exit 65.
    case badRecordWithID(id: String, location: String, reason: String)
    /// A lexicon or dictionary line that cannot be parsed. Exit 65.
    case badLexicon(path: String, line: Int, reason: String)
    /// A gold or evaluation file that cannot be used. Exit 65.
    case badData(path: String, reason: String)
    /// Reading or writing failed at the operating-system level. Exit 74.
    case io(path: String, reason: String)

    /// The process exit code for this error (sysexits.h values).
    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .inputNotFound, .noTextFiles: return 66
        case .binaryData, .binaryRecord, .emptyInput, .badRecord, .badRecordWithID, .badLexicon, .badData: return 65
        case .io: return 74
        }
    }

    /// The file (or `FILE:LINE`) the error is about; nil for a usage error.
    public var subject: String? {
        switch self {
        case .usage: return nil
        case .inputNotFound(let p), .noTextFiles(let p), .binaryData(let p), .emptyInput(let p): return p
        case .binaryRecord(let id, _), .badRecordWithID(let id, _, _): return id
        case .badRecord(let p, let l, _), .badLexicon(let p, let l, _): return "\(p):\(l)"
        case .badData(let p, _), .io(let p, _): return p
        }
    }

    /// The message without its leading `subject: `, for a `reason` field in output rows.
    public var detail: String {
        if case .binaryRecord(_, let at) = self { return "binary data (NUL or control bytes) in the text at \(at); not read as text" }
        if case .badRecordWithID(_, let at, let r) = self { return "bad JSONL record at \(at): \(r)" }
        guard let s = subject, description.hasPrefix(s + ": ") else { return description }
        return String(description.dropFirst(s.count + 2))
    }

    /// A one-line message in English, without the `tillit:` prefix.
    public var description: String {
        switch self {
        case .usage(let m): return m
        case .inputNotFound(let p): return "\(p): no such file or directory"
        case .noTextFiles(let p): return "\(p): directory contains no .txt or .md files"
        case .binaryData(let p): return "\(p): binary data (NUL or control bytes), not text; skipped"
        case .binaryRecord(let id, let at): return "\(at) (record \(id)): binary data (NUL or control bytes) in the text; not read as text"
        case .emptyInput(let p): return "\(p): empty file, nothing to score; skipped"
        case .badRecord(let p, let l, let r): return "\(p):\(l): bad JSONL record: \(r)"
        case .badRecordWithID(let id, let at, let r): return "\(at) (record \(id)): bad JSONL record: \(r)"
        case .badLexicon(let p, let l, let r): return "\(p):\(l): \(r)"
        case .badData(let p, let r): return "\(p): \(r)"
        case .io(let p, let r): return "\(p): \(r)"
        }
    }
}
