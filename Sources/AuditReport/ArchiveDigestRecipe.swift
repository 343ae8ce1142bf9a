import AuditImport

/// How anyone can recompute an archive's SHA-256 with standard tools, as evidence pages show it.
///
/// A zip (or single file) is hashed as it is. A folder is hashed the way ``ArchiveReader/sha256()``
/// does: one line "<file SHA-256>  <relative path>" per regular file, sorted by path in byte
/// order, joined with newlines (no newline after the last), and that text hashed.
public enum ArchiveDigestRecipe {
    /// A shell command (GNU coreutils; on macOS use `shasum -a 256` for `sha256sum`) that prints
    /// the archive's SHA-256.
    public static func command(forArchiveAt path: String, container: ArchiveReader.Container)
        -> String
    {
        switch container {
        case .parts:
            return """
                # An export in several parts: compute each part's SHA-256 as for a zip or folder,
                # in part order, then hash those digests joined by newlines (no final newline):
                printf '%s\\n' DIGEST_OF_PART_1 DIGEST_OF_PART_2 | head -c -1 | sha256sum
                """
        case .zip, .file:
            return "sha256sum \(quoted(path))"
        case .folder:
            return """
                cd \(quoted(path)) && find . -type f | sed 's|^\\./||' | LC_ALL=C sort |
                  while IFS= read -r f; do printf '%s  %s\\n' "$(sha256sum < "$f" | cut -c1-64)" "$f"; done |
                  awk 'NR>1{printf "\\n"} {printf "%s", $0}' | sha256sum
                """
        }
    }

    /// A path quoted for a POSIX shell.
    static func quoted(_ path: String) -> String {
        "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
