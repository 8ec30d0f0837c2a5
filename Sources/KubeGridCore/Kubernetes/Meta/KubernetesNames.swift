/// Kubernetes' syntax for names and labels (apimachinery's validation): the predicates,
/// which lint and the simulated API server share, and lint's checks returning what is
/// wrong, or nil (the API server words its own refusals).
public enum KubernetesNames {
    static let labelLimit = 63
    static let subdomainLimit = 253

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// Whether `bytes` has a DNS label's syntax, its length aside: `a-z0-9-`, ending
    /// alphanumeric and starting alphanumeric (DNS-1123) or, with `startingWithLetter`, with a
    /// letter (DNS-1035).
    public static func hasLabelSyntax(_ bytes: some BidirectionalCollection<UInt8>, startingWithLetter: Bool = false) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        let firstAllowed = startingWithLetter ? (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) : isLowerAlphanumeric(first)
        return firstAllowed && isLowerAlphanumeric(last)
            && bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// Whether `text` has a DNS-1123 subdomain's syntax, its length aside: dot-separated
    /// DNS-1123 labels.
    /// One pass over the bytes, splitting nothing: the API server checks every created
    /// object's name, and most are the controllers' Events.
    public static func hasSubdomainSyntax(_ text: String) -> Bool {
        // A label starts after a dot (or at the start): there neither `-` nor `.` may come.
        var previous = UInt8(ascii: ".")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "."): guard isLowerAlphanumeric(previous) else { return false }
            case UInt8(ascii: "-"): guard previous != UInt8(ascii: ".") else { return false }
            default: guard isLowerAlphanumeric(byte) else { return false }
            }
            previous = byte
        }
        return isLowerAlphanumeric(previous)
    }

    /// A DNS-1123 label: at most 63 of `a-z0-9-`, starting and ending alphanumeric.
    static func dnsLabelProblem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { return "is empty" }
        if bytes.count > labelLimit { return "is \(bytes.count) characters, more than \(labelLimit)" }
        guard hasLabelSyntax(bytes) else { return "is not a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit)" }
        return nil
    }

    /// A DNS-1035 label (Service names): a DNS-1123 label that starts with a letter.
    static func serviceNameProblem(_ text: String) -> String? {
        if let problem = dnsLabelProblem(text) { return problem }
        guard let first = text.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
            return "must start with a lowercase letter (a DNS-1035 label)"
        }
        return nil
    }

    /// A DNS-1123 subdomain: dot-separated DNS-1123 labels, at most 253 characters.
    static func subdomainProblem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { return "is empty" }
        if bytes.count > subdomainLimit { return "is \(bytes.count) characters, more than \(subdomainLimit)" }
        return hasSubdomainSyntax(text) ? nil : "is not a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', each part starting and ending with a letter or digit)"
    }

    /// A label key: an optional DNS-subdomain prefix and `/`, then a name of at most 63
    /// letters, digits, `-`, `_` and `.`, starting and ending alphanumeric.
    static func labelKeyProblem(_ key: String) -> String? {
        var name = Substring(key)
        if let slash = key.firstIndex(of: "/") {
            let prefix = String(key[..<slash])
            if let problem = subdomainProblem(prefix) { return "has a prefix \"\(prefix)\" that \(problem)" }
            name = key[key.index(after: slash)...]
        }
        if name.isEmpty { return "has an empty name" }
        return nameProblem(name).map { "has a name that \($0)" }
    }

    /// A label value: empty, or at most 63 letters, digits, `-`, `_` and `.`, starting and
    /// ending alphanumeric.
    static func labelValueProblem(_ value: String) -> String? {
        value.isEmpty ? nil : nameProblem(Substring(value))
    }

    private static func nameProblem(_ text: Substring) -> String? {
        let bytes = Array(text.utf8)
        if bytes.count > labelLimit { return "is \(bytes.count) characters, more than \(labelLimit)" }
        let allowed = { (byte: UInt8) in
            isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
        guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last),
            bytes.allSatisfy(allowed)
        else { return "must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit" }
        return nil
    }
}
