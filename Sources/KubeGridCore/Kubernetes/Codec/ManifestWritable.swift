import OrderedCollections

/// A value kubegrid writes as one node of a manifest.
///
/// Writing is static dispatch all the way down: a generated type walks its field table
/// (``ManifestField``), lists and maps write their elements, scalars write themselves.
/// Render writes every object it outputs, so no dynamic casts or `Encoder` boxes here,
/// and YAML goes out as events (``emitManifest(to:)``) without a `Values` tree between.
/// Both ways give the same tree: `emitManifest` writes what `manifestValue` holds.
public protocol ManifestWritable {
    /// The value as a tree.
    var manifestValue: Values { get }
    /// Writes `manifestValue`'s tree to `emitter` without building it.
    func emitManifest(to emitter: YAMLEventEmitter)
    /// True for what `omitempty` leaves out: an empty string, list or map (an object
    /// whose fields are all left out is an empty map).
    var isEmptyManifestValue: Bool { get }
}

extension ManifestWritable {
    public func emitManifest(to emitter: YAMLEventEmitter) {
        emitter.node(manifestValue)
    }

    public var isEmptyManifestValue: Bool {
        manifestValue.isEmptyManifestValue
    }
}

extension String: ManifestWritable {
    public var manifestValue: Values { .string(self) }
    public func emitManifest(to emitter: YAMLEventEmitter) { emitter.string(self) }
    public var isEmptyManifestValue: Bool { isEmpty }
}

extension Int: ManifestWritable {
    public var manifestValue: Values { .int(self) }
    public func emitManifest(to emitter: YAMLEventEmitter) { emitter.int(self) }
    public var isEmptyManifestValue: Bool { false }
}

extension Bool: ManifestWritable {
    public var manifestValue: Values { .bool(self) }
    public func emitManifest(to emitter: YAMLEventEmitter) { emitter.bool(self) }
    public var isEmptyManifestValue: Bool { false }
}

extension Double: ManifestWritable {
    public var manifestValue: Values { .float(self) }
    public var isEmptyManifestValue: Bool { false }
}

/// Free-form fields are written as they are.
extension Values: ManifestWritable {
    public var manifestValue: Values { self }

    public func emitManifest(to emitter: YAMLEventEmitter) { emitter.node(self) }

    public var isEmptyManifestValue: Bool {
        switch self {
        case .list(let list): return list.isEmpty
        case .map(let map): return map.isEmpty
        case .string(let string): return string.isEmpty
        default: return false
        }
    }
}

extension Array: ManifestWritable where Element: ManifestWritable {
    public var manifestValue: Values { .list(map(\.manifestValue)) }

    public func emitManifest(to emitter: YAMLEventEmitter) {
        emitter.beginList()
        for element in self { element.emitManifest(to: emitter) }
        emitter.endList()
    }

    public var isEmptyManifestValue: Bool { isEmpty }
}

/// Labels, selectors and resource lists keep their order.
extension OrderedDictionary: ManifestWritable where Key == String, Value: ManifestWritable {
    public var manifestValue: KubeGridCore.Values { .map(mapValues(\.manifestValue)) }

    public func emitManifest(to emitter: YAMLEventEmitter) {
        emitter.beginMap()
        for (key, value) in self {
            emitter.string(key)
            value.emitManifest(to: emitter)
        }
        emitter.endMap()
    }

    public var isEmptyManifestValue: Bool { isEmpty }
}

extension ManifestWord {
    public var manifestValue: Values { .string(rawValue) }
    public func emitManifest(to emitter: YAMLEventEmitter) { emitter.string(rawValue) }
    public var isEmptyManifestValue: Bool { rawValue.isEmpty }
}
