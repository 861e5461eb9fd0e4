/// Streams documents from paths as `DocumentPart`s in input order, with bounded memory:
/// files larger than `partSize` are cut at paragraph (else line, else space) boundaries.
/// With `jsonl` each line of each input is one `{"id": …, "text": …}` record; with `csv` or
/// `tsv` each row after the header is one record. The id and text fields are named by
/// `idColumn` and `textColumn`; every other field passes through (`columnNames`).
///
/// Errors for one input are yielded in place and the stream goes on with the next input.
public final class DocumentStream {
    /// One step of the stream.
    public enum Item {
        case part(DocumentPart)
        case failure(TillitError)
    }

    /// How the inputs hold their documents.
    public enum Input: String, Sendable, CaseIterable {
        /// Each file is one document.
        case text
        /// One JSON object per line.
        case jsonl
        /// A CSV file with a header row (RFC 4180 quoting).
        case csv
        /// A TSV file with a header row.
        case tsv
    }

    let paths: [String]
    let jsonl: Bool
    let input: Input
    let idColumn: String
    let textColumn: String
    /// The pass-through fields of records, in output order: the other columns of the first
    /// CSV/TSV header, or the other members of the first JSONL record (sorted). Known once
    /// the first record has been read; later files' extra fields are dropped.
    public private(set) var columnNames: [String]? = nil
    var header: [String] = []   // this file's CSV/TSV header
    /// The id of each path's document, in the order of `paths` (see `FileInput.relativeIDs`);
    /// nil: the path itself. Errors still name the path.
    public var ids: [String]? = nil
    /// Count the Unicode scalars of each part for `DocumentPart.baseScalarOffset` (one pass
    /// over the bytes of a large document's parts). `BatchRunner.run` sets it when the
    /// analyzer's `ScoreOptions.charOffsets` asks for character offsets.
    public var countScalars = false
    let partSize: Int
    var pathIndex = 0
    var reader: ChunkReader? = nil
    var currentID = ""
    var carry: [UInt8] = []
    var partNo = 0
    var offset = 0
    var lineNo = 0
    var atEOF = false
    var firstWasLatin = false
    var layout: ParagraphMode? = nil
    var scalars = 0
    var wholeChecked = false
    var head = 0          // JSONL: the first unread byte of `carry`
    var scanned = 0       // JSONL: bytes after `head` already searched for a newline
    var failedParseAt = 0 // CSV/TSV: `carry`'s size when a record was last found incomplete
    /// Bytes examined while looking for record ends (JSONL newline search, CSV/TSV parse
    /// attempts): about the input's size when the search is linear. For tests.
    public internal(set) var scannedBytes = 0
    var pending: [Item] = []
    /// Cut a record whose text is larger than `partSize` into parts at paragraph (else line,
    /// else space) boundaries, as a file is cut, so one huge record is scored in bounded
    /// memory (`tillit score` sets it). Off, a record is one part whatever its size: the
    /// verbs that write a record back whole (`repair`, `kwic`, `tokens`) read it so.
    public var cutRecords = false
    /// The record being cut into parts (its whole text in `bytes`), and where the next part
    /// starts.
    var recordTemplate: DocumentPart? = nil
    var recordHead = 0
    var recordPart = 0
    var recordScalars = 0

    /// Creates a stream over already expanded paths (see `FileInput.expand`).
    public init(paths: [String], jsonl: Bool = false, partSize: Int = 256 << 10) {
        self.paths = paths
        self.jsonl = jsonl
        self.input = jsonl ? .jsonl : .text
        self.idColumn = "id"
        self.textColumn = "text"
        self.partSize = max(partSize, 4096)
    }

    /// Creates a stream of records (`.jsonl`, `.csv`, `.tsv`) or documents (`.text`), with the
    /// id and text taken from the fields `idColumn` and `textColumn`.
    public init(paths: [String], input: Input, idColumn: String = "id", textColumn: String = "text", partSize: Int = 256 << 10) {
        self.paths = paths
        self.jsonl = input != .text
        self.input = input
        self.idColumn = idColumn
        self.textColumn = textColumn
        self.partSize = max(partSize, 4096)
    }

