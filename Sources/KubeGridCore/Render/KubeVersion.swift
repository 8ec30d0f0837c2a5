/// The Kubernetes version a render targets (`--kube-version`), as Helm reads it.
///
/// Helm v4 parses the flag with Kubernetes' generic version parser: an optional `v`, at
/// least a major and a minor number, anything after them (`-gke.1`, `+build`) kept in the
/// text but ignored. Charts see it as `.Capabilities.KubeVersion`.
public struct KubeVersion: Sendable, Hashable, CustomStringConvertible {
    public let major: Int
    public let minor: Int
    /// `.Capabilities.KubeVersion.Version`: the text as given, with a `v` in front.
    public let text: String

    /// What the flag defaults to: the kubectl of the machine kubegrid is built on.
    public static let current = KubeVersion(major: 1, minor: 32)

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
        self.text = "v\(major).\(minor).0"
    }

    /// Reads `1.20`, `v1.20.0`, `1.20.3-gke.1`; the errors are Helm's (Kubernetes') words.
    public init(parsing input: String) throws(ParseError) {
        var rest = Substring(input)
        if rest.first == "v" { rest = rest.dropFirst() }
        let numbers = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard let first = numbers.first, first.isNumber else { throw ParseError("could not parse \"\(input)\" as version") }
        // The numeric part ends at its last digit: `1.x` is the number 1 followed by `.x`.
        let trimmed = numbers.hasSuffix(".") ? numbers.dropLast() : numbers
        let components = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard components.count >= 2, !components.contains(where: \.isEmpty) else {
            throw ParseError("illegal version string \"\(input)\"")
        }
        if components[0].hasPrefix("0") && components[0] != "0" {
            throw ParseError("illegal zero-prefixed version component \"\(components[0])\" in \"\(input)\"")
        }
        guard let major = Int(components[0]), let minor = Int(components[1]) else {
            throw ParseError("illegal version string \"\(input)\"")
        }
        self.major = major
        self.minor = minor
        self.text = input.hasPrefix("v") ? input : "v" + input
    }

    /// `1.21`: how messages name a version.
    public var description: String { "\(major).\(minor)" }

    /// Whether this version is `other` or later (by major and minor; patch levels and
    /// vendor suffixes do not change which APIs a cluster serves).
    public func isAtLeast(_ other: KubeVersion) -> Bool {
        (major, minor) >= (other.major, other.minor)
    }

    /// Why a `--kube-version` cannot be read.
    public struct ParseError: Error, CustomStringConvertible {
        public let description: String

        init(_ description: String) {
            self.description = description
        }
    }
}
