import AuditAnalysis
import AuditModel
import AuditSchool
import Foundation

/// The kind of matter an incident is, which decides what the school does next under Part four
/// of Keeping Children Safe in Education.
public enum MatterKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// May meet the harms threshold (Part four, Section one): the designated officer (LADO) is
    /// consulted first.
    case harmsThreshold = "harms-threshold"
    /// A concern that does not meet the harm threshold (Part four, Section two).
    case lowLevelConcern = "low-level-concern"
    /// A breach of the school's conduct rules handled under its disciplinary procedure.
    case conduct

    private var rank: Int {
        switch self {
        case .harmsThreshold: 2
        case .lowLevelConcern: 1
        case .conduct: 0
        }
    }

    /// Harms-threshold matters are the most serious.
    public static func < (lhs: MatterKind, rhs: MatterKind) -> Bool { lhs.rank < rhs.rank }

    /// "May meet the harms threshold".
    public var title: String {
        switch self {
        case .harmsThreshold: "May meet the harms threshold"
        case .lowLevelConcern: "Low-level concern"
        case .conduct: "Conduct matter"
        }
    }

    /// What an incident's findings make it.
    ///
    /// Private messages with a pupil, any contact with a former pupil under 18, a disclosure of a
    /// named pupil's safeguarding matter and an adult presenting as a child may meet the harms
    /// threshold; other contact with pupils and photos identifying children are low-level
    /// concerns; working-hours use, disparaging the school and other disclosures are conduct
    /// matters.
    public static func of(rule: RuleID, findings: [Finding]) -> MatterKind {
        switch rule {
        case .pupilContact:
            return findings.contains { $0.activity == .message }
                ? .harmsThreshold : .lowLevelConcern
        case .exPupilContact, .ageMisrepresentation:
            return .harmsThreshold
        case .confidentialDisclosure:
            let namesPupilSafeguarding = findings.contains { finding in
                let labels = finding.highlights.map(\.label)
                return labels.contains("pupil's name")
                    && labels.contains { $0.localizedCaseInsensitiveContains("safeguarding") }
            }
            return namesPupilSafeguarding ? .harmsThreshold : .conduct
        case .childIdentification:
            return .lowLevelConcern
        default:
            return .conduct
        }
    }
}

/// What the school does next about one kind of matter, with the guidance it follows.
public struct NextStep: Sendable, Equatable {
    public var kind: MatterKind
    /// What to do, in plain sentences (the school's wording when school.yaml gives one).
    public var text: String
    /// Where the step comes from: the guidance's edition, part and section.
    public var citation: String
    /// How to reach the local designated officer, when school.yaml names one.
    public var ladoContact: String?

    /// The edition cited when school.yaml names none.
    public static let defaultGuidance = "Keeping children safe in education 2025"

    /// The step for `kind`, in the school's wording when it gives one.
    public init(_ kind: MatterKind, settings: NextStepsSettings = NextStepsSettings()) {
        self.kind = kind
        let guidance = settings.guidance ?? Self.defaultGuidance
        switch kind {
        case .harmsThreshold:
            text =
                settings.harmsThreshold
                ?? "Before any investigation, and within one working day, the headteacher (or the "
                + "chair of governors, if the concern is about the headteacher) consults the local "
                + "authority designated officer (LADO) and follows their advice. The staff member "
                + "is told only after that consultation, and only what the LADO agrees may be "
                + "shared. Record the outcome here afterwards."
            citation =
                "\(guidance), Part four, Section one: Allegations that may meet the harms "
                + "threshold"
            ladoContact = settings.ladoContact
        case .lowLevelConcern:
            text =
                settings.lowLevelConcern
                ?? "Does not appear to meet the harms threshold, but is inconsistent with the staff "
                + "code of conduct. Share it with the designated safeguarding lead and record and "
                + "handle it under the school's low-level concerns policy; consult the LADO if it "
                + "turns out to meet the threshold or forms a pattern with other concerns."
            citation =
                "\(guidance), Part four, Section two: Concerns that do not meet the harm "
                + "threshold"
            ladoContact = nil
        case .conduct:
            text =
                settings.conduct
                ?? "A breach of the school's social media policy that does not concern a child's "
                + "safety: handle it under the school's disciplinary procedure (an informal "
                + "conversation may be enough for a first, minor breach)."
            citation = "The school's disciplinary procedure and social media policy"
            ladoContact = nil
        }
    }
}
