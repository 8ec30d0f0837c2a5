extension ValuePath {
    /// The path written the way `kubectl explain` spells a field, for manifest errors.
    ///
    /// `spec.template.spec.containers[0].ports[1].containerPort`; a key that is not a plain
    /// word (a label key such as `app.kubernetes.io/name`) is written in brackets and quotes,
    /// `metadata.labels["app.kubernetes.io/name"]`, so the path stays unambiguous. The root
    /// is "the manifest".
    public var fieldSpelling: String {
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
