import AuditModel
import Foundation

extension ImportStage {
    /// The platforms whose exports come split across several zips (Meta's downloads,
    /// FORMATS.md §0.3; Snapchat's `mydata~<id>-2.zip` … parts holding media only).
    static let splitPlatforms: Set<Platform> = [.facebook, .instagram, .snapchat]

    /// Imports the archives at `urls`, given together: the parts of a split export become one
    /// archive (see ``openArchives(at:)``), and archives of one format are read together (a
    /// WhatsApp chat's owner is the participant present in every chat given).
    /// - Parameters:
    ///   - urls: the archives as the user gave them.
    ///   - localTimeZone: the school's zone, for zone-less times.
    ///   - ownerHints: per platform, the names, handles or numbers that may identify the owner.
    /// - Returns: one result per archive after grouping, in the order of the first path of each.
    /// - Throws: ``ImportError`` when an archive is missing, unreadable or of no known format.
    public func importArchives(
        at urls: [URL], localTimeZone: TimeZone, ownerHints: [Platform: [String]] = [:]
    ) throws -> [ImportResult] {
        let readers = try openArchives(at: urls)
        return try importArchives(
            readers.map { (reader: $0, sha256: try $0.sha256()) }, localTimeZone: localTimeZone,
            ownerHints: ownerHints)
    }

    /// Opens the archives given together, joining the parts of a split export into one reader.
    ///
    /// Zips or folders are parts of one export when the export's platform is one that splits its
    /// downloads (Facebook, Instagram, Snapchat), when no file path occurs in two of them with different
    /// content, when each part that is recognised on its own is recognised as that same format,
    /// and when at least one of these holds:
    /// - their names differ only by a part number (`facebook-x-2025-03-14-part1.zip`,
    ///   `…_part_2.zip`);
    /// - they wrap their files in the same top-level folder;
    /// - a part is recognised as no export on its own (only media, or only some folders) and
    ///   exactly one of the other archives given, joined with it, is.
    ///
    /// Two exports of one account taken on different dates repeat files (the profile, message
    /// threads) with different content, so they stay separate archives; their items merge in the
    /// timeline by ``ItemID``. A WhatsApp chat or any single file is never a part. Parts are
    /// ordered by part number, then by name, so the joined archive's digest does not depend on
    /// the order the paths were given in.
    /// - Parameter urls: the archives as the user gave them.
    /// - Returns: one reader per archive or joined export, in the order of each one's first path.
    /// - Throws: ``ImportError`` when a path does not exist or cannot be opened.
    public func openArchives(at urls: [URL], limits: ArchiveLimits = .standard) throws
        -> [ArchiveReader]
    {
        let readers = try urls.map { try ArchiveReader(url: $0, limits: limits) }
        for reader in readers where reader.container == .folder {
            let inside = exportsInside(reader.url, limits: limits)
            let platforms = Set(inside.map(\.platform))
            if platforms.count > 1 || inside.contains(where: \.isFile) {
                throw ImportError.severalExports(
                    reader.url, found: inside.map { "\($0.name) (\($0.platform.displayName))" })
            }
        }
        return try partGroups(of: readers).map { group in
            group.count == 1
                ? readers[group[0]]
                : try ArchiveReader(partReaders: group.map { readers[$0] }, limits: limits)
        }
    }

