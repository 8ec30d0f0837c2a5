/// Writes rendered objects as Helm writes them: `---`, a `# Source:` line, the object.
public struct ManifestWriter {
    private let yaml = YAMLWriter()

    public init() {}

    /// Appends one document to `output`.
    public func append(_ object: KubernetesObject, source: String, to output: inout [UInt8]) throws(YAMLError) {
        output.append(contentsOf: "---\n# Source: \(source)\n".utf8)
        try yaml.append(object.encoded(), to: &output)
    }

    /// Streams every object of the templates to `sink`, one at a time.
    public func stream(_ templates: [RenderedTemplate], to sink: FileDescriptorSink) throws {
        for template in templates {
            for index in 0..<template.count {
                let object = template.object(index)
                try sink.withBuffer { buffer in try append(object, source: template.path, to: &buffer) }
            }
        }
        try sink.flush()
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
