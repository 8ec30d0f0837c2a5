/// Where a field sits inside a manifest, written the way `kubectl explain` spells it.
///
/// `spec.template.spec.containers[0].ports[1].containerPort`; a key that is not a plain
/// word (a label key such as `app.kubernetes.io/name`) is written in brackets and quotes,
/// `metadata.labels["app.kubernetes.io/name"]`, so the path stays unambiguous.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// One step down the tree.
    public enum Component: Sendable, Hashable {
        /// A key of a map.
        case key(String)
        /// A position in a list, from 0.
        case index(Int)
    }

    /// The steps from the root of the manifest.
    public var components: [Component]

    /// A path of the given steps; the empty path is the manifest itself.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// This path one key further down.
    public func appending(_ key: String) -> FieldPath {
        FieldPath(components + [.key(key)])
    }

    /// This path one list position further down.
    public func appending(index: Int) -> FieldPath {
        FieldPath(components + [.index(index)])
    }

    public var description: String {
        guard !components.isEmpty else { return "the manifest" }
        var text = ""
        for component in components {
            switch component {
            case .key(let key) where Self.isPlainWord(key):
                text += text.isEmpty ? key : ".\(key)"
            case .key(let key):
                text += "[\"\(key)\"]"
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    private static func isPlainWord(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
        }
    }
}
