import ArgumentParser
import KubeGridCore

/// The values flags shared by `values`, `render` and `lint`, with Helm v4's syntax.
struct ValuesFlags: ParsableArguments {
    @Option(
        name: [.customShort("f"), .customLong("values")],
        help: ArgumentHelp("A YAML values file; - reads standard input (repeatable).", valueName: "FILE"))
    var valueFiles: [String] = []

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Set values: a.b=1,c[0]=x,d={e,f} (repeatable).", valueName: "KEY=VALUE"))
    var set: [String] = []

    @Option(
        name: .customLong("set-string"),
        help: ArgumentHelp("Set values, every one a string (repeatable).", valueName: "KEY=VALUE"))
    var setString: [String] = []

    @Option(
        name: .customLong("set-json"),
        help: ArgumentHelp(
            "Set values given as JSON: a={\"b\":1}, or one whole JSON object (repeatable).", valueName: "KEY=JSON"))
    var setJSON: [String] = []

    @Option(
        name: .customLong("set-file"),
        help: ArgumentHelp("Set a value to the text of a file (repeatable).", valueName: "KEY=PATH"))
    var setFile: [String] = []

    @Option(
        name: .customLong("set-literal"),
        help: ArgumentHelp("Set one value to the rest of the argument, verbatim (repeatable).", valueName: "KEY=TEXT"))
    var setLiteral: [String] = []

    /// The flags as the library takes them.
    var options: ValuesOptions {
        ValuesOptions(
            valueFiles: valueFiles, set: set, setString: setString, setJSON: setJSON, setFile: setFile,
            setLiteral: setLiteral)
    }
}
