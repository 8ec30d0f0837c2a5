/// A chart as the values engine needs it: its name, its default values and its subcharts.
public struct HelmChart: Sendable, Hashable {
    /// `name` from `Chart.yaml`; also the key under which a parent passes it values.
    public var name: String
    /// `version` from `Chart.yaml`.
    public var version: String
    /// The defaults from `values.yaml`; an empty map when there is none.
    public var values: Values
    /// The charts under `charts/`, in the order of their folder names.
    public var dependencies: [HelmChart]

    public init(name: String, version: String = "0.0.0", values: Values = .emptyMap, dependencies: [HelmChart] = []) {
        self.name = name
        self.version = version
        self.values = values
        self.dependencies = dependencies
    }
}
