/// The stable identifier of a policy rule, as used in the CLI, the database, reports and school.yaml.
public struct RuleID: RawRepresentable, Codable, Sendable, Hashable, Comparable,
    CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let workingHours = RuleID(rawValue: "working-hours")
    public static let pupilContact = RuleID(rawValue: "pupil-contact")
    public static let exPupilContact = RuleID(rawValue: "ex-pupil-contact")
    public static let confidentialDisclosure = RuleID(rawValue: "confidential-disclosure")
    public static let childIdentification = RuleID(rawValue: "child-identification")
    public static let abusiveContent = RuleID(rawValue: "abusive-content")
    public static let ageMisrepresentation = RuleID(rawValue: "age-misrepresentation")

    /// Every rule id of the contract, in the contract's order.
    public static let all: [RuleID] = [
        .workingHours, .pupilContact, .exPupilContact, .confidentialDisclosure,
        .childIdentification, .abusiveContent, .ageMisrepresentation,
    ]
}
