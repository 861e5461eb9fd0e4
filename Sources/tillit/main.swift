#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TillitKit

// A closed stdout (`tillit score … | head`) must not kill the process with SIGPIPE:
// writes then fail with EPIPE, which ByteWriter notices and the run ends quietly.
signal(SIGPIPE, SIG_IGN)
// reuse part-sized buffers instead of mapping fresh pages for every part (see AllocatorPolicy)
AllocatorPolicy.tuneForBatches()

// arguments from their bytes: a path that is not UTF-8 (`f\xF6rvaltning.txt`) keeps its
// bytes for opening instead of turning into U+FFFD (FileInput.path(bytes:))
var arguments: [String] = []
for k in 1..<max(1, Int(CommandLine.argc)) {   // argc may be 0 under a bare execve
    guard let a = CommandLine.unsafeArgv[k] else { continue }
    arguments.append(FileInput.path(bytes: Array(UnsafeBufferPointer(start: UnsafeRawPointer(a).assumingMemoryBound(to: UInt8.self), count: strlen(a)))))
}
let code = CLI.run(arguments)
exit(code)
