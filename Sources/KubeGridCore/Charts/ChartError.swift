/// What can go wrong loading a chart directory.
public enum ChartError: Error, CustomStringConvertible, Equatable {
    /// The path is not a directory.
    case notADirectory(String)
    /// The directory has no `Chart.yaml`.
    case missingChartFile(directory: String)
    /// `Chart.yaml` or `values.yaml` cannot be read.
    case unreadable(FileReadError)
    /// `Chart.yaml` is not valid YAML or not a map.
    case badChartFile(YAMLError)
    /// A required field of `Chart.yaml` is missing or wrong.
    case badMetadata(file: String, field: String, problem: String)
    /// `values.yaml` is not valid YAML or not a map.
    case badValuesFile(ValuesError)
    /// A packed subchart (`charts/x.tgz`), which kubegrid does not unpack.
    case packedSubchart(String)
    /// A file in `charts/` that is neither a chart folder nor an archive.
    case strayFileInCharts(String)

    public var description: String {
        switch self {
        case .notADirectory(let path):
            return "\(path): not a chart directory; give the path of a folder holding Chart.yaml"
        case .missingChartFile(let directory):
            return "\(directory): Chart.yaml is missing; a chart directory needs one"
        case .unreadable(let failure):
            return failure.description
        case .badChartFile(let failure):
            return failure.description
        case .badMetadata(let file, let field, let problem):
            return "\(file): \(field) \(problem)"
        case .badValuesFile(let failure):
            return failure.description
        case .packedSubchart(let path):
            return "\(path): kubegrid reads unpacked subcharts only; unpack it into a folder (tar -xzf) and remove the archive"
        case .strayFileInCharts(let path):
            return "\(path): a file in charts/ must be a subchart folder; move it elsewhere"
        }
    }
}
