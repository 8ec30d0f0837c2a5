#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writing to a file descriptor, so large outputs go out in few system calls.
public final class FileDescriptorSink {
    /// What can go wrong writing.
    public enum Failure: Error, CustomStringConvertible {
        /// The system refused the write.
        case writeFailed(errno: Int32)

        public var description: String {
            switch self {
            case .writeFailed(let code): "cannot write the output: \(String(cString: strerror(code)))"
            }
        }
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int

    public init(descriptor: Int32, capacity: Int = 1 << 18) {
        self.descriptor = descriptor
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    public static func standardOutput() -> FileDescriptorSink { FileDescriptorSink(descriptor: STDOUT_FILENO) }
    public static func standardError() -> FileDescriptorSink { FileDescriptorSink(descriptor: STDERR_FILENO, capacity: 0) }

    /// Appends bytes, writing the buffer out once it is full.
    public func write(_ bytes: [UInt8]) throws(Failure) {
        // A piece as large as the buffer goes out as it is, without a copy into the buffer.
        if bytes.count >= capacity {
            try flush()
            try writeAll(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    public func write(_ text: String) throws(Failure) {
        try write(Array(text.utf8))
    }

    /// Writes out everything buffered.
    public func flush() throws(Failure) {
        defer { buffer.removeAll(keepingCapacity: true) }
        try writeAll(buffer)
    }

    private func writeAll(_ bytes: [UInt8]) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { raw in
                systemWrite(descriptor, raw.baseAddress, raw.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(errno: errno)
            }
            offset += written
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif
