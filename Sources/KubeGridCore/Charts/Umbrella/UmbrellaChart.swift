/// The `insightedge` umbrella chart: a manager and a Space in one release.
///
/// Keys live under `manager.*`, `pu.*` and `zeppelin.*`. The Space's `manager.name` defaults
/// to the release, which names the release's own manager, so the two are wired together; the
/// notebook (`zeppelin.enabled`) reads the release's Space through the same manager.
public enum UmbrellaChart {
    public static let name = "insightedge"

    public static let metadata = ChartMetadata(
        name: name, version: "15.5.0", appVersion: "15.5",
        description: "GigaSpaces InsightEdge: the Management Pods and a Space in one release.")

    public static var schema: ValuesSchema {
        ValuesSchema([
            ValueField("manager", .object(ManagerSchema.schema.fields), "Values of the insightedge-manager chart."),
            ValueField("pu", .object(ProcessingUnitSchema.schema.fields), "Values of the insightedge-pu chart."),
            ValueField("zeppelin", .object(
                [ValueField("enabled", .boolean, default: false,
                            "Deploy the Zeppelin web notebook, its interpreter pointed at this release's Space.")]
                    + ZeppelinSchema.schema.fields),
                "Values of the insightedge-zeppelin chart (GigaSpaces 14.x/15.0 carried it in the umbrella)."),
        ])
    }
}
