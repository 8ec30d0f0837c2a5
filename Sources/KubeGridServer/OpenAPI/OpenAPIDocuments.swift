import KubeGridCore
import KubeGridSim

/// The OpenAPI documents kubectl reads, built once from the generated definitions
/// (OpenAPI/Generated/OpenAPIDefinitions.swift, the definitions the Kubernetes types come from):
///
/// - `/openapi/v2`: every definition, and a PATCH operation per served resource, in JSON
///   or protobuf;
/// - `/openapi/v3`: the index of group-versions, and `/openapi/v3/api/v1`,
///   `/openapi/v3/apis/GROUP/VERSION`: the schemas that group-version's kinds reference
///   (`kubectl explain`) and a PATCH operation per resource with its group-version-kind.
///
/// Every PATCH operation lists the `fieldValidation` parameter: kubectl then leaves field
/// validation to the server (`fieldValidation=Strict`, see ``UnknownFields``) instead of
/// validating on its side.
enum OpenAPIDocuments {
    /// The definitions by name, OpenAPI v2's form (`#/definitions/` references).
    static let definitions: Values.Map = {
        (try? JSONReader.parse(OpenAPIDefinitions.json, source: "OpenAPI definitions"))?.mapValue ?? [:]
    }()

    /// `/openapi/v2`.
    static let v2Document: Values = .map([
        "swagger": "2.0", "info": info, "paths": .map(patchPaths(APIResource.all, v3: false)),
        "definitions": .map(definitions),
    ])
    /// `/openapi/v2` as JSON.
    static let v2: String = KubeResponder.compact(v2Document)
    /// `/openapi/v2` as protobuf (what kubectl asks for).
    static let v2Protobuf: [UInt8] = OpenAPIProtobuf.document(v2Document)

    /// `/openapi/v3`: where each group-version's document is, with a hash of its bytes (kubectl
    /// caches the documents by it).
    static let v3Index: Values = {
        var paths: Values.Map = [:]
        for (path, document) in v3Documents {
            paths[path] = .map(["serverRelativeURL": .string("/openapi/v3/\(path)?hash=\(fnv1a(document))")])
        }
        return .map(["paths": .map(paths)])
    }()

    /// Each group-version's document by its path (`api/v1`, `apis/apps/v1`), as JSON.
    static let v3Documents: [(path: String, document: String)] = APIResource.groupVersions.map { entry in
        let path = entry.group.isEmpty ? "api/\(entry.version)" : "apis/\(entry.group)/\(entry.version)"
        let resources = APIResource.all.filter { $0.group == entry.group && $0.version == entry.version }
        var schemas: Values.Map = [:]
        for name in closure(of: resources.compactMap(definitionName) + [patchDefinition]) {
            schemas[name] = v3Schema(definitions[name]!)
        }
        let document: Values = .map([
            "openapi": "3.0.0", "info": info, "paths": .map(patchPaths(resources, v3: true)),
            "components": .map(["schemas": .map(schemas)]),
        ])
        return (path, KubeResponder.compact(document))
    }

    /// Builds every document once, off the request path: run in the background as the
    /// server starts, so kubectl's first `apply` or `explain` does not wait for it.
    static func prepare() {
        _ = v2
        _ = v2Protobuf
        _ = v3Index
        _ = v3Documents
    }

    /// The document at `/openapi/v3/PATH`, nil for a group-version not served.
    static func v3(_ path: String) -> String? {
        v3Documents.first { $0.path == path }?.document
    }

    private static let info: Values = .map(["title": "Kubernetes", "version": "v1.32.0"])
    private static let patchDefinition = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch"

    /// The definition whose `x-kubernetes-group-version-kind` is the resource's.
    static func definitionName(_ resource: APIResource) -> String? {
        definitions.first { _, schema in
            schema["x-kubernetes-group-version-kind"]?.listValue?.contains { gvk in
                gvk["group"]?.stringValue == resource.group && gvk["version"]?.stringValue == resource.version
                    && gvk["kind"]?.stringValue == resource.kind.rawValue
            } ?? false
        }?.key
    }

    /// `roots` and every definition they reference, directly or not, sorted.
    private static func closure(of roots: [String]) -> [String] {
        var seen = Set<String>()
        var stack = roots
        while let name = stack.popLast() {
            guard !seen.contains(name), let schema = definitions[name] else { continue }
            seen.insert(name)
            references(in: schema, into: &stack)
        }
        return seen.sorted()
    }

    private static func references(in node: Values, into names: inout [String]) {
        switch node {
        case .map(let map):
            for (key, value) in map {
                if key == "$ref", let target = value.stringValue {
                    names.append(String(target.split(separator: "/").last ?? ""))
                } else {
                    references(in: value, into: &names)
                }
            }
        case .list(let items):
            for item in items { references(in: item, into: &names) }
        default:
            break
        }
    }

    /// A v2 schema in v3's form, as kube-apiserver writes it: references point into
    /// `#/components/schemas/`, and one with a description beside it is wrapped in `allOf`.
    private static func v3Schema(_ node: Values) -> Values {
        switch node {
        case .map(let map):
            var result: Values.Map = [:]
            for (key, value) in map {
                if key == "$ref", let target = value.stringValue {
                    result[key] = .string(target.replacingOccurrences(of: "#/definitions/", with: "#/components/schemas/"))
                } else {
                    result[key] = v3Schema(value)
                }
            }
            if let reference = result["$ref"], result.count > 1 {
                result.removeValue(forKey: "$ref")
                result["allOf"] = [.map(["$ref": reference])]
            }
            return .map(result)
        case .list(let items):
            return .list(items.map(v3Schema))
        default:
            return node
        }
    }

    /// A PATCH operation for each resource, with its group-version-kind, the patch types it
    /// takes (kubectl's apply computes a strategic merge patch only for a kind whose v3
    /// operation lists that type, from the schema's merge keys; otherwise a JSON merge
    /// patch) and the `fieldValidation` parameter kubectl looks for.
    private static func patchPaths(_ resources: [APIResource], v3: Bool) -> Values.Map {
        var paths: Values.Map = [:]
        for resource in resources {
            let prefix = (resource.group.isEmpty ? "/api/\(resource.version)" : "/apis/\(resource.groupVersion)")
                + (resource.namespaced ? "/namespaces/{namespace}" : "")
            let parameter: Values = v3
                ? .map(["name": "fieldValidation", "in": "query", "schema": .map(["type": "string", "uniqueItems": true])])
                : .map(["name": "fieldValidation", "in": "query", "type": "string", "uniqueItems": true])
            var operation: Values.Map = [
                "operationId": .string("patch\(resource.kind.rawValue)"),
                "parameters": [parameter],
                "x-kubernetes-action": "patch",
                "x-kubernetes-group-version-kind": .map([
                    "group": .string(resource.group), "version": .string(resource.version),
                    "kind": .string(resource.kind.rawValue),
                ]),
            ]
            if v3 {
                let body: Values = .map(["schema": .map(["$ref": .string("#/components/schemas/\(patchDefinition)")])])
                var content: Values.Map = [:]
                for kind in PatchKind.allCases { content[kind.rawValue] = body }
                operation["requestBody"] = .map(["content": .map(content), "required": true])
            } else {
                operation["consumes"] = .list(PatchKind.allCases.map { .string($0.rawValue) })
            }
            paths["\(prefix)/\(resource.name)/{name}"] = .map(["patch": .map(operation)])
        }
        return paths
    }

    /// FNV-1a, 64 bits, in hex: a stable hash of a document for its URL.
    private static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16, uppercase: true)
    }
}
