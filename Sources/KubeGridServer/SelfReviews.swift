import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// The reviews a user asks about themself: `SelfSubjectAccessReview` (`kubectl auth
/// can-i`), answered by the same authorizer as every request, and `SelfSubjectReview`
/// (`kubectl auth whoami`). Neither is stored.
extension KubeResponder {
    /// The answer when `path` is one of the reviews, nil otherwise.
    func selfReview(_ request: Request, path: String, user: UserInfo) async throws -> Response? {
        guard request.method == .post else { return nil }
        switch path.split(separator: "/").map(String.init) {
        case ["apis", "authorization.k8s.io", "v1", "selfsubjectaccessreviews"]:
            return try await accessReview(try Self.reviewBody(try await Self.body(request)), user: user)
        case ["apis", "authentication.k8s.io", "v1", "selfsubjectreviews"]:
            let info: Values = ["username": .string(user.name), "groups": .list(user.groups.map { .string($0) })]
            return Self.json(
                ["kind": "SelfSubjectReview", "apiVersion": "authentication.k8s.io/v1", "metadata": ["creationTimestamp": .null],
                 "status": ["userInfo": info]],
                status: .created)
        default:
            return nil
        }
    }

    /// The review as JSON or YAML, or as kubectl sends it, protobuf: its spec's
    /// `resourceAttributes` (namespace 1, verb 2, group 3, version 4, resource 5,
    /// subresource 6, name 7) or `nonResourceAttributes` (path 1, verb 2).
    static func reviewBody(_ buffer: ByteBuffer) throws(StatusBody) -> Values {
        let bytes = Array(buffer.readableBytesView)
        guard bytes.starts(with: [0x6b, 0x38, 0x73, 0x00]) else { return try parseBody(buffer) }
        guard let review = ProtobufReader.kubernetesObject(bytes), let spec = review.message(2) else {
            throw StatusBody.badRequest("the object provided is unrecognized (must be of type SelfSubjectAccessReview)")
        }
        var map: Values.Map = [:]
        if let resource = spec.message(1) {
            let names = ["namespace", "verb", "group", "version", "resource", "subresource", "name"]
            var attributes: Values.Map = [:]
            for (index, name) in names.enumerated() where !resource.string(index + 1).isEmpty {
                attributes[name] = .string(resource.string(index + 1))
            }
            map["resourceAttributes"] = .map(attributes)
        } else if let nonResource = spec.message(2) {
            map["nonResourceAttributes"] = ["path": .string(nonResource.string(1)), "verb": .string(nonResource.string(2))]
        }
        return ["spec": .map(map)]
    }

    private func accessReview(_ body: Values, user: UserInfo) async throws -> Response {
        guard let spec = body["spec"]?.mapValue else {
            throw StatusBody(
                code: 422, reason: "Invalid",
                message: "SelfSubjectAccessReview.authorization.k8s.io \"\" is invalid: spec.resourceAttributes: Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified")
        }
        let attributes: AuthorizationAttributes
        if let resource = spec["resourceAttributes"]?.mapValue {
            func field(_ name: String) -> String { resource[name]?.stringValue ?? "" }
            attributes = .resource(
                user, verb: field("verb"), group: field("group"), resource: field("resource"), subresource: field("subresource"),
                namespace: field("namespace"), name: field("name"))
        } else if let nonResource = spec["nonResourceAttributes"]?.mapValue {
            attributes = .nonResource(user, verb: nonResource["verb"]?.stringValue ?? "", path: nonResource["path"]?.stringValue ?? "")
        } else {
            throw StatusBody(
                code: 422, reason: "Invalid",
                message: "SelfSubjectAccessReview.authorization.k8s.io \"\" is invalid: spec.resourceAttributes: Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified")
        }
        let decision: AuthorizationDecision
        if user.groups.contains(UserInfo.mastersGroup) {
            decision = AuthorizationDecision(allowed: true, reason: "")
        } else {
            decision = await host.read { cluster, _ in RBACAuthorizer().authorize(attributes, store: cluster.store) }
        }
        var status: Values.Map = ["allowed": .bool(decision.allowed)]
        if !decision.reason.isEmpty { status["reason"] = .string(decision.reason) }
        return Self.json(
            ["kind": "SelfSubjectAccessReview", "apiVersion": "authorization.k8s.io/v1", "metadata": ["creationTimestamp": .null],
             "spec": .map(spec), "status": .map(status)],
            status: .created)
    }
}
