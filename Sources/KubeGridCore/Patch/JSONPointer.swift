/// A JSON pointer (RFC 6901) as evanphx/json-patch, the API server's library, reads one:
/// split at "/", the first piece dropped, `~1` read as "/" and `~0` as "~".
struct JSONPointer {
    /// The keys from the root to the parent of the target, then the target's own key.
    let parents: [String]
    let key: String

    /// Nil for a pointer with no "/" at all (the whole document), which the library
    /// cannot address.
    init?(_ text: String) {
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false).map { Self.unescape(String($0)) }
        guard pieces.count >= 2 else { return nil }
        parents = Array(pieces[1..<(pieces.count - 1)])
        key = pieces[pieces.count - 1]
    }

    static func unescape(_ piece: String) -> String {
        piece.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
}

/// A list index as Go's `strconv.Atoi` reads it, negatives counting from the end.
enum ListIndex {
    enum Problem: WordedProblem {
        case notANumber(String)
        case outOfRange(Int)

        var message: String {
            switch self {
            case .notANumber(let key): return "strconv.Atoi: parsing \(goQuoted(key)): invalid syntax"
            case .outOfRange(let index): return "Unable to access invalid index: \(index): invalid index referenced"
            }
        }
    }

    /// The position `key` names in a list of `count` items (`count` + 1 slots when adding).
    static func resolve(_ key: String, count: Int) throws(Problem) -> Int {
        guard let index = Int(key) else { throw .notANumber(key) }
        if index >= count || index < -count { throw .outOfRange(index) }
        return index < 0 ? index + count : index
    }
}

/// A string in double quotes with Go's `%q` escapes for the characters that need them.
func goQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

/// A problem whose text the patch library wraps into its operation's error.
protocol WordedProblem: Error {
    var message: String { get }
}
