import Foundation

/// Writes an evidence folder: `index.html`, one `INC-nnnn/` folder per incident with
/// `incident.html` and `incident.json`, and `manifest.json` listing every file's SHA-256.
///
/// The folder is written beside the target under a temporary name and then swapped in, so a
/// failure at any point leaves the previous folder as it was. Folders are created 0700 and
/// files 0600: the evidence names staff and pupils. Output depends only on the bundle.
public struct EvidenceWriter: Sendable {
    /// Called with each file's relative path just before it is written.
    ///
    /// A test seam for failing part-way: throwing aborts the write.
    var willWriteFile: @Sendable (String) throws -> Void

    public init() {
        willWriteFile = { _ in }
    }

    init(willWriteFile: @escaping @Sendable (String) throws -> Void) {
        self.willWriteFile = willWriteFile
    }

    /// Renders the bundle and replaces `directory` with the result.
    /// - Parameters:
    ///   - bundle: everything the pages show.
    ///   - directory: the evidence folder; it must not exist, be empty, or be a previous
    ///     evidence folder (one with a `manifest.json`).
    /// - Returns: the manifest written as `manifest.json`.
    /// - Throws: ``ReportError/incompleteBundle(_:)`` when the bundle lacks a cited finding or
    ///   item, ``ReportError/notAnEvidenceFolder(_:)`` when `directory` holds something else,
    ///   and ``ReportError/cannotWrite(_:reason:)`` when writing fails.
    @discardableResult
    public func write(_ bundle: EvidenceBundle, to directory: URL) throws -> EvidenceManifest {
        let files = try render(bundle)
        let fileManager = FileManager.default
        let directory = directory.standardizedFileURL
        let parent = directory.deletingLastPathComponent()
        recoverInterruptedWrite(of: directory)
        try checkReplaceable(directory)
        try createFolders(parent)
        let staging = parent.appendingPathComponent(
            ".\(directory.lastPathComponent).writing-\(UUID().uuidString)")
        do {
            try createFolder(staging)
            var entries: [EvidenceManifest.File] = []
            for (path, data) in files {
                try writeFile(data, at: path, in: staging)
                entries.append(
                    EvidenceManifest.File(
                        path: path, sha256: SHA256Hex.digest(of: data), size: UInt64(data.count)))
            }
            let manifest = EvidenceManifest(
                toolVersion: bundle.toolVersion, generatedAt: bundle.generatedAt,
                inputHashes: bundle.inputHashes,
                archives: bundle.archives.map {
                    EvidenceManifest.Archive(
                        path: $0.path, sha256: $0.sha256, platform: $0.platform)
                },
                files: entries.sorted { $0.path < $1.path })
            try writeFile(
                try EvidenceJSON.data(manifest), at: EvidenceManifest.fileName, in: staging)
            try swap(staging, into: directory)
            return manifest
        } catch {
            try? fileManager.removeItem(at: staging)
            if error is ReportError { throw error }
            throw ReportError.cannotWrite(directory, reason: error.localizedDescription)
        }
    }

