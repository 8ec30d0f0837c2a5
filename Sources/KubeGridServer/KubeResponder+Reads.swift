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

    /// A list, a page at a time when `limit` asks: the page is read from the store's
    /// creation order after the object the `continue` token names, so it costs the objects
    /// read, not all of the kind. As in kube-apiserver, `remainingItemCount` is given only
    /// without selectors (with them, counting would read every object left).
    func list(_ target: ResourcePath, query: Query, accept: String?) async throws -> Response {
        let values = try await listValues(target, query: query)
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

    /// The list ``list(_:query:accept:)`` answers, as JSON values.
    func listValues(_ target: ResourcePath, query: Query) async throws -> Values {
        let selection = try Selection(query)
        let limit = query["limit"].flatMap(Int.init) ?? 0
        let start = try Self.continueStart(query["continue"])
        let cache = host.readCache
        return await host.read { cluster, encoding in
            let store = cluster.store
            let kind = target.resource.kind
            var page: [StoredObject] = []
            var more = false
            for object in store.objects(kind, namespace: target.namespace, createdAfter: start)
            where selection.matches(object, encoded: { encoding.encode(object) }) {
                if limit > 0, page.count == limit {
                    more = true
                    break
                }
                page.append(object)
            }
            let items = page.map { cache.values(of: $0) ?? encoding.encode($0) }
            var list = encoding.list(items: items, resource: target.resource, resourceVersion: store.resourceVersion)
            if more, let last = page.last?.metadata.uid, var map = list.mapValue, var metadata = map["metadata"]?.mapValue {
                metadata["continue"] = .string(Self.continueToken(after: last, resourceVersion: store.resourceVersion))
                if selection.isEmpty {
                    metadata["remainingItemCount"] = .int(store.count(kind, namespace: target.namespace, createdAfter: last))
                }
                map["metadata"] = .map(metadata)
                list = .map(map)
            }
            return list
        }
    }

    /// The objects a path names: one namespace's or all.
    static func objects(_ target: ResourcePath, in cluster: LiveCluster) -> [StoredObject] {
        cluster.store.list(target.resource.kind, namespace: target.namespace)
    }

    /// The uid of the last object the page before returned: a continued list starts
    /// after it, so objects deleted or created meanwhile shift nothing. nil: from the start.
    static func continueStart(_ token: String?) throws(StatusBody) -> UID? {
        guard let token, !token.isEmpty else { return nil }
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
              let number = text.split(separator: "/").last.flatMap({ Int($0) })
        else {
            throw StatusBody.badRequest("continue key is not valid: illegal base64 data at input byte 0")
        }
        return UID(number: number)
    }

    /// The list's resourceVersion and the uid of the page's last object.
    static func continueToken(after uid: UID, resourceVersion: Int) -> String {
        Data("\(resourceVersion)/\(uid.number)".utf8).base64EncodedString()
    }
}
