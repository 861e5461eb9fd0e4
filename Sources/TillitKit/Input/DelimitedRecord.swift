/// One record of a CSV or TSV file (`--input csv|tsv`), read from bytes.
///
/// CSV follows RFC 4180: fields separated by `,`, a field in double quotes may hold commas,
/// line breaks and doubled quotes (`""`). TSV fields are separated by tabs and are not quoted.
/// Records end at LF or CRLF (outside quotes). A field's bytes that are not UTF-8 (a
/// Windows-1252 export: `G\xF6teborg`) are read as Windows-1252 (`Windows1252.text`).
public enum DelimitedRecord {
    /// The fields of the record that starts at `bytes[start]`, and where the next record starts;
    /// nil when the record is not complete in `bytes` (more input needed) and `atEnd` is false.
    /// Cost: O(record length).
    public static func next(_ bytes: [UInt8], from start: Int, tsv: Bool, atEnd: Bool) -> (fields: [String], next: Int)? {
        var unclosed = false
        return next(bytes, from: start, tsv: tsv, atEnd: atEnd, badQuote: &unclosed)
    }

    /// `next(_:from:tsv:atEnd:)`, and `badQuote` set when the quotes of the record are not
    /// balanced: the input ended inside a quoted field (a quote never closed read the rest of
    /// the file into it), or a closing quote is followed by text instead of a separator or a
    /// line end (`"tillit"s`; a stray quote that pairs with the next record's opening one).
    public static func next(_ bytes: [UInt8], from start: Int, tsv: Bool, atEnd: Bool, badQuote: inout Bool) -> (fields: [String], next: Int)? {
        badQuote = false
        let sep: UInt8 = tsv ? 0x09 : 0x2C
        var fields: [String] = []
        var field: [UInt8] = []
        var i = start
        var quoted = false
        var fieldStart = true
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == 0x22 {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    if i + 1 >= bytes.count && !atEnd { return nil }   // "" may continue in the next block
                    if i + 1 < bytes.count && bytes[i + 1] != sep && bytes[i + 1] != 0x0A && bytes[i + 1] != 0x0D { badQuote = true }
                    quoted = false
                    i += 1
                    continue
                }
                field.append(b)
                i += 1
                continue
            }
            if b == 0x22 && fieldStart && !tsv { quoted = true; fieldStart = false; i += 1; continue }
            if b == sep { fields.append(field.withUnsafeBufferPointer { Windows1252.text($0).text }); field.removeAll(keepingCapacity: true); fieldStart = true; i += 1; continue }
            if b == 0x0A {
                if field.last == 0x0D { field.removeLast() }
                fields.append(field.withUnsafeBufferPointer { Windows1252.text($0).text })
                return (fields, i + 1)
            }
            field.append(b)
            fieldStart = false
            i += 1
        }
        guard atEnd else { return nil }
        if i == start { return nil }
        if quoted { badQuote = true }
        if field.last == 0x0D { field.removeLast() }
        fields.append(field.withUnsafeBufferPointer { Windows1252.text($0).text })
        return (fields, i)
    }
}
