/// Finds the chart a command line names: a built-in chart name, or a chart directory.
///
/// A bare built-in name (`insightedge-pu`) is the chart of kubegrid's typed model; anything
/// else is the path of a directory holding `Chart.yaml`, read as Helm reads it.
public struct ChartLocator {
    public var files: any FileSource

    public init(files: any FileSource = LocalFiles()) {
        self.files = files
    }

    public func chart(named argument: String) throws(ChartError) -> HelmChart {
        if let builtIn = BuiltInChart(rawValue: argument) { return builtIn.helmChart }
        return try ChartDirectory(files: files).load(argument)
    }
}

extension BuiltInChart {
    /// The chart as the values engine sees it: its defaults and, for the umbrella, the
    /// subcharts under the aliases its `Chart.yaml` gives them.
    public var helmChart: HelmChart {
        let dependencies: [HelmChart] = self == .umbrella
            ? [
                HelmChart(name: "manager", version: ManagerChart.metadata.version, values: BuiltInChart.manager.defaults),
                HelmChart(name: "pu", version: ProcessingUnitChart.metadata.version, values: BuiltInChart.processingUnit.defaults),
                HelmChart(name: "zeppelin", version: ZeppelinChart.metadata.version, values: BuiltInChart.zeppelin.defaults),
            ]
            : []
        return HelmChart(name: metadata.name, version: metadata.version, values: defaults, dependencies: dependencies)
    }
}
