import KubeGridCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to stdout and stderr and leaving the process, without Foundation.
enum Terminal {
    static func writeOutput(_ text: String) {
        try? FileDescriptorSink(descriptor: STDOUT_FILENO, capacity: 0).write(text)
    }

    /// Writes a line to stderr, adding the newline if it is missing.
    static func writeError(_ text: String) {
        try? FileDescriptorSink.standardError().write(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Writes text to stderr as it is (a progress line redrawing itself).
    static func writeRaw(_ text: String) {
        try? FileDescriptorSink.standardError().write(text)
    }

    static func exit(_ code: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(code)
        #else
        Darwin.exit(code)
        #endif
    }
}