    /// Every file of the folder but the manifest, by relative path, in writing order.
    /// - Throws: ``ReportError`` when the bundle is incomplete.
    func render(_ bundle: EvidenceBundle) throws -> [(path: String, data: Data)] {
        let findings = Dictionary(
            bundle.findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var grouped = Set<FindingID>()
        var files: [(path: String, data: Data)] = []
        var folders = Set<String>()
        for incident in bundle.incidents {
            guard Self.isSafeFolderName(incident.id), folders.insert(incident.id).inserted else {
                throw ReportError.invalidIncidentID(incident.id)
            }
            let members = try incident.findings.map { id in
                guard let finding = findings[id] else {
                    throw ReportError.incompleteBundle(
                        "incident \(incident.id) lists finding \(id), which is not in the bundle")
                }
                return finding
            }
            grouped.formUnion(incident.findings)
            let document = try document(for: incident, findings: members, in: bundle)
            let page = IncidentPage(bundle: bundle, incident: incident, findings: members)
            files.append(("\(incident.id)/incident.html", Data(page.render().utf8)))
            files.append(("\(incident.id)/incident.json", try EvidenceJSON.data(document)))
        }
        if let loose = bundle.findings.first(where: { !grouped.contains($0.id) }) {
            throw ReportError.incompleteBundle("finding \(loose.id) belongs to no incident")
        }
        files.insert(("index.html", Data(IndexPage(bundle: bundle).render().utf8)), at: 0)
        return files
    }

    private func document(for incident: Incident, findings: [Finding], in bundle: EvidenceBundle)
        throws -> IncidentDocument
    {
        func item(_ id: ItemID, citedBy finding: Finding, as role: String) throws -> TimelineItem {
            guard let item = bundle.items[id] else {
                throw ReportError.incompleteBundle(
                    "finding \(finding.id) has \(role) item \(id), which is not in the bundle")
            }
            return item
        }
        var cited: [ItemID: TimelineItem] = [:]
        var context: [ItemID: TimelineItem] = [:]
        for finding in findings {
            for id in [finding.item] + finding.supportingItems {
                cited[id] = try item(id, citedBy: finding, as: "cited")
            }
            for id in bundle.context[finding.id] ?? [] {
                context[id] = try item(id, citedBy: finding, as: "context")
            }
        }
        let ids = findings.map(\.id)
        return IncidentDocument(
            toolVersion: bundle.toolVersion, generatedAt: bundle.generatedAt,
            timeZone: bundle.timeZone.identifier, staff: bundle.staffName, incident: incident,
            policyClause: bundle.policyClauses[incident.rule],
            ruleDescription: bundle.ruleDescriptions[incident.rule], findings: findings,
            citedItems: cited.values.sorted(by: Timeline.isOrderedBefore),
            contextItems: context.values.filter { cited[$0.id] == nil }
                .sorted(by: Timeline.isOrderedBefore),
            context: Dictionary(
                uniqueKeysWithValues: ids.compactMap { id in
                    bundle.context[id].map { (id.rawValue, $0) }
                }),
            reviews: Dictionary(
                uniqueKeysWithValues: ids.compactMap { id in
                    bundle.reviews[id].map { (id.rawValue, $0) }
                }))
    }

    /// Refuses to replace anything but nothing, an empty folder or a previous evidence folder.
    private func checkReplaceable(_ directory: URL) throws {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.path, isDirectory: &isFolder) else { return }
        let contents = (try? fileManager.contentsOfDirectory(atPath: directory.path)) ?? []
        let hasManifest = fileManager.fileExists(
            atPath: directory.appendingPathComponent(EvidenceManifest.fileName).path)
        guard isFolder.boolValue, contents.isEmpty || hasManifest else {
            throw ReportError.notAnEvidenceFolder(directory)
        }
    }

    /// Tidies up after a run that was killed while writing: stale staging folders are removed,
    /// and a previous folder that was moved aside but never replaced is put back.
    private func recoverInterruptedWrite(of directory: URL) {
        let fileManager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        let name = directory.lastPathComponent
        guard let siblings = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        for sibling in siblings where sibling.hasPrefix(".\(name).writing-") {
            try? fileManager.removeItem(at: parent.appendingPathComponent(sibling))
        }
        let previous = siblings.filter { $0.hasPrefix(".\(name).previous-") }
        if !fileManager.fileExists(atPath: directory.path), let saved = previous.first {
            try? fileManager.moveItem(at: parent.appendingPathComponent(saved), to: directory)
        }
        for sibling in previous.dropFirst(fileManager.fileExists(atPath: directory.path) ? 0 : 1) {
            try? fileManager.removeItem(at: parent.appendingPathComponent(sibling))
        }
    }

    /// Moves the finished folder into place, restoring the previous one if the move fails.
    private func swap(_ staging: URL, into directory: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: directory.path) else {
            try fileManager.moveItem(at: staging, to: directory)
            return
        }
        let previous = directory.deletingLastPathComponent().appendingPathComponent(
            ".\(directory.lastPathComponent).previous-\(UUID().uuidString)")
        try fileManager.moveItem(at: directory, to: previous)
        do {
            try fileManager.moveItem(at: staging, to: directory)
        } catch {
            try? fileManager.moveItem(at: previous, to: directory)
            throw error
        }
        try? fileManager.removeItem(at: previous)
    }

    private func writeFile(_ data: Data, at path: String, in root: URL) throws {
        try willWriteFile(path)
        let url = root.appendingPathComponent(path)
        let folder = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            try createFolder(folder)
        }
        guard
            FileManager.default.createFile(
                atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw ReportError.cannotWrite(url, reason: "the file could not be created")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }

    /// Creates a folder 0700 (and any missing parents, also 0700).
    private func createFolders(_ folder: URL) throws {
        guard !FileManager.default.fileExists(atPath: folder.path) else { return }
        try createFolders(folder.deletingLastPathComponent())
        try createFolder(folder)
    }

    private func createFolder(_ folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
    }

    /// Whether an incident id can be a folder name as it is: letters, digits, "-", "_", ".",
    /// not starting with ".".
    static func isSafeFolderName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (CharacterSet.alphanumerics.contains(scalar)
                        || "-_.".unicodeScalars.contains(scalar))
            }
    }
}
