import Hummingbird
import KubeGridCore

/// GET `/openapi/v2` and `/openapi/v3[/PATH]` (see ``OpenAPIDocuments``).
extension KubeResponder {
    func openAPI(_ segments: [String], accept: String?) throws(StatusBody) -> Response {
        switch segments.count {
        case 2 where segments[1] == "v2":
            // kubectl 1.32 asks for protobuf only; other clients for JSON. Anything else is
            // refused as kube-apiserver refuses a type it cannot write.
            let accept = accept ?? "*/*"
            if accept.contains(OpenAPIProtobuf.mediaType) || accept.contains(OpenAPIProtobuf.contentType), !accept.contains("json") {
                var headers = HTTPFields()
                headers[.contentType] = OpenAPIProtobuf.contentType
                return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: OpenAPIDocuments.v2Protobuf)))
            }
            guard accept.contains("json") || accept.contains("*/*") else {
                throw StatusBody(
                    code: 406, reason: "NotAcceptable",
                    message: "only the following media types are accepted: application/json, " + OpenAPIProtobuf.mediaType)
            }
            return Self.text(OpenAPIDocuments.v2)
        case 2 where segments[1] == "v3":
            return Self.json(OpenAPIDocuments.v3Index)
        default:
            guard segments.count >= 3, segments[1] == "v3",
                  let document = OpenAPIDocuments.v3(segments.dropFirst(2).joined(separator: "/"))
            else { throw StatusBody.pageNotFound() }
            return Self.text(document)
        }
    }

    /// A JSON document already written.
    static func text(_ json: String) -> Response {
        Self.json(ByteBuffer(string: json))
    }
}
