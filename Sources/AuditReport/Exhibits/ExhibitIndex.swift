import AuditAnalysis
import AuditModel

/// The numbered exhibits of a bundle, in the order a hearing bundle would hold them.
///
/// For each incident in order, for each of its findings in order: the finding's item, its
/// supporting items, their attached media files, then the context shown around the finding. An
/// exhibit shown by several incidents keeps the number it first received. Within an incident,
/// the contexts of findings in the same conversation are one exhibit (one transcript), and so
/// are the contexts of its findings that are not messages (the staff member's items around them).
struct ExhibitIndex: Equatable {
    private(set) var exhibits: [Exhibit] = []
    private var itemNumbers: [ItemID: Int] = [:]
    private var mediaNumbers: [MediaKey: Int] = [:]
    private var attachmentNumbers: [ItemID: [Int: Int]] = [:]
    private var contextNumbers: [FindingID: Int] = [:]
    /// Context exhibits by incident and conversation (or incident alone, for non-messages).
    private var contextGroups: [String: Int] = [:]

    init(bundle: EvidenceBundle) {
        let findings = Dictionary(
            bundle.findings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for incident in bundle.incidents {
            for id in incident.findings {
                guard let finding = findings[id] else { continue }
                let cited = [finding.item] + finding.supportingItems
                for itemID in cited {
                    itemNumbers[itemID] = number(
                        for: .item(itemID), in: incident.id, existing: itemNumbers[itemID])
                }
                for itemID in cited {
                    guard let item = bundle.items[itemID] else { continue }
                    for (index, attachment) in item.attachments.enumerated() {
                        guard let key = MediaKey(item: item, attachment: attachment) else {
                            continue
                        }
                        let number = number(
                            for: .media(item: itemID, attachment: index), in: incident.id,
                            existing: mediaNumbers[key])
                        mediaNumbers[key] = number
                        attachmentNumbers[itemID, default: [:]][index] = number
                    }
                }
                if let context = bundle.context[finding.id], !context.isEmpty {
                    let key = Self.contextKey(context, incident: incident.id, in: bundle)
                    let existing = contextGroups[key]
                    let number = number(
                        for: .context(finding.id), in: incident.id, existing: existing)
                    contextGroups[key] = number
                    contextNumbers[finding.id] = number
                    exhibits[number - 1].findings.append(finding.id)
                }
            }
        }
    }

    /// The exhibit number of a cited item.
    func number(ofItem id: ItemID) -> Int? { itemNumbers[id] }

    /// The exhibit number of a cited item's attachment, by its index among the item's attachments.
    func number(ofAttachment index: Int, of item: ItemID) -> Int? {
        attachmentNumbers[item]?[index]
    }

    /// The exhibit with a number.
    func exhibit(_ number: Int) -> Exhibit? {
        exhibits.indices.contains(number - 1) ? exhibits[number - 1] : nil
    }

    /// The exhibit number of the context shown around a finding.
    func number(ofContext id: FindingID) -> Int? { contextNumbers[id] }

    /// The items a context exhibit shows: the contexts of all its findings, each item once, in
    /// thread order (else time order).
    func contextItems(of exhibit: Exhibit, in bundle: EvidenceBundle) -> [ItemID] {
        guard case .context(let first) = exhibit.subject else { return [] }
        return Self.contextItems(
            of: exhibit.findings.isEmpty ? [first] : exhibit.findings, in: bundle)
    }

    /// The contexts of `findings` merged: each item once, in thread order (else time order).
    static func contextItems(of findings: [FindingID], in bundle: EvidenceBundle) -> [ItemID] {
        var seen = Set<ItemID>()
        let ids = findings.flatMap { bundle.context[$0] ?? [] }.filter { seen.insert($0).inserted }
        let items = ids.compactMap { bundle.items[$0] }
        guard items.count == ids.count else { return ids }
        return items.sorted { a, b in
            if let x = bundle.threadPositions[a.id], let y = bundle.threadPositions[b.id],
                a.conversation == b.conversation
            {
                return x.line < y.line
            }
            return Timeline.isOrderedBefore(a, b)
        }.map(\.id)
    }

    /// One conversation's contexts in one incident share a key; so do its other contexts.
    private static func contextKey(_ context: [ItemID], incident: String, in bundle: EvidenceBundle)
        -> String
    {
        let items = context.compactMap { bundle.items[$0] }
        if let first = items.first, let conversation = first.conversation,
            items.allSatisfy({ $0.conversation == conversation && $0.platform == first.platform })
        {
            return "\(incident)\u{1F}\(first.platform.rawValue)\u{1F}\(conversation)"
        }
        return "\(incident)\u{1F}items"
    }

    /// The exhibits an incident's page shows, in number order.
    func exhibits(in incident: String) -> [Exhibit] {
        exhibits.filter { $0.incidents.contains(incident) }
    }

    /// The path, relative to the evidence folder, of a media exhibit's copy in an incident folder.
    static func mediaPath(of exhibit: Exhibit, file: MediaEvidence, incident: String) -> String {
        "\(incident)/media/\(exhibit.label)-\(file.fileName)"
    }

    /// The number for `subject`: the existing one (noting one more incident) or the next one.
    private mutating func number(for subject: Exhibit.Subject, in incident: String, existing: Int?)
        -> Int
    {
        if let existing {
            if !exhibits[existing - 1].incidents.contains(incident) {
                exhibits[existing - 1].incidents.append(incident)
            }
            return existing
        }
        exhibits.append(
            Exhibit(number: exhibits.count + 1, subject: subject, incidents: [incident]))
        return exhibits.count
    }
}
