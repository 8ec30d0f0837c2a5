import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim

/// Request bodies in (JSON or YAML, within the API server's size limit) and JSON answers out.
extension KubeResponder {
    /// The body as a manifest of the path's kind, in the path's namespace, and its name.
    static func manifest(_ body: ByteBuffer, for target: ResourcePath) throws(StatusBody) -> (Values, String) {
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

    static func parseAny(_ buffer: ByteBuffer) throws -> Values {
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

    /// The headers of every JSON answer (the response adds the length, Hummingbird the date).
    static let jsonFields: HTTPFields = [.contentType: "application/json"]

    static func json(_ values: Values, status: HTTPResponse.Status = .ok) -> Response {
        json(ByteBuffer(string: compact(values)), status: status)
    }

    static func json(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: jsonFields, body: ResponseBody(byteBuffer: body))
    }
}
