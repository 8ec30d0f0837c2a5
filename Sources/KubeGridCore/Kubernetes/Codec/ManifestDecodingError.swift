/// Why a manifest could not be read into kubegrid's Kubernetes types.
///
/// Every case names the field by its path, so the message points at the line to fix.
/// Fields kubegrid does not model are never an error; a modelled field of the wrong
/// type always is, as it would be for the Kubernetes API server.
public enum ManifestDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A field holds a value of another type than Kubernetes accepts there.
    case typeMismatch(path: ValuePath, expected: String, found: String)
    /// A field that Kubernetes requires is absent or null.
    case missingField(path: ValuePath)
    /// A field holds a word outside the fixed set Kubernetes accepts there.
    case unknownValue(path: ValuePath, value: String, allowed: [String])
    /// A field holds text that is not a Kubernetes quantity.
    case invalidQuantity(path: ValuePath, reason: QuantityError)
    /// The object is of another kind than the type being decoded.
    case wrongKind(expected: String, found: String)

    public var description: String {
        switch self {
        case .typeMismatch(let path, let expected, let found):
            return "\(path.fieldSpelling): expected \(expected), got \(found)"
        case .missingField(let path):
            return "\(path.fieldSpelling): is required but missing; add it"
        case .unknownValue(let path, let value, let allowed):
            var message = "\(path.fieldSpelling): \"\(value)\" is not one of \(allowed.joined(separator: ", "))"
            if let match = allowed.first(where: { $0.lowercased() == value.lowercased() }) {
                message += " (did you mean \(match)?)"
            }
            return message
        case .invalidQuantity(let path, let reason):
            return "\(path.fieldSpelling): \(reason)"
        case .wrongKind(let expected, let found):
            return "kind: expected \(expected), got \(found); decode it as a KubernetesObject instead"
        }
    }
}

extension ManifestDecodingError {
    /// The error of a value found at `prefix`: its path with `prefix` in front.
    func under(_ prefix: ValuePath) -> ManifestDecodingError {
        guard !prefix.isRoot else { return self }
        func joined(_ path: ValuePath) -> ValuePath { ValuePath(prefix.components + path.components) }
        switch self {
        case .typeMismatch(let path, let expected, let found):
            return .typeMismatch(path: joined(path), expected: expected, found: found)
        case .missingField(let path):
            return .missingField(path: joined(path))
        case .unknownValue(let path, let value, let allowed):
            return .unknownValue(path: joined(path), value: value, allowed: allowed)
        case .invalidQuantity(let path, let reason):
            return .invalidQuantity(path: joined(path), reason: reason)
        case .wrongKind:
            return self
        }
    }
}
