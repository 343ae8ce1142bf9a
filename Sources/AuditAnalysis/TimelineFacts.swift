import AuditModel
import AuditSchool
import Foundation

/// What analysis needs to know about a whole timeline before it can judge single items, gathered
/// item by item in a first pass and small whatever the timeline's size: it grows with the
/// archives, people, conversations and connections seen, not with the items.
///
/// Some facts cover every item (``latestByArchive``: when an archive was exported does not
/// shrink to the audited period); the others cover only the items added as audited.
public struct TimelineFacts: Sendable {
    /// The audited staff member, whose own accounts are no counterparties.
    private let staff: StaffMember
    /// Per archive (SHA-256), the time of its latest dated item among all items added.
    public private(set) var latestByArchive: [String: Date] = [:]
    /// Per archive (SHA-256), the time of its latest dated audited item.
    public private(set) var latestAuditedByArchive: [String: Date] = [:]
    /// The time of the latest dated audited item.
    public private(set) var latestAudited: Date?
    /// The texts of the audited profile items, in timeline order.
    public private(set) var profileTexts: [String] = []
    /// The id–handle pairs the audited items state.
    public private(set) var directory = AccountDirectory()
    /// Conversations the staff member wrote in (``PupilContactAnalysis/Context/conversationKey(of:)``),
    /// with their first message by the staff member.
    private(set) var conversationsWithOwner: [String: ItemID] = [:]
    /// Every counterparty of an audited item, on its platform, but the staff member.
    private(set) var people: Set<PupilContactAnalysis.PersonOnPlatform> = []
    /// Every counterparty of an audited item, on its platform.
    private var examined: Set<PupilContactAnalysis.PersonOnPlatform> = []
    /// The audited friendships and received friend requests, in timeline order.
    private(set) var connections: [Connection] = []
    /// Per counterparty and platform, the earliest dated audited item with them: an
    /// interaction before a pupil was born cannot be with that pupil (``IdentityWeighing``).
    private(set) var earliestWith: [PupilContactAnalysis.PersonOnPlatform: Date] = [:]
    /// Per counterparty and platform, what one-to-one conversations with them say.
    private(set) var clues: [PupilContactAnalysis.PersonOnPlatform: ConversationClues] = [:]
    /// Group conversations (``PupilContactAnalysis/Context/conversationKey(of:)``): those whose
    /// messages name more than one other person.
    private(set) var groupConversations: Set<String> = []
    /// Per group conversation and member, the first message the member wrote in it.
    private(set) var firstMessageInGroup: [String: [Person: Date]] = [:]
    /// Per conversation and person, the first message listing the person among its
    /// counterparties when earlier messages did not: when the chat export shows them joining
    /// (WhatsApp's "added" and "joined" notices, ``WhatsAppChat/absentees()``).
    private(set) var joinedGroup: [String: [Person: Date]] = [:]
    /// The people each conversation's messages have listed so far.
    private var listedIn: [String: Set<Person>] = [:]

    /// A friendship or received friend request, with the people it names.
    struct Connection: Sendable {
        var id: ItemID
        var kind: ActivityKind
        var platform: Platform
        var counterparties: [Person]
    }

    /// Empty facts, to which items are added in timeline order.
    /// - Parameter configuration: the audit's configuration (its staff member).
    public init(configuration: AuditConfiguration) {
        staff = configuration.staff
    }

    /// The facts of `timeline`, every item of it audited.
    public init(_ timeline: Timeline, configuration: AuditConfiguration) {
        self.init(configuration: configuration)
        for item in timeline.items { add(item, isAudited: true) }
    }

    /// The facts of the timeline `source` reads, its items in the period of `configuration`
    /// audited; the source need give texts only of profile items and no raw fragment.
    /// - Throws: what reading `source` throws.
    public init<Source: TimelineSource>(source: Source, configuration: AuditConfiguration)
        throws(Source.Failure)
    {
        self.init(configuration: configuration)
        let isWhole = configuration.from == nil && configuration.to == nil
        var facts = self
        try source.forEachBatch { batch in
            for item in batch {
                facts.add(item, isAudited: isWhole || configuration.isInPeriod(item))
            }
        }
        self = facts
    }

    /// Adds the next item in timeline order.
    /// - Parameters:
    ///   - item: the item.
    ///   - isAudited: whether the item is in the audited period.
    public mutating func add(_ item: TimelineItem, isAudited: Bool) {
        if let instant = item.occurredAt {
            let archive = item.source.archiveSHA256
            latestByArchive[archive] = max(latestByArchive[archive] ?? instant, instant)
            if isAudited {
                latestAuditedByArchive[archive] = max(
                    latestAuditedByArchive[archive] ?? instant, instant)
                latestAudited = max(latestAudited ?? instant, instant)
            }
        }
        guard isAudited else { return }
        if item.kind == .profile, let text = item.text { profileTexts.append(text) }
        directory.add(item)
        if item.kind == .message, item.isAuthoredByOwner {
            // Timeline order is time order: the first one seen is the earliest.
            let key = PupilContactAnalysis.Context.conversationKey(of: item)
            if conversationsWithOwner[key] == nil { conversationsWithOwner[key] = item.id }
        }
        if item.kind == .message {
            let conversation = PupilContactAnalysis.Context.conversationKey(of: item)
            if item.counterparties.count > 1 { groupConversations.insert(conversation) }
            if let instant = item.occurredAt {
                let isFirst = listedIn[conversation] == nil
                for person in item.counterparties
                where listedIn[conversation, default: []].insert(person).inserted && !isFirst {
                    joinedGroup[conversation, default: [:]][person] = instant
                }
            }
            if let author = item.author, !item.isAuthoredByOwner, let instant = item.occurredAt,
                firstMessageInGroup[conversation]?[author] == nil
            {
                firstMessageInGroup[conversation, default: [:]][author] = instant
            }
            if item.counterparties.count == 1, let text = item.text {
                let key = PupilContactAnalysis.PersonOnPlatform(
                    person: item.counterparties[0], platform: item.platform)
                clues[key, default: ConversationClues()].read(
                    text, isByOwner: item.isAuthoredByOwner)
            }
        }
        for person in item.counterparties {
            let key = PupilContactAnalysis.PersonOnPlatform(person: person, platform: item.platform)
            if let instant = item.occurredAt, instant < earliestWith[key] ?? .distantFuture {
                earliestWith[key] = instant
            }
            // Whether a person is the staff member is asked once per person, not per item.
            if examined.insert(key).inserted,
                !PupilContactAnalysis.Context.isStaff(person, staff, item.platform)
            {
                people.insert(key)
            }
        }
        // A block is no friendship: it never stands for an accepted request.
        if item.connectionState != .blocked,
            item.kind == .friend || item.kind == .friendRequestReceived
        {
            connections.append(
                Connection(
                    id: item.id, kind: item.kind, platform: item.platform,
                    counterparties: item.counterparties))
        }
    }
}
