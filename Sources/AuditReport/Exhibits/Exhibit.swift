import AuditAnalysis
import AuditModel

/// One numbered exhibit of an evidence folder: a cited item, an attached media file, or the
/// context shown around a finding.
///
/// Numbers run through the whole folder in incident order, so "Exhibit 7" means one thing in the
/// index, on the incident page, in the JSON and in the disclosure copy alike.
struct Exhibit: Encodable, Equatable {
    /// What the exhibit is.
    enum Subject: Equatable {
        /// A timeline item a finding cites, with its raw source fragment.
        case item(ItemID)
        /// A media file attached to a cited item (the first item citing it, and the attachment's
        /// index among that item's attachments), copied from the archive.
        case media(item: ItemID, attachment: Int)
        /// The items shown around a finding: a numbered thread transcript or the day's items.
        case context(FindingID)
    }

    /// The exhibit's number, from 1.
    var number: Int
    var subject: Subject
    /// The incidents whose pages show the exhibit, first one first.
    var incidents: [String]
    /// For a context exhibit, the findings whose context it shows (one transcript per
    /// conversation per incident), first one first.
    var findings: [FindingID] = []

    /// "E7": the short label used in file names and anchors.
    var label: String { "E\(number)" }

    private enum CodingKeys: String, CodingKey {
        case number, label, kind, item, attachment, finding, findings, incidents
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(label, forKey: .label)
        try container.encode(incidents, forKey: .incidents)
        switch subject {
        case .item(let id):
            try container.encode("item", forKey: .kind)
            try container.encode(id, forKey: .item)
        case .media(let item, let attachment):
            try container.encode("media", forKey: .kind)
            try container.encode(item, forKey: .item)
            try container.encode(attachment, forKey: .attachment)
        case .context(let id):
            try container.encode("context", forKey: .kind)
            try container.encode(id, forKey: .finding)
            try container.encode(findings.isEmpty ? [id] : findings, forKey: .findings)
        }
    }
}
