import CYAML

/// One field of a generated Kubernetes type: its key and how to write its value.
///
/// The generator lists a type's fields in kubegrid's key order; ``ManifestFieldTable`` walks
/// the list to write the type, as a `Values` tree or as YAML events. Writing follows
/// Kubernetes' `omitempty`: an unset optional is left out, and so is an empty non-optional
/// value (string, list, map, or an object with nothing set) unless the field is required
/// or always written (a Service's `spec: {}`); an optional that is set is written even when
/// empty (`emptyDir: {}`). The decision is made once, here, for both ways of writing.
public struct ManifestField<Root>: Sendable {
    /// The key in the manifest.
    public let key: String
    /// How the key is quoted, decided once rather than per object written.
    private let keyStyle: yaml_scalar_style_t
    private let isWritten: @Sendable (Root) -> Bool
    private let write: @Sendable (Root) -> Values?
    private let emit: @Sendable (Root, YAMLEventEmitter) -> Void

    /// A non-optional field, `{ $0.name }`; `keptWhenEmpty` writes it even when empty.
    public init<Value: ManifestWritable & Sendable>(
        _ key: String, keptWhenEmpty: Bool = false, _ read: @escaping @Sendable (Root) -> Value
    ) {
        self.key = key
        keyStyle = YAMLEventEmitter.style(of: key)
        let style = keyStyle
        isWritten = { root in keptWhenEmpty || !read(root).isEmptyManifestValue }
        write = { root -> Values? in
            let value = read(root)
            // Optional.none, not `nil`: Values is ExpressibleByNilLiteral, and nil would be `.null`.
            return keptWhenEmpty || !value.isEmptyManifestValue ? value.manifestValue : .none
        }
        emit = { root, emitter in
            let value = read(root)
            guard keptWhenEmpty || !value.isEmptyManifestValue else { return }
            emitter.string(key, style: style)
            value.emitManifest(to: emitter)
        }
    }

    /// An optional field, `{ $0.image }`, written whenever it is set.
    public init<Value: ManifestWritable & Sendable>(optional key: String, _ read: @escaping @Sendable (Root) -> Value?) {
        self.key = key
        keyStyle = YAMLEventEmitter.style(of: key)
        let style = keyStyle
        isWritten = { root in read(root) != nil }
        write = { root in read(root)?.manifestValue }
        emit = { root, emitter in
            guard let value = read(root) else { return }
            emitter.string(key, style: style)
            value.emitManifest(to: emitter)
        }
    }

    /// The field's value in `root`, or nil when it is left out.
    func value(in root: Root) -> Values? {
        write(root)
    }

    /// Whether the field is written for `root`.
    func isWritten(in root: Root) -> Bool {
        isWritten(root)
    }

    /// Writes the key and the value, or nothing when the field is left out.
    func emit(_ root: Root, to emitter: YAMLEventEmitter) {
        emit(root, emitter)
    }
}

/// A generated Kubernetes type: its fields in order, written by one walk.
public protocol ManifestFieldTable: ManifestCodable {
    /// The fields in the order kubegrid writes them.
    static var manifestFields: [ManifestField<Self>] { get }
}

extension ManifestFieldTable {
    public var manifestValue: Values {
        .map(fieldMap())
    }

    public func emitManifest(to emitter: YAMLEventEmitter) {
        emitter.beginMap()
        emitFields(to: emitter)
        emitter.endMap()
    }

    /// An object is empty when every field is left out.
    public var isEmptyManifestValue: Bool {
        !Self.manifestFields.contains { $0.isWritten(in: self) }
    }

    /// The fields that are written, after `leading` (a top-level object's apiVersion and kind).
    func fieldMap(leading: Values.Map = [:]) -> Values.Map {
        var map = leading
        map.reserveCapacity(leading.count + 8)
        for field in Self.manifestFields {
            if let value = field.value(in: self) { map[field.key] = value }
        }
        return map
    }

    /// The fields that are written, as key and value events of the open map.
    func emitFields(to emitter: YAMLEventEmitter) {
        for field in Self.manifestFields {
            field.emit(self, to: emitter)
        }
    }
}
