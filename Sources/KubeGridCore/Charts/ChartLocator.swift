/// Finds the chart a command line names.
///
/// Today `CHART` is the path of a chart directory. The built-in chart names
/// (`insightedge-manager`, `insightedge-pu`, `insightedge`) will resolve here to the charts
/// the typed models generate, before the directory lookup.
public struct ChartLocator {
    public var files: any FileSource

    public init(files: any FileSource = LocalFiles()) {
        self.files = files
    }

    public func chart(named argument: String) throws(ChartError) -> HelmChart {
        try ChartDirectory(files: files).load(argument)
    }
}
