import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// GET of one object and of a list (selectors, `limit`/`continue`).
extension KubeResponder {
    func get(_ target: ResourcePath, accept: String?) async throws -> Response {
        let encoded = try await encoded(target.objectKey!)
        return Self.json(Self.body(of: encoded, kind: target.resource.kind, accept: accept))
    }

    /// What a GET of one object answers: its JSON, or a Table of it when `accept` asks.
    static func body(of encoded: ObjectReadCache.Encoded, kind: ObjectKind, accept: String?) -> ByteBuffer {
        guard TableOutput.isRequested(accept) else { return encoded.json }
        return ByteBuffer(string: compact(TableOutput.table(kind, objects: [encoded.values], resourceVersion: nil)))
    }

    /// The object at `key` as served: from the read cache when it was encoded at its
    /// current resourceVersion, else encoded in the cluster's turn and kept there.
    func encoded(_ key: ObjectKey) async throws -> ObjectReadCache.Encoded {
        let cache = host.readCache
        guard let entry = cache.entry(key) else { throw StatusBody(APIError(.notFound, kind: key.kind, name: key.name)) }
        if let encoded = entry.encoded { return encoded }
        return try await host.read { cluster, encoding throws(StatusBody) in
            guard let object = cluster.store.get(key) else {
                throw StatusBody(APIError(.notFound, kind: key.kind, name: key.name))
            }
            let values = encoding.encode(object)
            let encoded = ObjectReadCache.Encoded(values: values, json: ByteBuffer(string: Self.compact(values)))
            cache.keep(encoded, for: key, at: object.metadata.resourceVersion)
            return encoded
        }
    }

    func list(_ target: ResourcePath, query: Query, accept: String?) async throws -> Response {
        let selection = try Selection(query)
        let limit = query["limit"].flatMap(Int.init) ?? 0
        let start = try Self.continueOffset(query["continue"])
        let cache = host.readCache
        let values = await host.read { cluster, encoding in
            let all = selection.select(Self.objects(target, in: cluster), encoding: encoding)
            // Slices of the selected objects: only the page is copied, when encoded.
            let rest = all.dropFirst(start)
            let page = limit > 0 ? rest.prefix(limit) : rest
            let next = limit > 0 && rest.count > limit
                ? Self.continueToken(start + limit, resourceVersion: cluster.store.resourceVersion) : nil
            let items = page.map { cache.values(of: $0) ?? encoding.encode($0) }
            var list = encoding.list(items: items, resource: target.resource, resourceVersion: cluster.store.resourceVersion)
            if let next, var map = list.mapValue, var metadata = map["metadata"]?.mapValue {
                metadata["continue"] = .string(next)
                metadata["remainingItemCount"] = .int(all.count - start - limit)
                map["metadata"] = .map(metadata)
                list = .map(map)
            }
            return list
        }
        if TableOutput.isRequested(accept) {
            var table = TableOutput.table(
                target.resource.kind, objects: values["items"]?.listValue ?? [],
                resourceVersion: values["metadata"]?["resourceVersion"]?.stringValue)
            if case .map(var map) = table, let metadata = values["metadata"] {
                map["metadata"] = metadata
                table = .map(map)
            }
            return Self.json(table)
        }
        return Self.json(values)
    }

    /// The objects a path names: one namespace's or all.
    static func objects(_ target: ResourcePath, in cluster: LiveCluster) -> [StoredObject] {
        cluster.store.list(target.resource.kind, namespace: target.namespace)
    }

    static func continueOffset(_ token: String?) throws(StatusBody) -> Int {
        guard let token, !token.isEmpty else { return 0 }
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
              let offset = text.split(separator: "/").last.flatMap({ Int($0) })
        else {
            throw StatusBody.badRequest("continue key is not valid: illegal base64 data at input byte 0")
        }
        return offset
    }

    static func continueToken(_ offset: Int, resourceVersion: Int) -> String {
        Data("\(resourceVersion)/\(offset)".utf8).base64EncodedString()
    }
}
