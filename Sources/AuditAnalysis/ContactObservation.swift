import AuditModel
import Foundation

/// Something in the archive that involves a pupil or former pupil but is not a breach, kept so a
/// report can show that it was seen and why it was not flagged.
///
/// Examples: a friend request from a pupil that is still pending or was declined, a message from
/// a pupil that the staff member never answered, a former pupil who was already 18, an item whose
/// time the export does not give.
public struct ContactObservation: Sendable, Equatable {
    /// The item observed.
    public var item: ItemID
    /// The platform the item is from.
    public var platform: Platform
    /// What kind of item it is (a received friend request, a message…).
    public var activity: ActivityKind
    /// The item's time, or `nil` when the source gives none.
    public var occurredAt: Date?
    /// The person, as the source names them, with the pupil they were identified as.
    public var counterparty: FindingCounterparty
    /// Where the item is in the archive.
    public var source: SourceReference
    /// Why this is not a finding, in a sentence a headteacher understands.
    public var note: String

    /// Creates an observation of `item`.
    public init(item: TimelineItem, counterparty: FindingCounterparty, note: String) {
        self.item = item.id
        self.platform = item.platform
        self.activity = item.kind
        self.occurredAt = item.occurredAt
        self.counterparty = counterparty
        self.source = item.source
        self.note = note
    }
}
