#if canImport(Glibc)
import Glibc
#endif

/// The data texts compiled into the library (lexicons, the in-domain context model, word
/// vectors) live in the binary's read-only image. Each is parsed once into tables; after
/// that its pages need not stay resident.
enum EmbeddedText {
    /// Tells the kernel that the whole pages inside `text` are no longer needed, so they stop
    /// counting towards resident memory; read again, they come back from the binary's file.
    /// Only a text that lies inside a loaded image (the executable or a shared library, as
    /// `/proc/self/maps` lists them) is released: a string built at run time lives on the heap,
    /// where the same advice would zero its memory, and is left alone. Texts under 1 MiB are
    /// left alone too. Glibc only; elsewhere a no-op. Cost: one read of the mapping list and
    /// one `madvise` call.
    static func release(_ text: String) {
        #if canImport(Glibc)
        var text = text
        text.withUTF8 { buf in
            guard let base = buf.baseAddress, buf.count > 1 << 20, inLoadedImage(base, base + (buf.count - 1)) else { return }
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let start = (Int(bitPattern: base) + page - 1) / page * page
            let end = (Int(bitPattern: base) + buf.count) / page * page
            guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(p, end - start, MADV_DONTNEED)
        }
        #endif
    }

    #if canImport(Glibc)
    /// True when every one of `addresses` lies in a mapping of a file (the executable's or a
    /// shared library's image), as `/proc/self/maps` lists them; false for heap, stack and
    /// anonymous memory, and when the list cannot be read. (Swift places its string literals in
    /// `.rodata`, which the linker may put in a writable segment: the mapping's permissions do
    /// not tell; the pages released lie wholly inside an immutable literal, so nothing in them
    /// was ever written.) Cost: one read of the mapping list.
    static func inLoadedImage(_ addresses: UnsafePointer<UInt8>...) -> Bool {
        guard let maps = try? FileInput.readAll(path: "/proc/self/maps") else { return false }
        var unseen = Set(addresses.map { UInt(bitPattern: $0) })
        var line = maps[...]
        while !line.isEmpty && !unseen.isEmpty {
            let end = line.firstIndex(of: 0x0A) ?? line.endIndex
            // "start-end perms offset dev inode path"
            let fields = line[line.startIndex..<end].split(separator: 0x20, maxSplits: 5, omittingEmptySubsequences: true)
            if let dash = fields.first?.firstIndex(of: 0x2D),
               let lo = hex(fields[0][fields[0].startIndex..<dash]), let hi = hex(fields[0][(dash + 1)...]) {
                let inside = unseen.filter { lo <= $0 && $0 < hi }
                if !inside.isEmpty {
                    // a file's path, not [heap], [stack] or anonymous
                    guard fields.count >= 6, fields[5].drop(while: { $0 == 0x20 }).first == 0x2F else { return false }
                    unseen.subtract(inside)
                }
            }
            line = end < line.endIndex ? line[(end + 1)...] : line[line.endIndex...]
        }
        return unseen.isEmpty
    }

    /// A hexadecimal number of at most 16 digits, or nil.
    static func hex(_ digits: ArraySlice<UInt8>) -> UInt? {
        guard !digits.isEmpty, digits.count <= 16 else { return nil }
        var v: UInt = 0
        for d in digits {
            switch d {
            case 0x30...0x39: v = v << 4 | UInt(d - 0x30)
            case 0x61...0x66: v = v << 4 | UInt(d - 0x61 + 10)
            default: return nil
            }
        }
        return v
    }
    #endif
}
