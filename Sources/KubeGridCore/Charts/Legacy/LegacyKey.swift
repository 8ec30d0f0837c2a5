/// A key GigaSpaces' own charts (14.5 to 16.x) documented that kubegrid's charts spell
/// differently or no longer read, and what becomes of it.
///
/// One table (`LegacyKeys`) lists them; render and lint warn with it (KG003), the values
/// are translated with it before they meet the chart's defaults, the Helm templates
/// mirror it (`<chart>.applyLegacyKeys`), and `kubegrid values --migrate` rewrites files
/// with it.
public struct LegacyKey: Sendable {
    /// What the old key turns into.
    public enum Change: Sendable {
        /// The value moves unchanged to a current key (a path from the chart's root).
        case movedTo(String)
        /// The value decides current keys: `writes(value, userValues, chart defaults)`
        /// returns them, a path from the chart's root each. `meaning` says in words what
        /// the old key did, for the warning.
        case translated(meaning: String, writes: @Sendable (Values, Values, Values) -> [(path: String, value: Values)])
        /// Nothing in kubegrid reads it; `advice` says why, and what to do instead.
        case dropped(advice: String)
    }

    /// The old key, dotted, from the chart's root (`service.ports.api.port`).
    public let path: String
    /// The GigaSpaces chart versions that documented it, for the warning.
    public let documented: String
    public let change: Change
    /// Whether a value at `path` is the old key at all (15.2's `nodeSelector.enabled` is
    /// a boolean; a string there is a node label of that name).
    public let applies: @Sendable (Values) -> Bool

    public init(_ path: String, documented: String, _ change: Change, applies: @escaping @Sendable (Values) -> Bool = { _ in true }) {
        self.path = path
        self.documented = documented
        self.change = change
        self.applies = applies
    }

    var keys: [String] { path.split(separator: ".").map(String.init) }
}
