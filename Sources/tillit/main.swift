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

let code = CLI.run(Array(CommandLine.arguments.dropFirst()))
exit(code)
