import AuditAnalysis
import AuditModel
import AuditReport
import AuditSchool
import Foundation

/// A self-check report in plain words for the staff member: what was checked, what was found
/// with a few examples, and what they can do about it.
public struct SelfCheckSummary: Sendable {
    /// The line width the text is wrapped to.
    public var width: Int
    /// How many examples to show per rule.
    public var examples: Int

    public init(width: Int = 92, examples: Int = 5) {
        self.width = width
        self.examples = examples
    }

    /// The summary's text, ending with a newline.
    public func text(of report: SelfCheckReport) -> String {
        var lines: [String] = []
        func say(_ text: String, indent: Int = 0, hanging: Int? = nil) {
            lines += wrap(text, indent: indent, hanging: hanging ?? indent)
        }
        let configuration = report.configuration
        let zone = configuration.timeZone
        say("Self-check for \(configuration.staff.name) at \(configuration.school.school.name)")
        say(
            "Private: nothing has been saved and nobody has been told. This is only a guide to "
                + "the school's social media policy, not a decision about your conduct.")
        lines.append("")
        say("WHAT WAS CHECKED")
        for archive in report.archives {
            var text =
                "\(archive.platform.displayName) export \(archive.path): \(archive.itemCount) items"
            let times =
                archive.coverage.compactMap(\.earliest) + archive.coverage.compactMap(\.latest)
            if let first = times.min(), let last = times.max() {
                text += " from \(Self.day(first, zone)) to \(Self.day(last, zone))"
            }
            text += "."
            // Only parts that could not be understood went unchecked: files read and left
            // out on purpose (settings, searches) and caveats on imported items did not.
            let unreadable = archive.unparsed.filter { $0.kind == .unreadable }
            if !unreadable.isEmpty {
                let files = unreadable.prefix(3).map(\.file).joined(separator: ", ")
                text += " \(unreadable.count) part(s) could not be read and were not checked"
                text += " (\(files)\(unreadable.count > 3 ? ", …" : ""))."
            }
            say("- " + text, indent: 2, hanging: 4)
            // What the export cannot show (Snapchat's unsaved chats and snaps' content).
            for caveat in archive.unparsed where caveat.kind == .caveat && caveat.locator == nil {
                say(
                    "Note: " + caveat.reason.prefix(1).uppercased() + caveat.reason.dropFirst()
                        + ".", indent: 4, hanging: 4)
            }
        }
        let period = EvidenceBundle.Period(
            from: configuration.from?.description, to: configuration.to?.description)
        say(
            "- Period: \(period.summary); \(report.itemsChecked) items in it"
                + (report.itemsWithoutTime > 0
                    ? ", \(report.itemsWithoutTime) of them without a time (these cannot be "
                        + "checked against working hours)." : "."),
            indent: 2, hanging: 4)
        switch report.pupilCheck {
        case .roster(let pupils):
            say(
                "- Pupils: checked against the school's roster of \(pupils) pupils.", indent: 2,
                hanging: 4)
        case .digest(let entries, let madeOn):
            say(
                "- Pupils: checked against the school's roster digest (\(entries) pupils, made on "
                    + "\(madeOn)). Only exact names and known handles can be matched; a pupil using "
                    + "a nickname the roster does not list will not be found.",
                indent: 2, hanging: 4)
        case .none:
            say(
                "- Pupils: NOT checked (no roster or roster digest was given), so contact with "
                    + "pupils was not looked for.", indent: 2, hanging: 4)
        }
        lines.append("")
        say("WHAT IT FOUND")
        if !report.needsAttention {
            say(
                "Nothing the checks look for. That is not a guarantee: the check only sees what "
                    + "the export contains, and only the rules it has.", indent: 2)
        }
        var number = 0
        let byRule = Dictionary(grouping: report.findings, by: \.rule)
        for rule in RuleID.all + byRule.keys.filter({ !RuleID.all.contains($0) }).sorted() {
            guard let findings = byRule[rule], !findings.isEmpty else { continue }
            number += 1
            let days = Set(
                findings.compactMap(\.occurredAt).map { LocalDay.containing($0, in: zone) })
            var heading =
                "\(number). \(SelfCheckAdvice.heading(for: rule)): \(findings.count) "
                + (findings.count == 1 ? "item" : "items")
            if days.count > 1 { heading += " on \(days.count) days" }
            let declared = findings.filter { $0.status == .declared }.count
            if declared > 0 { heading += " (\(declared) covered by a link you have declared)" }
            say(heading, indent: 2, hanging: 5)
            if let clause = configuration.school.policy[rule.rawValue] {
                say(
                    "The policy says\(clause.section.map { " (\($0))" } ?? ""): “\(clause.text)”",
                    indent: 5)
            }
            for finding in findings.suffix(examples).reversed() {
                let when = finding.occurredAt.map { Self.moment($0, zone) } ?? "no time"
                var line =
                    "- \(when): \(finding.platform.displayName) \(finding.activity.displayName)"
                if let who = finding.counterparty?.name {
                    let isContact = finding.rule == .pupilContact || finding.rule == .exPupilContact
                    line += isContact ? " with \(who)" : " about \(who)"
                }
                if let excerpt = finding.excerpt { line += " — “\(Self.shorten(excerpt))”" }
                say(line, indent: 5, hanging: 7)
            }
            if findings.count > examples {
                say("… and \(findings.count - examples) more (most recent shown).", indent: 5)
            }
        }
        if !report.digestContacts.isEmpty {
            number += 1
            say(
                "\(number). People who have the name or handle of a pupil on the school's roster: "
                    + "\(report.digestContacts.count)", indent: 2, hanging: 5)
            say(
                "A name match may be someone else with the same name; a handle match is "
                    + "stronger. Ages are by calendar year, from the digest.", indent: 5)
            for contact in report.digestContacts {
                say("- " + describe(contact, configuration: configuration), indent: 5, hanging: 7)
            }
        }
        lines.append("")
        say("WHAT YOU CAN DO")
        var advice: [String] = []
        for rule in RuleID.all where byRule[rule]?.isEmpty == false {
            advice.append(SelfCheckAdvice.advice(for: rule))
        }
        if !report.digestContacts.isEmpty {
            advice.append(SelfCheckAdvice.digestAdvice)
        }
        if advice.isEmpty {
            advice.append(
                "Nothing to do. Keep personal accounts private and separate from school life.")
        }
        advice.append(
            "If you are unsure about anything here, talk to your headteacher or your union "
                + "representative. You can run this check again at any time.")
        for item in advice { say("- " + item, indent: 2, hanging: 4) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(_ contact: DigestContact, configuration: AuditConfiguration) -> String {
        let names = contact.labels.map { "“\($0)”" }.joined(separator: " / ")
        var text = names
        text +=
            contact.onRoll
            ? " — a pupil on roll when the digest was made"
            : " — a former pupil"
        if let age = contact.youngestAgeByYear, !contact.onRoll {
            if age <= 17 {
                text += ", under 18 at the time (born \(contact.birthYear.map(String.init) ?? "?"))"
            } else if age == 18 {
                text += ", possibly still 17 at the time"
            } else {
                text += ", an adult at the time"
            }
        }
        let kinds = Dictionary(grouping: contact.items, by: Self.kindLabel)
            .map { label, items in
                items.count == 1 ? "1 \(label)" : "\(items.count) \(label)s"
            }
            .sorted().joined(separator: ", ")
        text += ". In your export: \(kinds)"
        let times = contact.items.compactMap(\.occurredAt)
        if let first = times.min(), let last = times.max() {
            let zone = configuration.timeZone
            let (from, to) = (Self.day(first, zone), Self.day(last, zone))
            text += from == to ? " (\(from))" : " (\(from) to \(to))"
        }
        text += "."
        let declared = configuration.staff.declaredLinks.first { link in
            contact.labels.contains {
                NameNormalization.key($0) == NameNormalization.key(link.pupil)
            }
        }
        if let declared {
            text += " You have declared this link (\(declared.relationship)) to the headteacher."
        }
        if contact.matchedByHandle { text += " Matched by a known handle." }
        return text
    }

    // MARK: - Text helpers

    /// "friend request received (pending)": the kind, with a connection's state when it matters.
    static func kindLabel(_ item: TimelineItem) -> String {
        let kind = item.kind.displayName
        switch item.connectionState {
        case .pending?: return kind + " (pending)"
        case .rejected?: return kind + " (declined)"
        case .removed?: return kind + " (since removed)"
        case .blocked?: return kind + " (blocked)"
        case .active?, nil: return kind
        }
    }

    static func day(_ date: Date, _ zone: TimeZone) -> String {
        LocalDay.containing(date, in: zone).description
    }

    static func moment(_ date: Date, _ zone: TimeZone) -> String {
        let local = ZonedDateTime(date, in: zone)
        let clock = String(local.clock.prefix(5))
        return "\(local.readableDate) at \(clock)"
    }

    static func shorten(_ text: String, to length: Int = 70) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > length ? String(flat.prefix(length - 1)) + "…" : flat
    }

    /// Word-wraps `text` to ``width``: the first line indented by `indent`, the rest by `hanging`.
    func wrap(_ text: String, indent: Int, hanging: Int) -> [String] {
        var lines: [String] = []
        var current = String(repeating: " ", count: indent)
        var isLineEmpty = true
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !isLineEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = String(repeating: " ", count: hanging)
                isLineEmpty = true
            }
            current += (isLineEmpty ? "" : " ") + word
            isLineEmpty = false
        }
        lines.append(current)
        return lines
    }
}
