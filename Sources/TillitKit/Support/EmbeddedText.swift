#if canImport(Glibc)
import Glibc
#endif

/// The data texts compiled into the library (lexicons, the in-domain context model, word
/// vectors) live in the binary's read-only image. Each is parsed once into tables; after
/// that its pages need not stay resident.
enum EmbeddedText {
    /// Tells the kernel that the whole pages inside `text` are no longer needed, so they stop
    /// counting towards resident memory; read again, they come back from the binary's file.
    /// Only for a string literal compiled into the binary: on a string built at run time the
    /// same advice would zero its memory. Texts under 1 MiB are left alone. Glibc only;
    /// elsewhere a no-op. Cost: one `madvise` call.
    static func release(_ text: String) {
        #if canImport(Glibc)
        var text = text
        text.withUTF8 { buf in
            guard let base = buf.baseAddress, buf.count > 1 << 20 else { return }
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let start = (Int(bitPattern: base) + page - 1) / page * page
            let end = (Int(bitPattern: base) + buf.count) / page * page
            guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(p, end - start, MADV_DONTNEED)
        }
        #endif
    }
}
