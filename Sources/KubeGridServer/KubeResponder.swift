import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// Answers kube-apiserver's HTTP API from the live cluster: authentication, discovery,
/// OpenAPI, and the verbs on every served resource. Every failure is a `metav1.Status`.
struct KubeResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let host: ClusterHost
    let token: String
    /// The API server's limit on a request body (apiserver's `MaxRequestBodyBytes`, 3 MiB).
    static let maxBodyBytes = 3 * 1024 * 1024

    func respond(to request: Request, context: Context) async throws -> Response {
        do {
            let prefix = Self.tokenPrefix(token)
            var path = request.uri.path
            if path == prefix || path.hasPrefix(prefix + "/") {
                path.removeFirst(prefix.count)
            } else if request.headers[.authorization] != "Bearer \(token)",
                !request.headers.contains(where: { $0.name.canonicalName == Self.tokenExtraHeader && $0.value == token })
            {
                throw StatusBody.unauthorized
            }
            return try await route(request, path: path.isEmpty ? "/" : path)
        } catch let status as StatusBody {
            return Self.json(status.values, status: .init(code: status.code))
        } catch {
            return Self.json(StatusBody(code: 500, reason: "InternalError", message: "\(error)").values, status: .internalServerError)
        }
    }

    /// The path prefix that carries the token in the kubeconfig's server URL.
    static func tokenPrefix(_ token: String) -> String { "/t/\(token)" }

    /// The impersonation extra that carries the token too (`as-user-extra` in the
    /// kubeconfig, sent as `Impersonate-Extra-Kubegrid-Token`).
    static let tokenExtra = "kubegrid-token"
    static let tokenExtraHeader = "impersonate-extra-kubegrid-token"

    private func route(_ request: Request, path: String) async throws -> Response {
        let segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        if request.method == .get, let document = Discovery.document(segments) {
            return Self.json(document)
        }
        guard let target = try ResourcePath.parse(segments) else { throw StatusBody.pageNotFound() }
        let query = Query(request.uri.query)
        switch (request.method, target.name, target.subresource) {
        case (.get, nil, nil):
            if query.flag("watch") { return try await watch(target, query: query) }
            return try await list(target, query: query)
        case (.get, .some, nil): return try await get(target)
        case (.post, nil, nil): return try await create(target, body: try await Self.body(request))
        case (.put, .some, nil): return try await replace(target, body: try await Self.body(request))
        case (.delete, .some, nil): return try await delete(target, query: query, body: try await Self.body(request))
        case (.patch, .some, nil):
            let type = request.headers[.contentType] ?? ""
            return try await patch(target, type: type, body: try await Self.body(request))
        case (_, .some, .some): return try await subresource(request, target: target, query: query)
        default:
            throw StatusBody.methodNotAllowed(request.method.rawValue, target.resource.name)
        }
    }

    // MARK: Verbs

    func get(_ target: ResourcePath) async throws -> Response {
        let key = ObjectKey(target.resource.kind, namespace: target.namespace, target.name!)
        let values = try await host.read { cluster, encoding throws(StatusBody) in
            guard let object = cluster.store.get(key) else {
                throw StatusBody(APIError(.notFound, kind: key.kind, name: key.name))
            }
            return encoding.encode(object)
        }
        return Self.json(values)
    }

    private func list(_ target: ResourcePath, query: Query) async throws -> Response {
        let selection = try Selection(query)
        let limit = query["limit"].flatMap(Int.init) ?? 0
        let start = try Self.continueOffset(query["continue"])
        let values = await host.read { cluster, encoding in
            let all = selection.filter(Self.objects(target, in: cluster), encoding: encoding)
            var page = Array(all.dropFirst(start))
            var next: String?
            if limit > 0, page.count > limit {
                page = Array(page.prefix(limit))
                next = Self.continueToken(start + limit, resourceVersion: cluster.store.resourceVersion)
            }
            var list = encoding.list(page.map(\.object), resource: target.resource, resourceVersion: cluster.store.resourceVersion)
            if let next, var map = list.mapValue, var metadata = map["metadata"]?.mapValue {
                metadata["continue"] = .string(next)
                metadata["remainingItemCount"] = .int(all.count - start - limit)
                map["metadata"] = .map(metadata)
                list = .map(map)
            }
            return list
        }
        return Self.json(values)
    }

    private func replace(_ target: ResourcePath, body: ByteBuffer) async throws -> Response {
        let (manifest, name) = try Self.manifest(body, for: target)
        guard name == target.name else {
            throw StatusBody.badRequest("the name of the object (\(name)) does not match the name on the URL (\(target.name!))")
        }
        let resourceVersion = manifest.mapValue?["metadata"]?.mapValue?["resourceVersion"]?.stringValue.flatMap { Int($0) }
        return try await write(manifest, resourceVersion: resourceVersion)
    }

    /// Writes `manifest` over the stored object (a PUT, or a PATCH once applied) and answers
    /// with the object as stored, or with the API server's refusal.
    private func write(_ manifest: Values, resourceVersion: Int?) async throws -> Response {
        let source = ManifestSource(name: "request body", bytes: Array(Self.compact(manifest).utf8))
        let object = try await host.write { cluster throws(StatusBody) in
            do {
                return try cluster.replace(source, resourceVersion: resourceVersion)
            } catch let error as APIError {
                throw StatusBody(error)
            } catch let error as LiveClusterError {
                throw StatusBody(code: 405, reason: "MethodNotAllowed", message: error.description)
            } catch {
                throw StatusBody.badRequest("\(error)")
            }
        }
        let encoded = await host.read { _, encoding in encoding.encode(object) }
        return Self.json(encoded)
    }

    /// A PATCH: the patch engine for the Content-Type turns the object as served into the
    /// new one, which is then written as a replace.
    private func patch(_ target: ResourcePath, type: String, body: ByteBuffer) async throws -> Response {
        let mediaType = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard let engine = PatchEngines.engine(for: mediaType) else {
            throw StatusBody(
                code: 415, reason: "UnsupportedMediaType",
                message: "the body of the request was in an unknown format - accepted media types include: "
                    + PatchEngines.supported.joined(separator: ", "))
        }
        let patch = try Self.parseBody(body)
        let key = ObjectKey(target.resource.kind, namespace: target.namespace, target.name!)
        let current = try await host.read { cluster, encoding throws(StatusBody) in
            guard let object = cluster.store.get(key) else { throw StatusBody(APIError(.notFound, kind: key.kind, name: key.name)) }
            return encoding.encode(object)
        }
        let patched: Values
        do {
            patched = try engine(patch, current)
        } catch {
            throw StatusBody(code: error.code.rawValue, reason: error.code == .badRequest ? "BadRequest" : "Invalid", message: error.message)
        }
        return try await write(patched, resourceVersion: nil)
    }

    /// The body as a manifest of the path's kind, in the path's namespace, and its name.
    private static func manifest(_ body: ByteBuffer, for target: ResourcePath) throws(StatusBody) -> (Values, String) {
        var manifest = try Self.parseBody(body)
        guard var map = manifest.mapValue, var metadata = map["metadata"]?.mapValue else {
            throw StatusBody.badRequest("Object 'metadata' is missing in '\(Self.compact(manifest))'")
        }
        // Like the API server, a body without apiVersion and kind takes the path's.
        if map["kind"] == nil || map["kind"]?.isNull == true { map["kind"] = .string(target.resource.kind.rawValue) }
        if map["apiVersion"] == nil || map["apiVersion"]?.isNull == true {
            map["apiVersion"] = .string(target.resource.groupVersion)
        }
        guard let kind = map["kind"]?.stringValue, kind == target.resource.kind.rawValue else {
            throw StatusBody.badRequest(
                "the API version in the data (\(map["apiVersion"]?.stringValue ?? "")) does not match the expected API version (\(target.resource.groupVersion))")
        }
        if let namespace = target.namespace {
            if let given = metadata["namespace"]?.stringValue, given != namespace {
                throw StatusBody.badRequest("the namespace of the provided object does not match the namespace sent on the request")
            }
            metadata["namespace"] = .string(namespace)
        }
        map["metadata"] = .map(metadata)
        manifest = .map(map)
        guard let name = metadata["name"]?.stringValue, !name.isEmpty else {
            throw StatusBody(
                code: 422, reason: "Invalid",
                message: "\(kind) \"\" is invalid: metadata.name: Required value: name or generateName is required")
        }
        return (manifest, name)
    }

    private func create(_ target: ResourcePath, body: ByteBuffer) async throws -> Response {
        let (manifest, name) = try Self.manifest(body, for: target)
        let source = ManifestSource(name: "request body", bytes: Array(Self.compact(manifest).utf8))
        let values = try await host.write { cluster throws(StatusBody) in
            do {
                let object: StoredObject
                if target.resource.kind == .namespace {
                    object = try cluster.createNamespace(name)
                } else {
                    object = try cluster.create(source)
                }
                return object
            } catch let error as APIError {
                throw StatusBody(error)
            } catch let error as LiveClusterError {
                throw StatusBody(code: 405, reason: "MethodNotAllowed", message: error.description)
            } catch {
                throw StatusBody.badRequest("\(error)")
            }
        }
        let encoded = await host.read { _, encoding in encoding.encode(values) }
        return Self.json(encoded, status: .created)
    }

    private func delete(_ target: ResourcePath, query: Query, body: ByteBuffer) async throws -> Response {
        var grace = query["gracePeriodSeconds"].flatMap(Int.init)
        var policy = query["propagationPolicy"]
        if body.readableBytes > 0, let options = try Self.parseBody(body).mapValue {
            if case .int(let seconds) = options["gracePeriodSeconds"] { grace = seconds }
            if let text = options["propagationPolicy"]?.stringValue { policy = text }
        }
        var propagation = PropagationPolicy.background
        if let policy {
            guard let parsed = PropagationPolicy(rawValue: policy) else {
                throw StatusBody(
                    code: 422, reason: "Invalid",
                    message: "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: \"\(policy)\": "
                        + "supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"")
            }
            propagation = parsed
        }
        let key = ObjectKey(target.resource.kind, namespace: target.namespace, target.name!)
        let values = try await host.write { cluster throws(StatusBody) in
            guard let before = cluster.store.get(key) else { throw StatusBody(APIError(.notFound, kind: key.kind, name: key.name)) }
            do {
                _ = try cluster.delete(key, gracePeriodSeconds: grace, propagation: propagation)
            } catch let error as APIError {
                throw StatusBody(error)
            } catch {
                throw StatusBody.badRequest("\(error)")
            }
            return cluster.store.get(key) ?? before
        }
        let encoded = await host.read { _, encoding in encoding.encode(values) }
        return Self.json(encoded)
    }

    // MARK: Helpers

    /// The objects a path names: one namespace's or all.
    static func objects(_ target: ResourcePath, in cluster: LiveCluster) -> [StoredObject] {
        cluster.store.list(target.resource.kind, namespace: target.namespace)
    }

    private static func continueOffset(_ token: String?) throws(StatusBody) -> Int {
        guard let token, !token.isEmpty else { return 0 }
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
              let offset = text.split(separator: "/").last.flatMap({ Int($0) })
        else {
            throw StatusBody.badRequest("continue key is not valid: illegal base64 data at input byte 0")
        }
        return offset
    }

    private static func continueToken(_ offset: Int, resourceVersion: Int) -> String {
        Data("\(resourceVersion)/\(offset)".utf8).base64EncodedString()
    }

    static func body(_ request: Request) async throws -> ByteBuffer {
        var request = request
        do {
            return try await request.collectBody(upTo: maxBodyBytes)
        } catch {
            throw StatusBody(code: 413, reason: "RequestEntityTooLarge", message: "the request body is too large: limit is 3145728 bytes")
        }
    }

    /// A JSON or YAML body; anything else is the API server's 400.
    static func parseBody(_ buffer: ByteBuffer) throws(StatusBody) -> Values {
        do { return try parseAny(buffer) } catch let status as StatusBody { throw status } catch { throw StatusBody.badRequest("\(error)") }
    }

    private static func parseAny(_ buffer: ByteBuffer) throws -> Values {
        let text = String(buffer: buffer)
        do {
            if text.drop(while: \.isWhitespace).first == "{" { return try JSONReader.parse(text, source: "request body") }
            let documents = try YAMLReader(source: "request body").documents(from: Array(text.utf8))
            guard documents.count == 1 else { throw StatusBody.badRequest("expected one object in the request body") }
            return documents[0].root
        } catch let status as StatusBody {
            throw status
        } catch {
            throw StatusBody.badRequest("the object provided is unrecognized (must be of type JSON or YAML): \(error)")
        }
    }

    static func compact(_ values: Values) -> String {
        (try? JSONWriter.write(values, style: .compact)) ?? "{}"
    }

    static func json(_ values: Values, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: compact(values))))
    }
}

