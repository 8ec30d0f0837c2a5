extension RuleCatalogue {
    /// Rules over a chart directory, after Helm's `helm lint`.
    static let chartDirectoryRules: [LintRule] = [
        LintRule(
            "KG301", "chart-file", .error, .chartDirectory,
            title: "Chart.yaml is missing or not a YAML map",
            help: "Add a Chart.yaml with apiVersion: v2, name and version.",
            documentation: "Helm reads a chart's metadata from Chart.yaml; without it the directory is not a chart."),
        LintRule(
            "KG302", "chart-api-version", .error, .chartDirectory,
            title: "Chart.yaml's apiVersion is missing or unknown",
            help: "Write apiVersion: v2.",
            documentation: "Helm 3 and 4 read apiVersion v2 charts (and v1 for Helm 2's); any other value, or none, fails `helm lint`."),
        LintRule(
            "KG303", "chart-api-version-v1", .warning, .chartDirectory,
            title: "Chart.yaml uses Helm 2's apiVersion v1",
            help: "Write apiVersion: v2 and move requirements.yaml into Chart.yaml's dependencies.",
            documentation: "apiVersion v1 charts keep dependencies in requirements.yaml and have no type field; kubegrid's charts are v2."),
        LintRule(
            "KG304", "chart-name", .error, .chartDirectory,
            title: "Chart.yaml's name is missing or invalid",
            help: "Set name to the chart's name, without slashes.",
            documentation: "Helm requires a name, and rejects one that is a path."),
        LintRule(
            "KG305", "chart-version", .error, .chartDirectory,
            title: "Chart.yaml's version is missing, not a string or not SemVer",
            help: "Write the version as a quoted MAJOR.MINOR.PATCH, e.g. \"15.5.0\".",
            documentation: "Helm requires a semantic version to package, depend on and upgrade charts, written as a string (YAML reads `version: 1.2` as a number)."),
        LintRule(
            "KG306", "chart-version-strict", .warning, .chartDirectory,
            title: "Chart.yaml's version is not strict SemVer 2",
            help: "Write all three numbers, without a leading v: 1.2.0.",
            documentation: "Helm accepts `1.2` or `v1.2.3` but warns; chart repositories and OCI registries expect strict SemVer 2."),
        LintRule(
            "KG307", "values-file", .error, .chartDirectory,
            title: "values.yaml is not valid YAML or not a map",
            help: "Fix the syntax, and make the top level a map of keys.",
            documentation: "Helm cannot load a chart whose values.yaml does not parse as a map."),
        LintRule(
            "KG308", "values-schema-file", .error, .chartDirectory,
            title: "values.schema.json is not a JSON Schema object",
            help: "Fix the JSON syntax; the top level must be an object.",
            documentation: "Helm validates values against values.schema.json on every install; a broken schema fails every one."),
        LintRule(
            "KG309", "values-schema-mismatch", .error, .chartDirectory,
            title: "values.yaml breaks values.schema.json",
            help: "Change the default in values.yaml to the type the schema gives, or fix the schema.",
            documentation: "The chart's own defaults must pass its schema, or `helm install` fails without any user values. kubegrid checks type, enum, const, required, properties, additionalProperties, items, minimum, maximum, minLength and maxLength."),
        LintRule(
            "KG310", "generated-files-drift", .error, .chartDirectory,
            title: "A generated chart file differs from kubegrid's models",
            help: "Run `kubegrid chart generate` and commit the result.",
            documentation: "kubegrid's charts carry Chart.yaml, values.yaml, values.schema.json and README.md generated from the typed models; edits by hand drift from what kubegrid renders."),
        LintRule(
            "KG311", "templates-missing", .warning, .chartDirectory,
            title: "The chart has no templates",
            help: "Add a templates/ directory with the chart's manifests.",
            documentation: "A chart without templates installs nothing (`helm lint` warns the same)."),
        LintRule(
            "KG312", "chart-templates-incomplete", .error, .chartDirectory,
            title: "A kubegrid chart lacks a template for objects it renders",
            help: "Add the template file the message names, so `helm install` renders what `kubegrid render` does.",
            documentation: "kubegrid's charts are real Helm charts: each template file kubegrid renders into (service.yaml, statefulset.yaml, poddisruptionbudget.yaml) must exist for Helm users."),
        LintRule(
            "KG313", "dependencies-missing", .warning, .chartDirectory,
            title: "A dependency in Chart.yaml is not in charts/",
            help: "Run `helm dependency build`, or add the subchart's folder under charts/.",
            documentation: "Helm cannot install an umbrella chart whose dependencies are not present under charts/ (`helm lint` warns; `helm install` fails)."),
    ]
}
