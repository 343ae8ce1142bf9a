import AuditModel
import AuditSchool
import Foundation

/// Every interaction in a timeline with a pupil on roll at the time, or with a former pupil who
/// was under 18 at the time; the findings of ``PupilContactRule`` and ``ExPupilContactRule``.
///
/// **Who is a pupil.** A counterparty is identified by ``PupilIdentifier`` and the match is then
/// weighed by ``IdentityWeighing``: an account school.yaml lists for an adult, an interaction
/// before the pupil was born, an adult's age in the conversation rule the pupil out (the first
/// item with that person is an observation saying why); weaker evidence against lowers the
/// confidence, and the finding names the evidence both ways.
///
/// **What counts.** For each counterparty identified as a pupil:
/// - things the staff member did at the item's time: a post tagging the pupil or written on their
///   timeline, a comment on or reply to their content, a reaction, a mention, a tag, a friend
///   request sent (accepted or not: the policy forbids requesting access), a follow request;
/// - every message, sent or received, of a one-to-one conversation in which the staff member
///   wrote at least once (one finding per message, so each carries its own evidence); in a group
///   conversation, only her own lines while the pupil was a member (from the pupil's first
///   message in it, or a line of hers greeting them by name) and the pupil's lines addressed to
///   her (see `PupilContactAnalysis+Groups.swift`);
/// - standing connections: friendships, follows and followers. Such a connection began at the
///   item's time and was still listed when the export was made, which is no earlier than the
///   archive's latest dated item; it counts if the pupil was on roll (or a former pupil under 18)
///   at any day of that span. A removed friendship existed until its removal time and is judged
///   on that day; when it began is unknown.
/// - a received friend request only once accepted: its state is `active`, or a friendship with
///   the same pupil on the same platform exists (then the friendship is the finding and the
///   request is cited as supporting evidence).
///
/// **What does not.** Received requests still pending or declined, messages in conversations the
/// staff member never wrote in, and posts, comments or tags made by the pupil: none of these is
/// the staff member's action. They become ``ContactObservation``s, as do contacts whose time
/// cannot place the pupil on roll or under 18.
///
/// **Time.** On roll on a day: admitted on or before it and not yet left (``Pupil/isOnRoll(on:)``,
/// the leaving date being the last day on roll). Age in whole years on the school-local day.
/// An item without a time cannot establish the pupil's status at the time. It is still flagged,
/// with lower confidence, when the status holds at every possible time: a connection listed in
/// the export with a pupil admitted before the archive's latest dated item and not left, or any
/// untimed item with a pupil the roster gives neither admission nor leaving date. A former pupil
/// is flagged on an untimed item only for a connection still listed at export while they were
/// under 18 on the archive's latest dated day.
///
/// **Declared links** (school.yaml `declared_links`, by the pupil's name) give status
/// `declared` and say so. Severity: high for messages, medium for everything else.
public struct PupilContactAnalysis: Sendable {
    /// The findings of both rules, in timeline order.
    public var findings: [Finding] { context.findings }
    /// Pupil-related items that are not breaches, with the reason, in timeline order.
    public var observations: [ContactObservation] { context.observations }
    /// What the analysis knows, and what it has found so far.
    private var context: Context

    /// Analyses `timeline` against the roster and staff member of `configuration`.
    /// - Parameters:
    ///   - timeline: the items to check (usually the audited period's).
    ///   - configuration: the roster, the staff member (name, declared links) and time zone.
    ///   - nicknames: the forename short forms for matching names.
    public init(
        timeline: Timeline, configuration: AuditConfiguration, nicknames: Nicknames = .standard
    ) {
        self.init(
            facts: TimelineFacts(timeline, configuration: configuration),
            configuration: configuration, nicknames: nicknames)
        for item in timeline.items { examine(item) }
    }

    /// Prepares an analysis from what a first pass gathered; the audited items are then given
    /// one by one, in timeline order, to ``examine(_:)``.
    /// - Parameters:
    ///   - facts: the facts of the whole timeline, its audited items marked.
    ///   - configuration: the roster, the staff member (name, declared links) and time zone.
    ///   - nicknames: the forename short forms for matching names.
    public init(
        facts: TimelineFacts, configuration: AuditConfiguration, nicknames: Nicknames = .standard
    ) {
        context = Context(facts: facts, configuration: configuration, nicknames: nicknames)
    }

    /// Makes the findings and observations for the next audited item in timeline order.
    public mutating func examine(_ item: TimelineItem) {
        context.examine(item)
    }

    /// How an item involves the pupils it names.
    enum Involvement: Equatable {
        /// Something that happened at the item's time.
        case atTime
        /// A connection that began at the item's time (possibly unknown) and was still listed
        /// when the export was made.
        case standing
        /// A connection that existed until the item's time.
        case endedAt
        /// Not an interaction by the staff member, for the reason given.
        case notABreach(String)
    }

    /// How the pupil's status at the time was established.
    enum Derivation: Equatable {
        /// On the item's own day.
        case itemTime
        /// On a later day: the standing connection began on `from` and still existed on
        /// `through` (the archive's latest dated day).
        case laterWhileStanding(from: LocalDay, through: LocalDay)
        /// The item has no time, but the connection was listed in the export, made after this day.
        case listedAtExport(after: LocalDay)
        /// The item has no time, and the roster gives neither admission nor leaving date.
        case alwaysOnRoll

        /// The share of the identity confidence a finding keeps for this way of knowing the time.
        var confidenceFactor: Double {
            switch self {
            case .itemTime: 1
            case .laterWhileStanding: 0.9
            case .listedAtExport: 0.85
            case .alwaysOnRoll: 0.8
            }
        }
    }

    /// A pupil's status at the time of an item.
    enum Status: Equatable {
        /// A pupil on roll on `day` (nil for an untimed item).
        case onRoll(LocalDay?, Derivation)
        /// A former pupil aged `age`, under 18, on `day`.
        case exPupil(LocalDay, age: Int, Derivation)
        /// Neither; the note says why.
        case outOfScope(String)

        /// The rule the status falls under, or `nil` when out of scope.
        var rule: RuleID? {
            switch self {
            case .onRoll: .pupilContact
            case .exPupil: .exPupilContact
            case .outOfScope: nil
            }
        }
    }
}
