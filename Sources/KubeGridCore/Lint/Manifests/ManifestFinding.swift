/// What a manifest rule found about one object, before it is placed in a file or a chart.
struct ManifestFinding: Sendable {
    var rule: String
    /// The index of the object in the `ManifestSet`.
    var entry: Int
    /// The field the finding points at, from the object's root.
    var path: ValuePath
    /// What is wrong, naming the object.
    var problem: String
    /// What to do in the manifest.
    var fix: String
    /// The chart values that produce the field, most specific first, when a chart rendered it
    /// (relative to the subchart: `readinessProbe.enabled`).
    var valuesKeys: [String] = []
    /// What to do in the values instead of `fix`.
    var valuesFix: String?

    /// The message for a finding in a manifest file.
    var message: String { "\(problem); \(fix)" }
}