    /// The folder's immediate children that are exports on their own, with their platforms.
    ///
    /// One export's own sub-folders are recognised as parts of that platform's export, so only
    /// children of different platforms, or an export file (a zip or chat) beside folders, show
    /// that the folder is one level too high.
    func exportsInside(_ folder: URL, limits: ArchiveLimits) -> [(
        name: String, platform: Platform, isFile: Bool
    )] {
        let fileManager = FileManager.default
        guard let children = try? fileManager.contentsOfDirectory(atPath: folder.path) else {
            return []
        }
        var found: [(name: String, platform: Platform, isFile: Bool)] = []
        for name in children.sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                continue
            }
            let isExportFile =
                !isDirectory.boolValue && ["zip", "txt"].contains(url.pathExtension.lowercased())
            guard isDirectory.boolValue || isExportFile,
                let reader = try? ArchiveReader(url: url, limits: limits), !reader.entries.isEmpty,
                let index = recognizingImporter(of: reader)
            else { continue }
            found.append((name, importers[index].platform, !isDirectory.boolValue))
        }
        return found
    }

    /// The archives grouped into exports: indices into `readers`, each group in part order, the
    /// groups in the order of their first index.
    func partGroups(of readers: [ArchiveReader]) throws -> [[Int]] {
        let splittable = readers.indices.filter {
            readers[$0].container == .zip || readers[$0].container == .folder
        }
        let alone = Dictionary(
            uniqueKeysWithValues: splittable.map { ($0, recognizingImporter(of: readers[$0])) })
        var groups: [[Int]] = []
        var grouped = Set<Int>()

        func tryGroup(_ candidates: [Int]) throws {
            let members = Self.partOrder(candidates.filter { !grouped.contains($0) }, readers)
            guard members.count > 1,
                try joinedImporter(of: members, readers: readers, alone: alone) != nil
            else { return }
            groups.append(members)
            grouped.formUnion(members)
        }

        // Parts named as such: the same name apart from a part number.
        let named = Dictionary(grouping: splittable.filter { Self.partName(readers[$0]) != nil }) {
            Self.partName(readers[$0])?.stem.lowercased() ?? ""
        }
        for key in named.keys.sorted() { try tryGroup(named[key] ?? []) }

        // Parts wrapped in the same top-level folder.
        let wrapped = Dictionary(grouping: splittable.filter { Self.topFolder(readers[$0]) != nil })
        {
            Self.topFolder(readers[$0]) ?? ""
        }
        for key in wrapped.keys.sorted() { try tryGroup(wrapped[key] ?? []) }

        // A part that is no export on its own joins the one archive it completes.
        for orphan in splittable where (alone[orphan] ?? nil) == nil && !grouped.contains(orphan) {
            var targets: [[Int]] = []
            for (index, group) in groups.enumerated() {
                if try joinedImporter(of: group + [orphan], readers: readers, alone: alone) != nil {
                    targets.append(groups[index])
                }
            }
            for single in splittable where single != orphan && !grouped.contains(single) {
                let pair = Self.partOrder([single, orphan], readers)
                if try joinedImporter(of: pair, readers: readers, alone: alone) != nil {
                    targets.append([single])
                }
            }
            guard targets.count == 1, let target = targets.first else { continue }
            let members = Self.partOrder(target + [orphan], readers)
            groups.removeAll { $0 == target }
            groups.append(members)
            grouped.formUnion(members)
        }

        for index in readers.indices where !grouped.contains(index) { groups.append([index]) }
        return groups.sorted { ($0.min() ?? 0) < ($1.min() ?? 0) }
    }

    /// The importer that reads `members` joined as one export, or nil when they are not parts of
    /// one export (see ``openArchives(at:)``).
    private func joinedImporter(
        of members: [Int], readers: [ArchiveReader], alone: [Int: Int?]
    ) throws -> Int? {
        let formats = Set(members.compactMap { alone[$0] ?? nil })
        guard formats.count <= 1 else { return nil }
        guard try !Self.haveConflictingFiles(members.map { readers[$0] }) else { return nil }
        let joined = try ArchiveReader(
            partReaders: members.map { readers[$0] }, limits: readers[members[0]].limits)
        guard let importer = recognizingImporter(of: joined),
            Self.splitPlatforms.contains(importers[importer].platform),
            formats.isEmpty || formats == [importer]
        else { return nil }
        return importer
    }

    /// Whether a path occurs in two of the archives with different content.
    ///
    /// Sizes are compared first, then the bytes of same-size files, smallest first, stopping at
    /// the first difference.
    private static func haveConflictingFiles(_ readers: [ArchiveReader]) throws -> Bool {
        var first: [String: (reader: ArchiveReader, entry: ArchiveReader.Entry)] = [:]
        var common: [(ArchiveReader, ArchiveReader.Entry, ArchiveReader, ArchiveReader.Entry)] = []
        for reader in readers {
            for entry in reader.entries {
                if let earlier = first[entry.path] {
                    if earlier.entry.size != entry.size { return true }
                    common.append((earlier.reader, earlier.entry, reader, entry))
                } else {
                    first[entry.path] = (reader, entry)
                }
            }
        }
        for (left, leftEntry, right, rightEntry) in common.sorted(by: { $0.1.size < $1.1.size }) {
            if try left.data(of: leftEntry) != right.data(of: rightEntry) { return true }
        }
        return false
    }

    /// The name of an archive that says it is part `number` of `stem` ("…-part2.zip").
    static func partName(_ reader: ArchiveReader) -> (stem: String, number: Int)? {
        var name = reader.url.lastPathComponent
        if name.lowercased().hasSuffix(".zip") { name = String(name.dropLast(4)) }
        let pattern = #/^(?<stem>.+?)[-_ .]*[Pp][Aa][Rr][Tt][-_ ]?(?<number>\d{1,3})$/#
        guard let match = name.wholeMatch(of: pattern), let number = Int(match.number) else {
            return nil
        }
        return (String(match.stem), number)
    }

    /// The one top-level folder that holds every file of the archive, if there is one (macOS's
    /// `__MACOSX` resource-fork folder aside).
    static func topFolder(_ reader: ArchiveReader) -> String? {
        var folder: Substring?
        for entry in reader.entries where !entry.path.hasPrefix("__MACOSX/") {
            let components = entry.path.split(separator: "/")
            guard components.count > 1, let top = components.first else { return nil }
            if let folder, folder != top { return nil }
            folder = top
        }
        return folder.map(String.init)
    }

    /// `members` in part order: by part number where the names give one, then by file name.
    private static func partOrder(_ members: [Int], _ readers: [ArchiveReader]) -> [Int] {
        members.sorted { lhs, rhs in
            let left = (
                partName(readers[lhs])?.number ?? Int.max, readers[lhs].url.lastPathComponent
            )
            let right = (
                partName(readers[rhs])?.number ?? Int.max, readers[rhs].url.lastPathComponent
            )
            return left < right
        }
    }
}
