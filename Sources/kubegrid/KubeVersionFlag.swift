import ArgumentParser
import KubeGridCore

/// `--kube-version`, as `helm template` spells and parses it, shared by `render` and `lint`.
struct KubeVersionFlag: ParsableArguments {
    @Option(
        name: .customLong("kube-version"),
        help: ArgumentHelp(
            "The Kubernetes version to render for, e.g. 1.20 or v1.20.0; it picks apiVersions (default: \(KubeVersion.current)).",
            valueName: "VERSION"))
    var text: String?

    func validate() throws {
        _ = try version
    }

    /// The parsed version, or the default; a bad value is a command-line error in Helm's words.
    var version: KubeVersion {
        get throws {
            guard let text else { return .current }
            do {
                return try KubeVersion(parsing: text)
            } catch {
                throw ValidationError("invalid kube version '\(text)': \(error)")
            }
        }
    }
}
