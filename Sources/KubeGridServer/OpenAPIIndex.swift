import KubeGridCore
import KubeGridSim

/// The OpenAPI v3 documents kubectl's validation reads: the index of group-versions, and
/// for each one the PATCH operations with their group-version-kind and the
/// `fieldValidation` parameter, which tells kubectl that the server validates fields
/// (`kubectl apply` then sends `fieldValidation=Strict` instead of validating itself).
/// The full schemas (for `kubectl explain`) are not served yet.
enum OpenAPIIndex {
    static var root: Values {
        var paths: Values.Map = [:]
        for entry in APIResource.groupVersions {
            let path = entry.group.isEmpty ? "api/\(entry.version)" : "apis/\(entry.group)/\(entry.version)"
            paths[path] = .map(["serverRelativeURL": .string("/openapi/v3/\(path)?hash=kubegrid")])
        }
        return .map(["paths": .map(paths)])
    }

    /// The document of `api/v1` or `apis/GROUP/VERSION`.
    static func groupVersion(_ path: String) -> Values? {
        let resources = APIResource.all.filter {
            ($0.group.isEmpty ? "api/\($0.version)" : "apis/\($0.group)/\($0.version)") == path
        }
        guard !resources.isEmpty else { return nil }
        var paths: Values.Map = [:]
        for resource in resources {
            let prefix = "/" + path + (resource.namespaced ? "/namespaces/{namespace}" : "")
            let operation: Values = .map([
                "operationId": .string("patch\(resource.kind.rawValue)"),
                "parameters": [.map(["name": "fieldValidation", "in": "query", "schema": .map(["type": "string"])])],
                "x-kubernetes-action": "patch",
                "x-kubernetes-group-version-kind": .map([
                    "group": .string(resource.group), "version": .string(resource.version), "kind": .string(resource.kind.rawValue),
                ]),
            ])
            paths["\(prefix)/\(resource.name)/{name}"] = .map(["patch": operation])
        }
        return .map([
            "openapi": "3.0.0", "info": .map(["title": "Kubernetes", "version": "v1.32.0"]), "paths": .map(paths),
            "components": .map(["schemas": .emptyMap]),
        ])
    }
}