    /// The next item, or nil when all inputs are done.
    public func next() -> Item? {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            if recordTemplate != nil { return .part(nextRecordPart()) }
            if reader == nil {
                guard pathIndex < paths.count else { return nil }
                let path = paths[pathIndex]
                pathIndex += 1
                do {
                    reader = try ChunkReader(path: path, chunkSize: partSize)
                } catch {
                    return .failure(error)
                }
                currentID = ids.map { $0[pathIndex - 1] } ?? path
                carry = []
                partNo = 0
                offset = 0
                lineNo = 0
                atEOF = false
                firstWasLatin = false
                layout = nil
                scalars = 0
                wholeChecked = false
                head = 0
                scanned = 0
                failedParseAt = 0
                header = []
            }
            do {
                let item: Item?
                switch input {
                case .text: item = try nextPart()
                case .jsonl: item = try nextRecord()
                case .csv, .tsv: item = try nextRow()
                }
                if let item {
                    if cutRecords, case .part(let p) = item, p.bytes.count > partSize, cuttable(p.bytes) {
                        recordTemplate = p
                        recordHead = 0
                        recordPart = 0
                        recordScalars = 0
                        continue
                    }
                    return item
                }
            } catch {
                reader = nil
                return .failure(error)
            }
        }
    }

    /// True when a record's text may be cut into parts: it is not binary (a binary one stays
    /// whole, for the analyzer to report once). Cost: one pass over its bytes.
    func cuttable(_ b: [UInt8]) -> Bool {
        let scan = b.withUnsafeBufferPointer { TextDecoder.inspect($0, from: 0) }
        return !TextDecoder.isBinary(control: scan.control, bytes: b.count)
    }

    /// The next part of the record being cut (`cutRecords`). Cost: one copy of the part's
    /// bytes and a cut-point search over at most `partSize` of them.
    func nextRecordPart() -> DocumentPart {
        var part = recordTemplate!
        let text = part.bytes
        let rest = text.count - recordHead
        var cut = rest
        if rest > partSize {
            cut = DocumentStream.cutPoint(Array(text[recordHead..<min(recordHead + partSize + 4, text.count)]), limit: partSize)
        }
        let last = cut == rest
        let bytes = Array(text[recordHead..<(recordHead + cut)])
        part.bytes = bytes
        part.part = recordPart
        part.baseOffset = recordHead
        part.isLast = last
        part.binaryChecked = true
        if recordPart == 0 { recordTemplate!.layout = bytes.withUnsafeBufferPointer { Segmenter.layout($0, range: 0..<$0.count) } }
        part.layout = recordTemplate!.layout
        part.baseScalarOffset = recordScalars
        if countScalars { recordScalars += DocumentStream.scalarCount(bytes, latin: false, first: recordPart == 0) }
        recordPart += 1
        recordHead += cut
        if last { recordTemplate = nil }
        return part
    }

    /// Fills `carry` with more than `partSize` bytes, or to end of file.
    func fill() throws(TillitError) {
        // a few bytes past the part size, so a cut can see the byte after it (UTF-8 boundaries)
        while !atEOF && carry.count <= partSize + 4 { try readBlock() }
    }

    /// Appends the reader's next block to `carry`, or sets `atEOF`. A block read into an
    /// empty `carry` is taken as it is, so a small file is never copied.
    func readBlock() throws(TillitError) {
        guard let block = try reader!.nextBlock() else { atEOF = true; return }
        if carry.isEmpty { carry = block } else { carry.append(contentsOf: block) }
    }

    func nextPart() throws(TillitError) -> Item? {
        try fill()
        if carry.isEmpty {
            reader = nil
            // an empty file still gets its row (see Analyzer.score)
            if partNo == 0 { return .part(DocumentPart(id: currentID, bytes: [])) }
            return nil
        }
        var cut = carry.count
        var last = atEOF
        if !atEOF || carry.count > partSize {
            cut = DocumentStream.cutPoint(carry, limit: min(partSize, carry.count))
            last = atEOF && cut == carry.count
        }
        let bytes: [UInt8]
        if cut == carry.count { bytes = carry; carry = [] } else { bytes = Array(carry[0..<cut]); carry.removeFirst(cut) }
        if carry.isEmpty && !atEOF { try fill(); last = carry.isEmpty && atEOF }
        // a document in several parts is judged binary or text as a whole before any part
        // is given out, so no rows come before a skip (a regular file; not standard input)
        if partNo == 0 && !last && paths[pathIndex - 1] != "-" {
            if try TextDecoder.fileIsBinary(path: paths[pathIndex - 1]) { reader = nil; throw .binaryData(path: paths[pathIndex - 1]) }
            wholeChecked = true
        }
        // a start that is not UTF-8 makes the whole document Windows-1252; a UTF-8 start with a
        // few stray bytes does not (each part reads its own, `TextDecoder.looksWindows1252`)
        if partNo == 0 && !last, case let head = TextDecoder.completePrefix(bytes, max: 1 << 16), !TextDecoder.isValidUTF8(head), TextDecoder.looksWindows1252(head) { firstWasLatin = true }
        // a document in several parts: its first part decides the paragraph layout for all
        if partNo == 0 && !last { layout = bytes.withUnsafeBufferPointer { Segmenter.layout($0, range: 0..<$0.count) } }
        var part = DocumentPart(id: currentID, bytes: bytes, part: partNo, baseOffset: offset, isLast: last, forceWindows1252: firstWasLatin && partNo > 0)
        part.layout = layout
        part.baseScalarOffset = scalars
        part.binaryChecked = wholeChecked
        if !last && countScalars { scalars += DocumentStream.scalarCount(bytes, latin: firstWasLatin, first: partNo == 0) }
        partNo += 1
        offset += cut
        if last { reader = nil }
        return .part(part)
    }

    /// Unicode scalars in one part's original bytes as the part is decoded: a Windows-1252
    /// byte is one, a UTF-8 scalar is its lead byte (continuation bytes 0x80–0xBF do not
    /// count), a stray byte in UTF-8 is one; a byte order mark at the start of the document
    /// is not counted.
    static func scalarCount(_ b: [UInt8], latin: Bool, first: Bool) -> Int {
        if latin { return b.count }
        let bom = first && b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF
        if !TextDecoder.isValidUTF8(b) {
            // the part is read as Windows-1252 as a whole, or for its stray bytes alone
            let body = bom ? Array(b[3...]) : b
            return TextDecoder.looksWindows1252(body) ? body.count : body.withUnsafeBufferPointer { Windows1252.scalarCount($0, from: 0, to: $0.count).scalars }
        }
        var n = 0
        for x in b where x & 0xC0 != 0x80 { n += 1 }
        return bom ? n - 1 : n
    }

    /// Where to cut `bytes` at or before `limit`: after a blank line, else after a newline,
    /// else after a space, else at a UTF-8 boundary.
    static func cutPoint(_ b: [UInt8], limit: Int) -> Int {
        let floor = limit / 2
        // the last blank line in the upper half, skipping 8 newline-free bytes at a time
        let blank: Int? = b.withUnsafeBufferPointer { p -> Int? in
            guard let base = p.baseAddress else { return nil }
            let raw = UnsafeRawPointer(base)
            var i = limit - 1
            while i > floor {
                if i - 7 > floor {
                    let x = raw.loadUnaligned(fromByteOffset: i - 7, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                    if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 == 0 { i -= 8; continue }   // no "\n" in p[i-7...i]
                }
                if p[i] == 0x0A && p[i - 1] == 0x0A { return i + 1 }
                i -= 1
            }
            return nil
        }
        if let cut = blank { return cut }
        var i = limit - 1
        while i > floor { if b[i] == 0x0A { return i + 1 }; i -= 1 }
        i = limit - 1
        while i > floor { if b[i] == 0x20 { return i + 1 }; i -= 1 }
        var c = limit
        while c > 0 && c < b.count && b[c] & 0xC0 == 0x80 { c -= 1 }
        return max(c, 1)
    }

    /// The next JSONL record. `head` is where the unread bytes of `carry` start and `scanned`
    /// how far past it the newline search has looked, so a record that spans many blocks is
    /// searched once (linear in its length), and many small records in a block do not shift
    /// the block each (`carry` is compacted only when the read half is larger than the rest).
    func nextRecord() throws(TillitError) -> Item? {
        while true {
            // find a full line in carry[head...], looking only at bytes not searched before
            let from = head + scanned
            let nl: Int? = carry.withUnsafeBufferPointer { p in
                guard from < p.count, let base = p.baseAddress else { return nil }
                guard let hit = memchr(base + from, 0x0A, p.count - from) else { return nil }
                return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            }
            scannedBytes += (nl.map { $0 + 1 } ?? carry.count) - from
            if let nl {
                let line = Array(carry[head..<nl])
                head = nl + 1
                scanned = 0
                // (the buffer of a huge line is let go, not kept for the next one)
                if head == carry.count { if carry.count > 4 * partSize { carry = [] } else { carry.removeAll(keepingCapacity: true) }; head = 0 }
                lineNo += 1
                if let item = record(line) { return item }
                continue
            }
            scanned = carry.count - head
            if atEOF {
                if head >= carry.count { carry = []; head = 0; reader = nil; return nil }
                let line = Array(carry[head...])
                carry = []
                head = 0
                scanned = 0
                lineNo += 1
                if let item = record(line) { return item }
                continue
            }
            if head > 0 && head >= carry.count - head { carry.removeFirst(head); head = 0 }
            try readBlock()
        }
    }

    /// Parses one JSONL line; nil for a blank line. A byte order mark before the first record is skipped.
    func record(_ raw: [UInt8]) -> Item? {
        var line = raw
        if lineNo == 1 && line.count >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF { line.removeFirst(3) }
        if line.allSatisfy({ ByteClass.isSpace($0) }) { return nil }
        let fail = { (why: String) -> Item in .failure(.badRecord(path: self.currentID, line: self.lineNo, reason: why)) }
        guard let obj = JSONRecord(line) else {
            let first = line.first { !ByteClass.isSpace($0) }
            return fail(first == UInt8(ascii: "{") ? "not valid JSON" : "expected an object with \"id\" and \"text\"")
        }
        guard let text = obj[string: textColumn] else {
            // a record whose id can be read keeps it on its row, so the row can be joined back
            let why = "missing string field \"\(textColumn)\""
            switch obj.members[idColumn] {
            case .string(let s)?: return .failure(.badRecordWithID(id: s, location: "\(currentID):\(lineNo)", reason: why))
            case .number(let n)?: return .failure(.badRecordWithID(id: n, location: "\(currentID):\(lineNo)", reason: why))
            default: return fail(why)
            }
        }
        let id: String
        if columnNames == nil { columnNames = obj.members.keys.filter { $0 != idColumn && $0 != textColumn }.sorted() }
        let columns = columnNames!.map { (k: String) -> String in
            switch obj.members[k] {
            case .string(let s)?: return s
            case .number(let n)?: return n
            case .bool(let b)?: return b ? "true" : "false"
            default: return ""
            }
        }
        switch obj.members[idColumn] {
        case .string(let s)?: id = s
        case .number(let n)?: id = n
        case nil: id = "\(currentID):\(lineNo)"
        default: return fail("\"\(idColumn)\" must be a string or a number")
        }
        var part = DocumentPart(id: id, bytes: Array(text.utf8))
        part.columns = columns
        part.location = "\(currentID):\(lineNo)"
        return .part(part)
    }

    /// The next CSV/TSV record as a part; the first row of each file is its header.
    func nextRow() throws(TillitError) -> Item? {
        while true {
            if lineNo == 0 && carry.count >= 3 && carry[0] == 0xEF && carry[1] == 0xBB && carry[2] == 0xBF { carry.removeFirst(3) }
            // a record not complete in `carry` is parsed again only once `carry` has doubled
            // (or the file ended), so one huge record costs linear time, not a parse per block
            if atEOF || carry.count >= 2 * failedParseAt {
                scannedBytes += carry.count
                var badQuote = false
                if let (fields, next) = DelimitedRecord.next(carry, from: 0, tsv: input == .tsv, atEnd: atEOF, badQuote: &badQuote) {
                    carry.removeFirst(next)
                    failedParseAt = 0
                    lineNo += 1
                    if badQuote {
                        // unbalanced quotes join records: a failure naming the line, not a silent record
                        return .failure(.badData(path: "\(currentID):\(lineNo)", reason: "bad CSV row: its quotes are not balanced (a quote never closed, or text after a closing quote), so it may hold the lines after it"))
                    }
                    if let item = row(fields) { return item }
                    continue
                }
                failedParseAt = carry.count
            }
            if atEOF { reader = nil; return nil }
            try readBlock()
        }
    }

    /// One CSV/TSV row: the header (nil), a blank row (nil), a record or a failure.
    func row(_ fields: [String]) -> Item? {
        let kind = input == .tsv ? "TSV" : "CSV"
        if lineNo == 1 {
            header = fields
            guard fields.contains(textColumn) else {
                reader = nil
                return .failure(.badData(path: "\(currentID):1", reason: "bad \(kind) header: no column \"\(textColumn)\" (use --text-column)"))
            }
            if columnNames == nil { columnNames = fields.filter { $0 != idColumn && $0 != textColumn } }
            return nil
        }
        if fields.count == 1 && fields[0].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { return nil }
        guard fields.count == header.count else {
            return .failure(.badData(path: "\(currentID):\(lineNo)", reason: "bad \(kind) row: \(fields.count) fields, the header has \(header.count)"))
        }
        var byName: [String: String] = [:]
        for (k, v) in zip(header, fields) { byName[k] = v }
        var part = DocumentPart(id: byName[idColumn] ?? "\(currentID):\(lineNo)", bytes: Array(byName[textColumn]!.utf8))
        part.columns = columnNames!.map { byName[$0] ?? "" }
        part.location = "\(currentID):\(lineNo)"
        return .part(part)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
