/// A document, or an item of a `kind: List`, that is not a Kubernetes object kubegrid can read.
public struct ManifestProblem: Sendable, Error {
    /// Why it cannot be read.
    public enum Reason: Sendable {
        /// A scalar, list or null where an object (a map) was expected; `found` describes it.
        case notAnObject(found: String)
        /// An object the API server would reject: a field of the wrong type, a missing field.
        case invalidObject(ManifestDecodingError)
        /// Decoding failed some other way; the error's description.
        case undecodable(String)
    }

    public var reason: Reason
    /// The document it was found in.
    public var document: YAMLDocument
    /// Its path inside the document: the root, or `items[n]` of a `kind: List`.
    public var prefix: ValuePath
    /// The input's name, as given to the reader.
    public var source: String
    /// `StatefulSet web`, as far as the object names its kind and name; nil when it names neither.
    public var title: String?

    /// The field the problem is about, from the object's root (the root when the error names none).
    public var field: ValuePath {
        guard case .invalidObject(let error) = reason else { return .root }
        return error.valuePath ?? .root
    }

    /// Where the offending field was written, or the closest enclosing value with a position.
    public var position: SourcePosition {
        document.position(of: prefix.appending(field))
    }
}

extension ManifestDecodingError {
    /// The field the error is about, as a values path for positions; nil when it names none.
    public var valuePath: ValuePath? {
        switch self {
        case .typeMismatch(let path, _, _), .missingField(let path), .unknownValue(let path, _, _), .invalidQuantity(let path, _):
            return path
        case .wrongKind:
            return nil
        }
    }
}
