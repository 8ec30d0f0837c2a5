/// Says which flag or file gave a value, so an error can point there.
///
/// The sources are looked at in reverse order of precedence (the last `--set-literal`
/// first, the first `-f` file last): the first that sets the key, or a map or list on
/// the way to it, is where the user wrote it.
public struct ValueOrigins {
    /// Where a value was written.
    public enum Origin: Sendable, Hashable, CustomStringConvertible {
        /// In a values file, at a line and column.
        case file(SourcePosition)
        /// In a `--set`-family flag.
        case flag(ValuesFlagKind, expression: String)

        /// `values.yaml:12:3` or `--set 'partitions=two'`.
        public var description: String {
            switch self {
            case .file(let position): return position.description
            case .flag(let flag, let expression): return "\(flag.flagName) '\(expression)'"
            }
        }
    }

    private var sources: [(origin: (ValuePath) -> Origin, values: Values)] = []

    /// Reads every source of `options` again, alone (files through `files`, which should
    /// be the cache the merge read them through).
    public init(options: ValuesOptions, files: some FileSource) {
        for path in options.valueFiles {
            guard let bytes = try? files.contents(of: path) else { continue }
            let source = StandardInput.displayName(of: path)
            let reader = YAMLReader(source: source, recordsPositions: true)
            for document in (try? reader.documents(from: bytes)) ?? [] {
                sources.append(({ .file(document.position(of: $0)) }, document.root))
            }
        }
        let flags: [(ValuesFlagKind, [String], StrvalsParser.Mode)] = [
            (.setJSON, options.setJSON, .json), (.set, options.set, .typed), (.setString, options.setString, .string),
            (.setFile, options.setFile, .file), (.setLiteral, options.setLiteral, .literal),
        ]
        for (flag, expressions, mode) in flags {
            for expression in expressions {
                let map = GoMap()
                var parser = StrvalsParser(expression, mode: mode) { _ throws(SetExpressionProblem) in "" }
                if mode == .json && expression.trimmingWhiteSpace().hasPrefix("{") {
                    let value = (try? JSONReader.parse(expression)) ?? .emptyMap
                    sources.append(({ _ in .flag(flag, expression: expression) }, value))
                    continue
                }
                try? parser.parse(into: map)
                sources.append(({ _ in .flag(flag, expression: expression) }, .map(map.frozen)))
            }
        }
    }

    /// Where the value at `path` came from, or nil when it is a chart default.
    ///
    /// A source that sets the key itself counts, and so does one that put something other
    /// than a map on the way to it (`image=null` is where `image.repository` went).
    public func origin(of path: ValuePath) -> Origin? {
        for source in sources.reversed() {
            if source.values.value(at: path) != nil { return source.origin(path) }
            var probe = path
            while !probe.isRoot {
                probe.components.removeLast()
                if let value = source.values.value(at: probe), value.mapValue == nil, !probe.isRoot {
                    return source.origin(probe)
                }
            }
        }
        return nil
    }
}
