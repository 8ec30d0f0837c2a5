import KubeGridCore

/// `kubectl apply` as the simulation's user: every object goes to the API server, which
/// may refuse it; the controllers take it from there. A refusal is noted (diagnosis
/// explains it) and recorded as a `FailedCreate` warning.
extension World {
    /// Creates the object, or updates it when one of that name exists.
    @discardableResult
    mutating func apply(_ body: ObjectBody, name: String, namespace: String?) throws(APIError) -> StoredObject {
        let key = ObjectKey(body.kind, namespace: namespace, name)
        return try write { (api: inout APIServer, now: SimTime) throws(APIError) in
            if api.store.get(key) != nil { return try api.update(key, at: now) { $0 = body } }
            return try api.create(body, name: name, namespace: namespace, at: now)
        }
    }

    /// Applies an object, noting a refusal.
    mutating func applyObject(_ body: ObjectBody, name: String, namespace: String?) {
        do {
            try apply(body, name: name, namespace: namespace)
        } catch {
            rejections.append(error)
            record("\(body.kind.rawValue.lowercased())/\(name)", "FailedCreate", error.description, type: .warning)
        }
    }

    /// Creates an object a manifest describes, with its labels and annotations (a tenant's
    /// Namespace, its quota, its policies), noting a refusal.
    mutating func applyWrite(_ object: ManifestWrite) {
        let key = object.key
        do {
            try write { (api: inout APIServer, now: SimTime) throws(APIError) in
                try api.create(
                    object.body, name: key.name, namespace: key.namespace, labels: object.labels,
                    annotations: object.annotations, at: now)
            }
        } catch {
            rejections.append(error)
            record("\(key.kind.rawValue.lowercased())/\(key.name)", "FailedCreate", error.description, type: .warning)
        }
    }

    mutating func applyNamespace(_ name: String) {
        applyObject(.namespace, name: name, namespace: nil)
    }

    mutating func applyStatefulSet(_ statefulSet: StatefulSet) {
        applyObject(.statefulSet(statefulSet), name: statefulSet.metadata.name, namespace: statefulSet.metadata.namespace)
    }

    /// A Service applied again is replaced: its old allocations are freed first.
    mutating func applyService(_ service: Service) {
        let key = ObjectKey(.service, namespace: service.metadata.namespace, service.metadata.name)
        if api.store.get(key) != nil {
            _ = try? write { (api: inout APIServer, now: SimTime) throws(APIError) in try api.delete(key, at: now) }
        }
        do {
            try write { (api: inout APIServer, now: SimTime) throws(APIError) in
                try api.create(.service(service), name: key.name, namespace: key.namespace, at: now)
            }
        } catch {
            rejections.append(error)
            record("service/\(key.name)", "FailedCreate", error.description, type: .warning)
        }
    }
}
