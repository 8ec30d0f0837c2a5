/// What a chart's `Chart.yaml` says about it.
public struct ChartMetadata: Sendable, Hashable {
    public var name: String
    public var version: String
    public var appVersion: String
    public var description: String

    /// The `Chart.yaml` document.
    public var chartFile: Values {
        [
            "apiVersion": "v2",
            "name": .string(name),
            "description": .string(description),
            "type": "application",
            "version": .string(version),
            "appVersion": .string(appVersion),
        ]
    }
}
