/// What is wrong with one `--set`-family expression.
///
/// `written` is the part of the assignment read so far (`a.b`), used to show the fix.
public enum SetExpressionProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// A key is not followed by `=` (`--set a.b`).
    case keyWithoutValue(key: String, written: String)
    /// A key runs into a comma before any `=` (`--set a,b=1`, or `a=1,,b=2`).
    case keyBeforeComma(key: String, written: String)
    /// A dot is followed by no key (`--set a..b=1`).
    case dotWithoutKey(path: String)
    /// The key has more dots than Helm allows.
    case tooDeep(limit: Int)
    /// The key goes through more list indexes than kubegrid reads (`a[0][0]…[0]=1`).
    case tooManyIndexes(limit: Int)
    /// The text between `[` and `]` is not an integer.
    case badIndex(text: String, path: String)
    /// The index does not fit in an integer.
    case indexOutOfRange(text: String)
    /// The index is below zero.
    case negativeIndex(Int)
    /// The index is above Helm's limit.
    case indexTooLarge(Int, limit: Int)
    /// Something other than `=`, `.` or `[` follows `]`.
    case textAfterIndex(text: String, path: String)
    /// A `{a,b}` list has no closing brace.
    case unterminatedList
    /// A key descends into a value that is not a map.
    case notAMap(path: String, found: String)
    /// An index is applied to a value that is not a list.
    case notAList(path: String, found: String)
    /// A `--set-json` value is not valid JSON.
    case badJSON(reason: String)
    /// A `--set-file` file cannot be read.
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .keyWithoutValue(let key, let written):
            return "key \"\(key)\" has no value; write \(written)=VALUE"
        case .keyBeforeComma(let key, let written):
            if key.isEmpty { return "an empty entry between commas; remove the extra comma" }
            return "key \"\(key)\" has no value before the comma; write \(written)=VALUE"
        case .dotWithoutKey(let path):
            return "the key after \"\(path).\" is empty; write \(path).KEY=VALUE"
        case .tooDeep(let limit):
            return "the key nests deeper than \(limit) levels, Helm's limit; put such values in a file and pass it with -f"
        case .tooManyIndexes(let limit):
            return "the key has more than \(limit) list indexes; put such values in a file and pass it with -f"
        case .badIndex(let text, let path):
            return "\"\(text)\" is not a list index; write a number between the brackets, as in \(path)[0]=VALUE"
        case .indexOutOfRange(let text):
            return "the list index \(text) is out of range; use an index from 0 to \(StrvalsLimits.maximumIndex)"
        case .negativeIndex(let index):
            return "the list index \(index) is negative; indexes start at 0"
        case .indexTooLarge(let index, let limit):
            return "the list index \(index) is over Helm's limit of \(limit); use a values file for long lists"
        case .textAfterIndex(let text, let path):
            return "unexpected \"\(text)\" after \(path); follow ] with =, . or ["
        case .unterminatedList:
            return "the list has no closing }; write {a,b}, escaping commas inside items as \\,"
        case .notAMap(let path, let found):
            return "\(path) already holds \(found), not a map, so no key can be set inside it; drop one of the two settings"
        case .notAList(let path, let found):
            return "\(path) already holds \(found), not a list, so no index can be set in it; drop one of the two settings"
        case .badJSON(let reason):
            return "invalid JSON: \(reason); write JSON values, with strings in double quotes"
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason); check the path"
        }
    }
}

/// Helm's limits on `--set` expressions.
public enum StrvalsLimits {
    /// The largest list index (`MaxIndex` in Helm's strvals).
    public static let maximumIndex = 65536
    /// How many dots a key may have (`MaxNestedNameLevel`).
    public static let maximumNesting = 30
    /// How many list indexes one key may go through; kubegrid's own limit, not Helm's,
    /// so that an absurd key is an error rather than a stack overflow.
    public static let maximumIndexDepth = 256
}
