import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes rendered objects as Helm writes them: `---`, a `# Source:` line, the object.
public struct ManifestWriter: Sendable {
    public init() {}

    /// Appends one document to `output`, written from the typed object without a tree between.
    public func append(_ object: KubernetesObject, source: String, to output: inout [UInt8]) throws(YAMLError) {
        output.append(contentsOf: "---\n# Source: \(source)\n".utf8)
        try YAMLEventEmitter.document(appendingTo: &output) { object.emitDocument(to: $0) }
    }

    /// Streams every object of the templates to `sink`, in order.
    ///
    /// Objects are independent documents, so a batch of them is built and written on all
    /// cores at once and the pieces are joined in order: the bytes are the same as one
    /// thread would write, and memory stays bounded by the batch.
    ///
    /// Every value was checked before the plan was made, so what can still fail here is
    /// the output itself (a closed pipe, a full disk), which no buffering would save.
    public func stream(_ templates: [RenderedTemplate], to sink: FileDescriptorSink, batchSize: Int = 1024) throws {
        let workers = max(1, min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        for template in templates {
            var start = 0
            // Objects of one template are alike in size: each batch's buffers are sized from
            // the last one's, so they are not grown (copied, their pages touched again) midway.
            var bytesPerObject = 1536
            while start < template.count {
                let end = min(template.count, start + batchSize)
                let pieces = try Self.inParallel(range: start..<end, workers: workers, bytesPerObject: bytesPerObject) {
                    index, output throws(YAMLError) in
                    try append(template.object(index), source: template.path, to: &output)
                }
                let written = pieces.reduce(0) { $0 + $1.count }
                bytesPerObject = written / (end - start) + 64
                for piece in pieces { try sink.write(piece) }
                start = end
            }
        }
        try sink.flush()
    }

    /// Splits `range` into one slice per worker, runs `body` on each index of a slice in
    /// order, and returns the slices' output in order.
    private static func inParallel(
        range: Range<Int>, workers: Int, bytesPerObject: Int, _ body: @Sendable (Int, inout [UInt8]) throws(YAMLError) -> Void
    ) throws(YAMLError) -> [[UInt8]] {
        let slices = workers > 1 && range.count > 8 ? workers : 1
        let results = ResultSlots(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let lower = range.lowerBound + range.count * slice / slices
            let upper = range.lowerBound + range.count * (slice + 1) / slices
            var output: [UInt8] = []
            output.reserveCapacity((upper - lower) * bytesPerObject)
            do throws(YAMLError) {
                for index in lower..<upper { try body(index, &output) }
                results.store(.success(output), at: slice)
            } catch {
                results.store(.failure(error), at: slice)
            }
        }
        return try results.values()
    }

    /// The YAML of a whole template file, as `--output-dir` writes it.
    public func file(_ template: RenderedTemplate) throws(YAMLError) -> [UInt8] {
        var output: [UInt8] = []
        for index in 0..<template.count {
            try append(template.object(index), source: template.path, to: &output)
        }
        return output
    }

    /// All objects as one Kubernetes `List`, for `--output json`.
    public func jsonList(_ templates: [RenderedTemplate]) throws(JSONError) -> String {
        let items = templates.flatMap { template in (0..<template.count).map { template.object($0).encoded() } }
        return try JSONWriter.write(["apiVersion": "v1", "kind": "List", "items": .list(items)])
    }
}

/// One result per parallel slice; each slot is written by exactly one worker.
private final class ResultSlots: Sendable {
    private let slots: Mutex<[Result<[UInt8], YAMLError>?]>

    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    func store(_ result: Result<[UInt8], YAMLError>, at index: Int) {
        slots.withLock { $0[index] = result }
    }

    func values() throws(YAMLError) -> [[UInt8]] {
        let results = slots.withLock { $0 }
        return try results.map { slot throws(YAMLError) in try (slot ?? .success([])).get() }
    }
}
