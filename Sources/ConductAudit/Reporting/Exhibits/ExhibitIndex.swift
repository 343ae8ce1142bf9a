/// The numbered exhibits of a bundle, in the order a hearing bundle would hold them.
///
/// For each incident in order, for each of its findings in order: the finding's item, its
/// supporting items, their attached media files, then the context shown around the finding. An
/// exhibit shown by several incidents keeps the number it first received.
struct ExhibitIndex: Equatable {
    private(set) var exhibits: [Exhibit] = []
    private var itemNumbers: [ItemID: Int] = [:]
    private var mediaNumbers: [MediaKey: Int] = [:]
    private var attachmentNumbers: [ItemID: [Int: Int]] = [:]
    private var contextNumbers: [FindingID: Int] = [:]

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
                    contextNumbers[finding.id] = number(
                        for: .context(finding.id), in: incident.id, existing: nil)
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
