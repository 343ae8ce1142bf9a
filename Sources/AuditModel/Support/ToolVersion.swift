/// The version of conduct-audit, recorded in results, manifests and the case's audit log.
public enum ToolVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
