/// Reads manifests into Kubernetes objects: the one reader `lint` and `simulate` share.
///
/// A file holds any number of YAML documents (or one JSON value); empty documents are
/// skipped, and a `kind: List` document is opened up into its `items`. Each object keeps
/// its document and path, so whoever reports on it can place the report at a line and
/// column. What cannot be read becomes a ``ManifestProblem``, in input order; the reader
/// never stops at the first one, so lint can report them all and simulate the first.
public enum ManifestObjectReader {
    /// What one or more files hold, in input order.
    public struct Read: Sendable {
        /// An object, or a document (or `List` item) that is not one.
        public enum Item: Sendable {
            case object(ManifestObject)
            case problem(ManifestProblem)
        }

        public var items: [Item] = []

        public init() {}

        /// The objects read, in input order.
        public var objects: [ManifestObject] {
            items.compactMap { if case .object(let object) = $0 { object } else { nil } }
        }

        /// What could not be read, in input order.
        public var problems: [ManifestProblem] {
            items.compactMap { if case .problem(let problem) = $0 { problem } else { nil } }
        }
    }

    /// Reads the documents of one file, already parsed (lint parses a file once to tell a
    /// values file from a manifest).
    public static func objects(in documents: [YAMLDocument], source: String) -> Read {
        var read = Read()
        for document in documents {
            switch document.root {
            case .null:
                continue
            case .map(let map) where map["kind"]?.stringValue == "List" && map["items"]?.listValue != nil:
                for (index, item) in (map["items"]?.listValue ?? []).enumerated() {
                    let prefix = ValuePath.root.appending(key: "items").appending(index: index)
                    add(item, document: document, prefix: prefix, source: source, to: &read)
                }
            default:
                add(document.root, document: document, prefix: .root, source: source, to: &read)
            }
        }
        return read
    }

    /// Reads files in order. Positions are recorded only for a file with a problem, which
    /// is read a second time to place it: a well-formed input does not pay for them.
    public static func read(_ sources: [ManifestSource]) throws(YAMLError) -> Read {
        var read = Read()
        for source in sources {
            var file = objects(in: try YAMLReader(source: source.name).documents(from: source.bytes), source: source.name)
            if file.items.contains(where: { if case .problem = $0 { true } else { false } }) {
                let documents = try YAMLReader(source: source.name, recordsPositions: true).documents(from: source.bytes)
                file = objects(in: documents, source: source.name)
            }
            read.items += file.items
        }
        return read
    }

    private static func add(_ values: Values, document: YAMLDocument, prefix: ValuePath, source: String, to read: inout Read) {
        func problem(_ reason: ManifestProblem.Reason, title: String?) {
            read.items.append(.problem(ManifestProblem(reason: reason, document: document, prefix: prefix, source: source, title: title)))
        }
        guard case .map = values else {
            problem(.notAnObject(found: values.kindDescription), title: nil)
            return
        }
        do {
            let object = try KubernetesObject(decoding: values)
            read.items.append(.object(ManifestObject(object: object, document: document, prefix: prefix, source: source)))
        } catch let error as ManifestDecodingError {
            problem(.invalidObject(error), title: title(of: values))
        } catch {
            problem(.undecodable("\(error)"), title: title(of: values))
        }
    }

    /// `StatefulSet web`: the kind and name an object gives, whatever else is wrong with it.
    private static func title(of values: Values) -> String? {
        let parts = [values["kind"]?.stringValue, values["metadata"]?["name"]?.stringValue].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
