import ArgumentParser
import KubeGridCore

/// The values flags shared by `values`, `render` and `lint`, with Helm v4's syntax.
///
/// Each flag takes the next argument whatever it starts with, as Helm's flag parser
/// does, so `--set -x=1` and `-f -` mean what they mean to Helm.
struct ValuesFlags: ParsableArguments {
    @Option(
        name: [.customShort("f"), .customLong("values")], parsing: .unconditionalSingleValue,
        help: ArgumentHelp("A YAML values file; - reads standard input (repeatable).", valueName: "FILE"))
    var valueFiles: [String] = []

    @Option(
        name: .customLong("set"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Set values: a.b=1,c[0]=x,d={e,f} (repeatable).", valueName: "KEY=VALUE"))
    var set: [String] = []

    @Option(
        name: .customLong("set-string"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Set values, every one a string (repeatable).", valueName: "KEY=VALUE"))
    var setString: [String] = []

    @Option(
        name: .customLong("set-json"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp(
            "Set values given as JSON: a={\"b\":1}, or one whole JSON object (repeatable).", valueName: "KEY=JSON"))
    var setJSON: [String] = []

    @Option(
        name: .customLong("set-file"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Set a value to the text of a file (repeatable).", valueName: "KEY=PATH"))
    var setFile: [String] = []

    @Option(
        name: .customLong("set-literal"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Set one value to the rest of the argument, verbatim (repeatable).", valueName: "KEY=TEXT"))
    var setLiteral: [String] = []

    /// The flags as the library takes them.
    var options: ValuesOptions {
        ValuesOptions(
            valueFiles: valueFiles, set: set, setString: setString, setJSON: setJSON, setFile: setFile,
            setLiteral: setLiteral)
    }
}
