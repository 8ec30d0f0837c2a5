@testable import KubeGridCore

extension Values {
    /// A copy with the value at a dotted path replaced (maps created on the way).
    func setting(_ dotted: String, _ value: Values) -> Values {
        setting(ArraySlice(dotted.split(separator: ".").map(String.init)), value)
    }

    private func setting(_ keys: ArraySlice<String>, _ value: Values) -> Values {
        guard let key = keys.first else { return value }
        var map = mapValue ?? [:]
        map[key] = (map[key] ?? .emptyMap).setting(keys.dropFirst(), value)
        return .map(map)
    }
}

extension BuiltInChart {
    /// The plan for the chart's defaults with some keys set, as `--set` would.
    func plan(_ settings: [(String, Values)] = [], release: String = "testspace", namespace: String = "default") -> RenderPlan {
        let values = settings.reduce(defaults) { $0.setting($1.0, $1.1) }
        return plan(values: values, release: ReleaseOptions(name: release, namespace: namespace))
    }
}

extension RenderPlan {
    var errorMessages: [String] { diagnostics.errors.map(\.description) }

    func objects(ofKind kind: String) -> [KubernetesObject] {
        objects.filter { $0.kind == kind }
    }
}
