import AuditAnalysis
import AuditModel
import Foundation

/// Writes an evidence folder: `index.html`, one `INC-nnnn/` folder per incident with
/// `incident.html`, `incident.json` and copies of attached media, optionally PDFs of the pages
/// and a disclosure copy, and `manifest.json` listing every file's SHA-256.
///
/// The folder is written beside the target under a temporary name and then swapped in, so a
/// failure at any point leaves the previous folder as it was. Folders are created 0700 and
/// files 0600: the evidence names staff and pupils. Output depends only on the bundle and the
/// options (PDFs carry Chromium's own creation date, so they differ between runs).
public struct EvidenceWriter: Sendable {
    /// What to write besides the pages of the full copy.
    public struct Options: Sendable {
        /// When set, a disclosure copy with third parties as initials is written in a sub-folder
        /// (``DisclosureRedaction/folderName``), with its own manifest.
        public var disclosure: DisclosureRedaction?
        /// When set, every HTML page is printed to a PDF beside it.
        public var printer: (any PagePrinter)?
        /// Told after each page is written and after each PDF is printed.
        public var progress: ProgressHandler?

        public init(
            disclosure: DisclosureRedaction? = nil, printer: (any PagePrinter)? = nil,
            progress: ProgressHandler? = nil
        ) {
            self.disclosure = disclosure
            self.printer = printer
            self.progress = progress
        }
    }

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
    ///   - options: a disclosure copy, PDFs.
    /// - Returns: the manifest written as `manifest.json`.
    /// - Throws: ``ReportError/incompleteBundle(_:)`` when the bundle lacks a cited finding or
    ///   item, ``ReportError/notAnEvidenceFolder(_:)`` when `directory` holds something else,
    ///   ``ReportError/printFailed(_:reason:)`` when a PDF cannot be made, and
    ///   ``ReportError/cannotWrite(_:reason:)`` when writing fails.
    @discardableResult
    public func write(_ bundle: EvidenceBundle, to directory: URL, options: Options = Options())
        throws -> EvidenceManifest
    {
        let disclosureFolder = options.disclosure?.folderName
        if let disclosureFolder, !Self.isSafeFolderName(disclosureFolder) {
            throw ReportError.invalidIncidentID(disclosureFolder)
        }
        let printing = options.printer != nil
        let disclosure = try options.disclosure.map {
            try renderDisclosure(bundle, using: $0, printBundle: printing)
        }
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
            // Each page is written as soon as it is rendered: a large case's pages are never
            // all in memory at once.
            // The index and one page per incident.
            let pageCount = bundle.incidents.count + 1
            var sealedParts: (PrintBundle, [PrintBundle.Part])?
            var entries = try write(
                in: staging, printer: options.printer, pageCount: pageCount,
                progress: options.progress
            ) { emit in
                try render(
                    bundle, copy: .sealed(disclosureFolder: disclosureFolder),
                    printParts: printing ? { sealedParts = ($0, $1) } : nil, emit: emit)
            }
            if let printer = options.printer, let (printBundle, parts) = sealedParts {
                entries += try writePrintBundle(
                    printBundle, parts: parts, in: staging, printer: printer)
            }
            if let disclosure, let disclosureFolder {
                let root = staging.appendingPathComponent(disclosureFolder)
                try createFolder(root)
                var disclosureEntries = try write(
                    in: root, printer: options.printer, pageCount: pageCount,
                    progress: options.progress
                ) { emit in
                    for (path, data) in disclosure.files { try emit(path, data) }
                }
                if let printer = options.printer, let (printBundle, parts) = disclosure.printParts {
                    disclosureEntries += try writePrintBundle(
                        printBundle, parts: parts, in: root, printer: printer)
                }
                let disclosureManifest = manifest(
                    for: disclosure.indexBundle, kind: "disclosure", files: disclosureEntries)
                let data = try EvidenceJSON.data(disclosureManifest)
                try writeFile(data, at: EvidenceManifest.fileName, in: root)
                entries += (disclosureEntries + [Self.entry(EvidenceManifest.fileName, data)]).map {
                    var entry = $0
                    entry.path = disclosureFolder + "/" + entry.path
                    return entry
                }
            }
            let manifest = manifest(for: bundle, kind: "sealed", files: entries)
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

    /// Writes the files `files` hands to its argument under `root` as they come, then prints
    /// each HTML page to PDF when a printer is given, telling `progress` after each page.
    /// - Parameters:
    ///   - root: the folder the files are written under.
    ///   - printer: prints each HTML page to a PDF beside it; nil for no PDFs.
    ///   - pageCount: how many HTML pages `files` is expected to hand over.
    ///   - progress: told the pages written, then the pages printed.
    ///   - files: hands each file's path, relative to `root`, and contents to its argument.
    /// - Returns: the manifest entries of everything written, by path.
    /// - Throws: what `files` or `printer` throws; ``ReportError/cannotWrite(_:reason:)`` when a
    ///   file cannot be created; the file system's error when a folder cannot be created, a
    ///   file's permissions cannot be set or a PDF cannot be read back.
    private func write(
        in root: URL, printer: (any PagePrinter)?, pageCount: Int, progress: ProgressHandler?,
        files: ((String, Data) throws -> Void) throws -> Void
    ) throws -> [EvidenceManifest.File] {
        var entries: [EvidenceManifest.File] = []
        var pages: [String] = []
        progress?(StageProgress(stage: .writingEvidence, done: 0, total: pageCount, unit: "pages"))
        try files { path, data in
            try writeFile(data, at: path, in: root)
            entries.append(Self.entry(path, data))
            if path.hasSuffix(".html") {
                pages.append(path)
                progress?(
                    StageProgress(
                        stage: .writingEvidence, done: pages.count,
                        total: max(pageCount, pages.count), unit: "pages"))
            }
        }
        if let printer {
            for (index, path) in pages.enumerated() {
                progress?(
                    StageProgress(stage: .printing, done: index, total: pages.count, unit: "pages"))
                let pdfPath = String(path.dropLast(".html".count)) + ".pdf"
                try willWriteFile(pdfPath)
                let pdf = root.appendingPathComponent(pdfPath)
                try printer.printPage(at: root.appendingPathComponent(path), to: pdf)
                try FileManager.default.setAttributes(
                    [.posixPermissions: 0o600], ofItemAtPath: pdf.path)
                let data = try Data(contentsOf: pdf)
                entries.append(Self.entry(pdfPath, data))
            }
            progress?(
                StageProgress(
                    stage: .printing, done: pages.count, total: pages.count, unit: "pages"))
        }
        return entries.sorted { $0.path < $1.path }
    }

    private static func entry(_ path: String, _ data: Data) -> EvidenceManifest.File {
        EvidenceManifest.File(
            path: path, sha256: SHA256Hex.digest(of: data), size: UInt64(data.count))
    }

    private func manifest(for bundle: EvidenceBundle, kind: String, files: [EvidenceManifest.File])
        -> EvidenceManifest
    {
        EvidenceManifest(
            toolVersion: bundle.toolVersion, generatedAt: bundle.generatedAt, kind: kind,
            staff: bundle.staffName, timeZone: bundle.timeZone.identifier,
            period: bundle.period.summary, inputHashes: bundle.inputHashes,
            archives: bundle.archives.map {
                EvidenceManifest.Archive(path: $0.path, sha256: $0.sha256, platform: $0.platform)
            },
            files: files.sorted { $0.path < $1.path })
    }

    /// Every file of one copy but the manifest, by relative path, in writing order.
    /// - Parameters:
    ///   - bundle: what the pages show.
    ///   - copy: which copy this is.
    ///   - incidentBundles: for a disclosure copy, the bundle each incident's page is rendered
    ///     from (redacted for that incident); the page falls back to `bundle`.
    ///   - exhibits: the numbering; computed from `bundle` when nil.
    ///   - printParts: when given, told the parts of the combined print bundle (summary, each
    ///     incident's page, exhibit index) once every file is rendered.
    /// - Returns: the files, by path relative to the copy's folder.
    /// - Throws: ``ReportError`` when the bundle is incomplete.
    func render(
        _ bundle: EvidenceBundle, copy: EvidenceCopy = .sealed(disclosureFolder: nil),
        incidentBundles: [String: EvidenceBundle] = [:], exhibits: ExhibitIndex? = nil,
        printParts: ((PrintBundle, [PrintBundle.Part]) -> Void)? = nil
    ) throws -> [(path: String, data: Data)] {
        var files: [(path: String, data: Data)] = []
        try render(
            bundle, copy: copy, incidentBundles: incidentBundles, exhibits: exhibits,
            printParts: printParts
        ) { files.append(($0, $1)) }
        return files
    }

    /// Renders every file of one copy but the manifest and hands each to `emit` as soon as it
    /// is made, by path relative to the copy's folder, in writing order (the index first).
    /// - Parameters:
    ///   - bundle: what the pages show.
    ///   - copy: which copy this is.
    ///   - incidentBundles: for a disclosure copy, the bundle each incident's page is rendered
    ///     from (redacted for that incident); the page falls back to `bundle`.
    ///   - exhibits: the numbering; computed from `bundle` when nil.
    ///   - printParts: when given, told the parts of the combined print bundle (summary, each
    ///     incident's page, exhibit index) once every file is handed over.
    ///   - emit: takes each file's path and contents.
    /// - Throws: ``ReportError`` when the bundle is incomplete (files already handed over stay
    ///   handed over), and what `emit` throws.
    func render(
        _ bundle: EvidenceBundle, copy: EvidenceCopy = .sealed(disclosureFolder: nil),
        incidentBundles: [String: EvidenceBundle] = [:], exhibits: ExhibitIndex? = nil,
        printParts: ((PrintBundle, [PrintBundle.Part]) -> Void)? = nil,
        emit: (String, Data) throws -> Void
    ) throws {
        let exhibits = exhibits ?? ExhibitIndex(bundle: bundle)
        var grouped = Set<FindingID>()
        var folders = Set<String>()
        for incident in bundle.incidents {
            guard Self.isSafeFolderName(incident.id), folders.insert(incident.id).inserted else {
                throw ReportError.invalidIncidentID(incident.id)
            }
            grouped.formUnion(incident.findings)
        }
        if let loose = bundle.findings.first(where: { !grouped.contains($0.id) }) {
            throw ReportError.incompleteBundle("finding \(loose.id) belongs to no incident")
        }
        let index = IndexPage(bundle: bundle, exhibits: exhibits, copy: copy)
        try emit("index.html", Data(index.render().utf8))
        let bundleFindings = Self.findingsByID(bundle)
        var incidentBodies: [(Incident, String)] = []
        let wantsBundleParts = printParts != nil
        // Incidents are rendered a group at a time on every core, and handed over in order; a
        // group bounds how many rendered pages wait in memory.
        var start = bundle.incidents.startIndex
        while start < bundle.incidents.endIndex {
            let end = min(start + 64, bundle.incidents.endIndex)
            let rendered = Array(bundle.incidents[start..<end]).mapSlicesConcurrently(
                minimumSlice: 8
            ) { incidents in
                incidents.map { incident in
                    Result {
                        let pageBundle = incidentBundles[incident.id]
                        return try files(
                            of: incident, in: pageBundle ?? bundle,
                            findings: pageBundle.map(Self.findingsByID) ?? bundleFindings,
                            exhibits: exhibits, bundlePart: wantsBundleParts)
                    }
                }
            }
            for result in rendered.joined() {
                let rendered = try result.get()
                for file in rendered.files { try emit(file.path, file.data) }
                if let part = rendered.bundlePart { incidentBodies.append(part) }
            }
            start = end
        }
        if let printParts {
            let printBundle = PrintBundle(bundle: bundle, exhibits: exhibits, copy: copy)
            printParts(printBundle, printBundle.parts(incidentBodies: incidentBodies))
        }
    }

    static func findingsByID(_ bundle: EvidenceBundle) -> [FindingID: Finding] {
        Dictionary(bundle.findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// One incident's files in writing order (its page, its JSON and its media copies), and
    /// its page's part of the combined print bundle when `bundlePart` is set.
    func files(
        of incident: Incident, in pageBundle: EvidenceBundle, findings: [FindingID: Finding],
        exhibits: ExhibitIndex, bundlePart: Bool
    ) throws -> (files: [(path: String, data: Data)], bundlePart: (Incident, String)?) {
        let members = try incident.findings.map { id in
            guard let finding = findings[id] else {
                throw ReportError.incompleteBundle(
                    "incident \(incident.id) lists finding \(id), which is not in the bundle")
            }
            return finding
        }
        let pageIncident = pageBundle.incidents.first { $0.id == incident.id } ?? incident
        let document = try document(
            for: pageIncident, findings: members, in: pageBundle, exhibits: exhibits)
        let page = IncidentPage(
            bundle: pageBundle, incident: pageIncident, findings: members, exhibits: exhibits)
        let files =
            [
                ("\(incident.id)/incident.html", Data(page.render().utf8)),
                ("\(incident.id)/incident.json", try EvidenceJSON.data(document)),
            ] + mediaCopies(in: incident.id, bundle: pageBundle, exhibits: exhibits)
        return (files, bundlePart ? (pageIncident, page.bundlePart()) : nil)
    }

    /// The disclosure copy's files: the index from a bundle that protects every pupil concerned,
    /// each incident from one that protects only that incident's pupils.
    private func renderDisclosure(
        _ bundle: EvidenceBundle, using redaction: DisclosureRedaction, printBundle: Bool
    ) throws -> (
        files: [(path: String, data: Data)], indexBundle: EvidenceBundle,
        printParts: (PrintBundle, [PrintBundle.Part])?
    ) {
        let exhibits = ExhibitIndex(bundle: bundle)
        let hidden = redaction.hidden(in: bundle)
        let indexBundle = bundle.redacted(
            using: redaction.redactor(for: bundle, concerning: bundle.findings, hidden: hidden))
        let findings = Dictionary(
            bundle.findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var incidentBundles: [String: EvidenceBundle] = [:]
        for incident in bundle.incidents {
            let concerned = incident.findings.compactMap { findings[$0] }
            incidentBundles[incident.id] = bundle.restricted(to: incident)
                .redacted(
                    using: redaction.redactor(for: bundle, concerning: concerned, hidden: hidden))
        }
        var printParts: (PrintBundle, [PrintBundle.Part])?
        let files = try render(
            indexBundle, copy: .disclosure, incidentBundles: incidentBundles, exhibits: exhibits,
            printParts: printBundle ? { printParts = ($0, $1) } : nil)
        return (files, indexBundle, printParts)
    }

    /// The copies of an incident's media exhibits, in exhibit order.
    private func mediaCopies(in incident: String, bundle: EvidenceBundle, exhibits: ExhibitIndex)
        -> [(path: String, data: Data)]
    {
        var files: [(path: String, data: Data)] = []
        for exhibit in exhibits.exhibits(in: incident) {
            guard case .media(let itemID, let index) = exhibit.subject,
                let item = bundle.items[itemID], item.attachments.indices.contains(index),
                let key = MediaKey(item: item, attachment: item.attachments[index]),
                let media = bundle.media[key], case .copied(let data) = media.content
            else { continue }
            files.append(
                (ExhibitIndex.mediaPath(of: exhibit, file: media, incident: incident), data))
        }
        return files
    }

    private func document(
        for incident: Incident, findings: [Finding], in bundle: EvidenceBundle,
        exhibits: ExhibitIndex
    ) throws -> IncidentDocument {
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
        let shown = exhibits.exhibits(in: incident.id)
        var media: [IncidentDocument.MediaEntry] = []
        for exhibit in shown {
            guard case .media(let itemID, let index) = exhibit.subject,
                let owner = bundle.items[itemID], owner.attachments.indices.contains(index),
                let key = MediaKey(item: owner, attachment: owner.attachments[index])
            else { continue }
            let evidence = bundle.media[key]
            var entry = IncidentDocument.MediaEntry(
                exhibit: exhibit.number, item: itemID, uri: key.uri,
                pathInArchive: evidence?.pathInArchive, sha256: evidence?.sha256,
                importedSHA256: evidence?.importedSHA256)
            switch evidence?.content {
            case .copied?:
                if let evidence {
                    entry.copy = ExhibitIndex.mediaPath(
                        of: exhibit, file: evidence, incident: incident.id)
                }
            case .unavailable(let reason)?:
                entry.unavailable = reason
            case .withheld?:
                entry.unavailable = "withheld from the disclosure copy"
            case nil:
                entry.unavailable = "the archive was not opened when this folder was written"
            }
            media.append(entry)
        }
        var document = IncidentDocument(
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
                }),
            exhibits: shown, media: media,
            threadPositions: Dictionary(
                uniqueKeysWithValues: Set(cited.keys).union(context.keys).sorted()
                    .compactMap { id in bundle.threadPositions[id].map { (id.rawValue, $0) } }),
            furtherSources: Dictionary(
                uniqueKeysWithValues: cited.keys.sorted().compactMap { id in
                    bundle.furtherSources[id].map { (id.rawValue, $0) }
                }))
        document.matter = MatterKind.of(rule: incident.rule, findings: findings)
        document.outcomes = bundle.outcomes(of: incident)
        return document
    }

    /// Writes and prints the combined print bundle of one copy, whose pages are already printed
    /// under `root`: each part's pages are counted (the incident pages' own PDFs; the summary,
    /// exhibit index and front matter printed on their own in a scratch folder), then the
    /// contents are written with the page each part starts on.
    /// - Returns: the manifest entries of `evidence-bundle.html` and `evidence-bundle.pdf`.
    private func writePrintBundle(
        _ printBundle: PrintBundle, parts: [PrintBundle.Part], in root: URL,
        printer: any PagePrinter
    ) throws -> [EvidenceManifest.File] {
        let fileManager = FileManager.default
        let scratch = fileManager.temporaryDirectory
            .appendingPathComponent("conduct-audit-bundle-\(UUID().uuidString)")
        try fileManager.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: scratch) }
        func pages(ofStandalone html: String, named name: String) throws -> Int? {
            let page = scratch.appendingPathComponent("\(name).html")
            let pdf = scratch.appendingPathComponent("\(name).pdf")
            try Data(printBundle.standalone(html).utf8).write(to: page)
            try printer.printPage(at: page, to: pdf)
            return PrintBundle.pageCount(ofPDF: try Data(contentsOf: pdf))
        }
        var counts: [Int?] = []
        for (index, part) in parts.enumerated() {
            let own = root.appendingPathComponent("\(part.anchor)/incident.pdf")
            if part.isIncident, fileManager.fileExists(atPath: own.path) {
                counts.append(PrintBundle.pageCount(ofPDF: try Data(contentsOf: own)))
            } else {
                counts.append(
                    try pages(ofStandalone: printBundle.section(part), named: "part-\(index)"))
            }
        }
        let placeholder = printBundle.front(parts, firstPages: parts.map { _ in 888 })
        var firstPages: [Int]?
        if let frontPages = try pages(ofStandalone: placeholder, named: "front"),
            counts.allSatisfy({ $0 != nil })
        {
            var page = frontPages + 1
            firstPages = counts.map { count in
                defer { page += count ?? 0 }
                return page
            }
        }
        let html = printBundle.document(
            front: printBundle.front(parts, firstPages: firstPages), parts: parts)
        let htmlPath = PrintBundle.baseName + ".html"
        let pdfPath = PrintBundle.baseName + ".pdf"
        let htmlData = Data(html.utf8)
        try writeFile(htmlData, at: htmlPath, in: root)
        try willWriteFile(pdfPath)
        let pdf = root.appendingPathComponent(pdfPath)
        try printer.printPage(at: root.appendingPathComponent(htmlPath), to: pdf)
        try fileManager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: pdf.path)
        return [Self.entry(htmlPath, htmlData), Self.entry(pdfPath, try Data(contentsOf: pdf))]
    }

    /// How many PDFs the evidence folder at `directory` lists in its manifest (0 when there is
    /// no readable manifest): what a re-run without printing would drop.
    public static func pdfCount(inPreviousFolder directory: URL) -> Int {
        let url = directory.appendingPathComponent(EvidenceManifest.fileName)
        guard let data = try? Data(contentsOf: url),
            let manifest = try? EvidenceJSON.decoder.decode(EvidenceManifest.self, from: data)
        else { return 0 }
        return manifest.files.filter { $0.path.hasSuffix(".pdf") }.count
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
        guard let siblings = try? fileManager.contentsOfDirectory(atPath: parent.path) else {
            return
        }
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
