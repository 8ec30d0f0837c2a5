/// The values a chart's templates see, built the way `helm template` builds them.
public enum EffectiveValues {
    /// The user's values from `options` (files, then the `--set` family), coalesced with
    /// the chart's defaults and its subcharts'.
    public static func compute(
        chart: HelmChart, options: ValuesOptions, files: some FileSource
    ) throws(ValuesError) -> Values {
        let user = try options.merge(files: files)
        return try HelmCoalescing.coalesce(user, with: chart)
    }
}
