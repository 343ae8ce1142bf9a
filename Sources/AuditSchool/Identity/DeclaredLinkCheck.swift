/// Checks that every family link a staff member declared names exactly one pupil on the roster.
///
/// A declared link turns pupil-contact findings into `declared` ones; a typo in the pupil's name
/// ("Maisy Hale") would silently leave the niece's friendship as an open breach, so an audit
/// refuses to run with a link that names no pupil, or several.
public enum DeclaredLinkCheck {
    /// Sentences describing each declared link of `staff` that does not name exactly one pupil
    /// (by legal or preferred name, ignoring accents, case and punctuation); empty when all do.
    public static func problems(for staff: StaffMember, roster: Roster) -> [String] {
        let identifier = PupilIdentifier(roster: roster)
        var problems: [String] = []
        for (index, link) in staff.declaredLinks.enumerated() {
            let exact = identifier.displayNameMatches(for: link.pupil).filter {
                $0.confidence >= 0.88
            }
            let place = "staff '\(staff.name)' declared_links[\(index)]"
            if exact.isEmpty {
                problems.append(
                    "\(place) names the pupil '\(link.pupil)', who is not on the roster; check the spelling against the roster's legal or preferred name"
                )
            } else if exact.count > 1 {
                let ids = exact.map { "\($0.pupil.legalName) (\($0.pupil.id))" }.joined(
                    separator: ", ")
                problems.append(
                    "\(place) names '\(link.pupil)', which matches several pupils: \(ids); the link cannot be applied"
                )
            }
        }
        return problems
    }
}
