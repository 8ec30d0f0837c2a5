/// `--output-dir`: one file per template, in Helm's layout, written all or nothing.
public struct RenderedFiles {
    public var templates: [RenderedTemplate]
    public var directory: String

    public init(templates: [RenderedTemplate], directory: String) {
        self.templates = templates
        self.directory = directory
    }

    /// Writes `DIR/<chart>/templates/<file>.yaml` for every template; returns the paths.
    @discardableResult
    public func write() throws -> [String] {
        var set = AtomicFileSet()
        var paths: [String] = []
        for template in templates {
            let path = joinPath(directory, template.path)
            set.add(path, try ManifestWriter().file(template))
            paths.append(path)
        }
        try set.commit()
        return paths
    }
}
