import KubeGridCore

/// `--history FILE`: every client operation of every scenario, one JSON object a line
/// (JSON Lines), written as the operations happen — so keeping the full history costs a
/// file, not memory. The lines are Jepsen's history fields: the scenario, `process`,
/// `type` (invoke, ok, fail, info), `f` (write, read), `key`, `value`, `partition`,
/// `space`, `time` (virtual seconds) and `error`.
public final class HistoryFile: @unchecked Sendable {
    private let sink: FileDescriptorSink
    /// The first write error; the run goes on and the command reports it at the end.
    public private(set) var failure: FileDescriptorSink.Failure?

    /// Writes to an open file descriptor, which the caller closes after `finish()`.
    public init(descriptor: Int32) {
        sink = FileDescriptorSink(descriptor: descriptor)
    }

    func write(_ operation: Operation, scenario: String) {
        guard failure == nil else { return }
        var line: Values.Map = ["scenario": .string(scenario), "process": .int(operation.process)]
        line["type"] = .string(operation.type.rawValue)
        line["f"] = .string(operation.function.rawValue)
        line["key"] = .string(operation.key)
        line["value"] = operation.value.map { .string($0) } ?? .null
        line["partition"] = .int(operation.partition)
        line["space"] = .string(operation.space)
        line["time"] = .float(operation.time.seconds)
        if let error = operation.error { line["error"] = .string(error) }
        do {
            try sink.write(JSONWriter.write(.map(line), style: .compact) + "\n")
        } catch let error as FileDescriptorSink.Failure {
            failure = error
        } catch {
            failure = .writeFailed(errno: 0)
        }
    }

    /// Writes out what is buffered.
    public func finish() throws(FileDescriptorSink.Failure) {
        if let failure { throw failure }
        try sink.flush()
    }
}
