/// `kubegrid chart generate`: writes the generated chart files, or checks them for drift.
public struct ChartGeneration {
    /// The outcome of a check: the diffs of every file that differs from the model.
    public struct Drift: Error, CustomStringConvertible {
        public var diffs: [String]

        public var description: String {
            "\(diffs.count) generated chart file(s) differ from kubegrid's models; run `kubegrid chart generate` and commit the result"
        }
    }

    public var outputDirectory: String
    public var templatesDirectory: String

    public init(outputDirectory: String = "charts", templatesDirectory: String = "templates") {
        self.outputDirectory = outputDirectory
        self.templatesDirectory = templatesDirectory
    }

    /// The files with their paths under `outputDirectory`.
    public func files(reading source: some FileSource) throws -> [ChartFiles.File] {
        let templatePath = joinPath(templatesDirectory, "chart-readme.md.mustache")
        let template = String(decoding: try source.contents(of: templatePath), as: UTF8.self)
        return try ChartFiles.all(readmeTemplate: template).map {
            ChartFiles.File(path: joinPath(outputDirectory, $0.path), contents: $0.contents)
        }
    }

    /// Writes every file at once; returns their paths.
    public func write(reading source: some FileSource) throws -> [String] {
        let files = try files(reading: source)
        var set = AtomicFileSet()
        for file in files { set.add(file.path, file.contents) }
        try set.commit()
        return files.map(\.path)
    }

    /// Throws `Drift` with a diff per file that differs from what the models generate.
    public func check(reading source: some FileSource) throws {
        var diffs: [String] = []
        for file in try files(reading: source) {
            let onDisk = (try? source.contents(of: file.path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let diff = LineDiff.unified(
                old: onDisk, new: file.contents, oldName: "\(file.path) (on disk)", newName: "\(file.path) (generated)")
            if !diff.isEmpty { diffs.append(diff) }
        }
        if !diffs.isEmpty { throw Drift(diffs: diffs) }
    }
}