/// The patch engines by Content-Type. Strategic merge patch and server-side apply need
/// the served types' merge keys, which no table in the binary carries yet: 415 for them.
enum PatchEngines {
    typealias Engine = @Sendable (_ patch: Values, _ current: Values) throws(PatchError) -> Values

    static let supported = ["application/json-patch+json", "application/merge-patch+json"]

    static func engine(for mediaType: String) -> Engine? {
        switch mediaType {
        case "application/merge-patch+json":
            return { (patch: Values, current: Values) throws(PatchError) in try JSONMergePatch.apply(patch, to: current) }
        case "application/json-patch+json":
            return { (patch: Values, current: Values) throws(PatchError) in try JSONPatch(patch).apply(to: current) }
        default:
            return nil
        }
    }
}

/// Query parameters by name (the last occurrence wins).
struct Query: Sendable {
    private var values: [String: String] = [:]

    init(_ query: String?) {
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { text in
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            values[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    /// A boolean parameter, read as Go's `strconv.ParseBool` reads it (`true`, `True`, `1`, `t`…),
    /// as the API server does (the PyPI client sends `watch=True`).
    func flag(_ name: String) -> Bool {
        ["1", "t", "T", "TRUE", "true", "True"].contains(values[name] ?? "")
    }
}

/// A list's or watch's label and field selectors.
struct Selection: Sendable {
    var labels: LabelSelectorQuery?
    var fields: FieldSelectorQuery?

    init(_ query: Query) throws(StatusBody) {
        if let text = query["labelSelector"], !text.isEmpty { labels = try LabelSelectorQuery(text) }
        if let text = query["fieldSelector"], !text.isEmpty {
            let fields = try FieldSelectorQuery(text)
            for requirement in fields.requirements where !FieldSelectorQuery.fields.contains(requirement.field) {
                throw StatusBody.badRequest("field label not supported: \(requirement.field)")
            }
            self.fields = fields
        }
    }

    /// The objects that match, each with its encoding.
    func filter(_ objects: [StoredObject], encoding: ObjectEncoding) -> [(object: StoredObject, values: Values)] {
        var result: [(StoredObject, Values)] = []
        for object in objects {
            var values: Values?
            let encoded = { values = values ?? encoding.encode(object); return values! }
            if matches(object, encoded: encoded) { result.append((object, encoded())) }
        }
        return result
    }

    /// Whether `object` is selected; `encoded` gives it as served, asked only when a field
    /// selector needs it.
    func matches(_ object: StoredObject, encoded: () -> Values) -> Bool {
        if let labels, !labels.matches(Dictionary(uniqueKeysWithValues: object.metadata.labels.map { ($0.key, $0.value) })) {
            return false
        }
        guard let fields else { return true }
        let values = encoded()
        return fields.requirements.allSatisfy { requirement in
            (Self.lookup(requirement.field, in: values) == requirement.value) == requirement.equal
        }
    }

    private static func lookup(_ path: String, in values: Values) -> String {
        var current: Values? = values
        for part in path.split(separator: ".") { current = current?.mapValue?[String(part)] }
        return current?.stringValue ?? ""
    }
}
