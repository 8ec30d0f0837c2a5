/// Why a patch could not be applied, worded as the Kubernetes API server words it.
///
/// `message` is the text the API server puts in its Status; `code` is the HTTP status it
/// answers with: 400 for a patch it cannot read, 422 for a patch that does not apply to
/// the object (JSON patch operations on missing paths, failed tests).
public struct PatchError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Code: Int, Sendable {
        case badRequest = 400
        case unprocessable = 422
        /// What the API server answers for a strategic merge patch error it has no code for
        /// (a missing merge key, an unknown `$patch`): it passes the library's error on.
        case internalError = 500
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    static func badRequest(_ message: String) -> PatchError { PatchError(.badRequest, message) }
    static func unprocessable(_ message: String) -> PatchError { PatchError(.unprocessable, message) }
    static func internalError(_ message: String) -> PatchError { PatchError(.internalError, message) }
}
