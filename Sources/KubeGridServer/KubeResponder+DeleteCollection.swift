import Hummingbird
import KubeGridCore
import KubeGridSim

/// DELETE of a collection (`deletecollection`): every object the selectors pick, in one
/// namespace or all, deleted as a DELETE of each would (grace periods, propagation,
/// admission), in one turn of the cluster. The answer is the list of the objects as they
/// were selected, as kube-apiserver's generic registry returns it.
extension KubeResponder {
    func deleteCollection(_ target: ResourcePath, query: Query, body: ByteBuffer) async throws -> Response {
        guard target.resource.verbs.contains("deletecollection") else {
            throw StatusBody.methodNotAllowed("DELETE", target.resource.name)
        }
        let selection = try Selection(query)
        let options = try DeleteOptions(query, body: body)
        let clock = host.clock
        let list = try await host.write { cluster throws(StatusBody) -> Values in
            let encoding = ObjectEncoding(cluster: cluster, clock: clock)
            let selected = selection.filter(Self.objects(target, in: cluster), encoding: encoding)
            let list = encoding.list(selected.map(\.object), resource: target.resource, resourceVersion: cluster.resourceVersion)
            guard !options.dryRun else { return list }
            for (object, _) in selected where cluster.store.get(object.key) != nil {
                // An object an earlier deletion took with it (a dependent) is already gone.
                do {
                    _ = try cluster.delete(object.key, gracePeriodSeconds: options.gracePeriodSeconds, propagation: options.propagation)
                } catch {
                    throw StatusBody(error)
                }
            }
            return list
        }
        return Self.json(list)
    }
}
