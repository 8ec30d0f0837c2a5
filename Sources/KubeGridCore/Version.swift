/// The version kubegrid reports with `--version`.
public enum KubeGridVersion {
    public static let current = "0.1.0"
}
