import AuditModel
import Foundation
import Yams

/// Turns the text of school.yaml into a checked ``SchoolConfiguration``.
///
/// It walks Yams' node tree rather than decoding with `Codable`, for two reasons: every scalar is
/// read as the text the user wrote (so `2024-05-06` never becomes a UTC-midnight `Date`, and `8:30`
/// never becomes the base-60 integer 510), and every node keeps its line, so an error can say
/// "line 14, staff[0].lunch.start". Unknown keys are errors: a misspelt `absences` must not
/// silently drop a period of leave.
struct SchoolConfigurationReader {
    /// The file name used in error messages.
    let file: String

    /// Parses and checks the whole file.
    /// - Throws: ``SchoolConfigurationError`` for the first problem found.
    func read(yaml: String) throws -> SchoolConfiguration {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw SchoolConfigurationError.malformedYAML(
                    file: file, line: nil,
                    reason: "the file is empty (it should start with 'school:')")
            }
            root = node
        } catch let error as YamlError {
            throw malformed(error)
        }
        let top = try fields(
            of: root, at: "",
            accepted: [
                "school", "working_hours", "terms", "closures", "inset_days", "in_service_days",
                "staff", "governors", "known_adults", "lexicons", "policy", "next_steps",
            ])

        let school = try readSchool(
            top.required("school", expected: "a mapping with name, timezone and region"))
        let workingHours = try readWorkingHours(
            top.required("working_hours", expected: "a mapping with days, start, end and lunch"))
        let termsNode = try top.required(
            "terms", expected: "a list of {start: yyyy-MM-dd, end: yyyy-MM-dd}")
        let terms = try list(termsNode).map { try readDayRange($0, endIsOptional: false) }
        if terms.isEmpty {
            throw SchoolConfigurationError.invalidValue(
                file: file, keyPath: termsNode.path, line: termsNode.line, found: "[]",
                expected: "at least one term such as {start: 2024-01-08, end: 2024-02-09}")
        }
        let closures = try top.optional("closures").map { try list($0).map { try day($0) } } ?? []
        // Scottish schools call their training days in-service days: either key may list them.
        let insetDays =
            try (top.optional("inset_days").map { try list($0).map { try day($0) } } ?? [])
            + (top.optional("in_service_days").map { try list($0).map { try day($0) } } ?? [])
        let staff =
            try top.optional("staff").map {
                try list($0).map { try readStaffMember($0, defaults: workingHours) }
            } ?? []
        try checkUniqueNames(staff, in: top.optional("staff"))
        let governors =
            try top.optional("governors").map {
                try list($0).map { try readKnownAdult($0, group: .governor) }
            } ?? []
        let knownAdults =
            try top.optional("known_adults").map {
                try list($0).map { try readKnownAdult($0, group: .knownAdult) }
            } ?? []
        let lexicons = try top.optional("lexicons").map(readLexicons) ?? Lexicons()
        let policy = try top.optional("policy").map(readPolicy) ?? [:]
        var configuration = SchoolConfiguration(
            school: school, workingHours: workingHours, terms: terms, closures: closures,
            insetDays: insetDays,
            staff: staff, governors: governors, knownAdults: knownAdults, lexicons: lexicons,
            policy: policy)
        configuration.nextSteps =
            try top.optional("next_steps").map(readNextSteps) ?? NextStepsSettings()
        return configuration
    }

    private func readNextSteps(_ node: LocatedNode) throws -> NextStepsSettings {
        let map = try fields(
            of: node.node, at: node.path,
            accepted: [
                "lado_contact", "guidance", "harms_threshold", "low_level_concern", "conduct",
            ])
        return NextStepsSettings(
            ladoContact: try map.optional("lado_contact").map(text),
            guidance: try map.optional("guidance").map(text),
            harmsThreshold: try map.optional("harms_threshold").map(text),
            lowLevelConcern: try map.optional("low_level_concern").map(text),
            conduct: try map.optional("conduct").map(text))
    }

    // MARK: - Sections

    private func readSchool(_ node: LocatedNode) throws -> SchoolProfile {
        let map = try fields(
            of: node.node, at: node.path, accepted: ["name", "aliases", "timezone", "region"])
        let name = try text(map.required("name", expected: "the school's name"))
        let aliases = try map.optional("aliases").map { try list($0).map { try text($0) } } ?? []
        let zoneNode = try map.required(
            "timezone", expected: "an IANA time zone name such as Europe/London")
        let zoneName = try text(zoneNode)
        guard let zone = TimeZone(identifier: zoneName) else {
            throw invalid(
                zoneNode, found: zoneName, expected: "an IANA time zone name such as Europe/London")
        }
        let regionNode = try map.required("region", expected: Self.regionNames)
        let regionText = try text(regionNode)
        let regionName = regionText.lowercased()
        // A nation names its bank holidays and its school words; england-and-wales reads both
        // nations' words.
        if let nation = UKNation(rawValue: regionName) {
            return SchoolProfile(
                name: name, aliases: aliases, timeZone: zone, region: nation.bankHolidayRegion,
                nations: [nation])
        }
        guard let region = BankHolidayRegion(rawValue: regionName) else {
            throw invalid(regionNode, found: regionText, expected: Self.regionNames)
        }
        return SchoolProfile(name: name, aliases: aliases, timeZone: zone, region: region)
    }

    private func readWorkingHours(_ node: LocatedNode) throws -> WorkingPattern {
        let map = try fields(
            of: node.node, at: node.path, accepted: ["days", "start", "end", "lunch"])
        let days = try map.optional("days").map(weekdays) ?? [.mon, .tue, .wed, .thu, .fri]
        let startNode = try map.required("start", expected: Self.timeFormat)
        let endNode = try map.required("end", expected: Self.timeFormat)
        let pattern = WorkingPattern(
            days: days, start: try time(startNode), end: try time(endNode),
            lunch: try map.optional("lunch").map(readLunch))
        try check(
            pattern, endNode: endNode, lunchNode: map.optional("lunch"), who: "the working day")
        return pattern
    }

    private func readStaffMember(_ node: LocatedNode, defaults: WorkingPattern) throws
        -> StaffMember
    {
        let map = try fields(
            of: node.node, at: node.path,
            accepted: [
                "name", "role", "accounts", "days", "start", "end", "lunch", "absences",
                "declared_links",
            ])
        let name = try text(
            map.required("name", expected: "the staff member's name as used with --staff"))
        var member = StaffMember(name: name)
        member.role = try map.optional("role").map(text)
        member.accounts = try map.optional("accounts").map(readAccounts) ?? [:]
        member.days = try map.optional("days").map(weekdays)
        member.start = try map.optional("start").map(time)
        member.end = try map.optional("end").map(time)
        member.lunch = try map.optional("lunch").map(readLunch)
        member.absences =
            try map.optional("absences").map {
                try list($0).map(readAbsence)
            } ?? []
        member.declaredLinks =
            try map.optional("declared_links").map {
                try list($0).map(readDeclaredLink)
            } ?? []
        let pattern = member.workingPattern(default: defaults)
        // Only a lunch given for this member must lie inside their day: an inherited school lunch
        // outside a part-time member's shorter day simply takes nothing away.
        try check(
            WorkingPattern(
                days: pattern.days, start: pattern.start, end: pattern.end, lunch: member.lunch),
            endNode: map.optional("end") ?? map.optional("start") ?? node,
            lunchNode: map.optional("lunch"),
            who: "\(name)'s working day")
        return member
    }

    private func readKnownAdult(_ node: LocatedNode, group: KnownAdult.Group) throws
        -> KnownAdult
    {
        let map = try fields(of: node.node, at: node.path, accepted: ["name", "role", "accounts"])
        return KnownAdult(
            name: try text(map.required("name", expected: "the person's full name")),
            role: try map.optional("role").map(text),
            accounts: try map.optional("accounts").map(readAccounts) ?? [:], group: group)
    }

    private func readAccounts(_ node: LocatedNode) throws -> [Platform: String] {
        let accepted = Platform.allCases.map(\.rawValue)
        let map = try fields(of: node.node, at: node.path, accepted: accepted)
        var accounts: [Platform: String] = [:]
        for platform in Platform.allCases {
            if let value = map.optional(platform.rawValue) {
                accounts[platform] = try text(value)
            }
        }
        return accounts
    }

    private func readLunch(_ node: LocatedNode) throws -> TimeRange {
        let map = try fields(of: node.node, at: node.path, accepted: ["start", "end"])
        let startNode = try map.required("start", expected: Self.timeFormat)
        let endNode = try map.required("end", expected: Self.timeFormat)
        let range = TimeRange(start: try time(startNode), end: try time(endNode))
        guard range.start < range.end else {
            throw inconsistent(
                endNode, "lunch ends (\(range.end)) before or when it starts (\(range.start))")
        }
        return range
    }

    private func readAbsence(_ node: LocatedNode) throws -> Absence {
        let map = try fields(of: node.node, at: node.path, accepted: ["start", "end", "reason"])
        let range = try readDayRange(node, endIsOptional: true)
        return Absence(range: range, reason: try map.optional("reason").map(text))
    }

    private func readDeclaredLink(_ node: LocatedNode) throws -> DeclaredLink {
        let map = try fields(of: node.node, at: node.path, accepted: ["pupil", "relationship"])
        return DeclaredLink(
            pupil: try text(map.required("pupil", expected: "the pupil's name as on the roster")),
            relationship: try text(
                map.required("relationship", expected: "how they are related, such as niece")))
    }

    private func readLexicons(_ node: LocatedNode) throws -> Lexicons {
        let map = try fields(of: node.node, at: node.path, accepted: ["confidential", "abusive"])
        return Lexicons(
            confidential: try map.optional("confidential").map { try list($0).map(text) } ?? [],
            abusive: try map.optional("abusive").map { try list($0).map(text) } ?? [])
    }

    private func readPolicy(_ node: LocatedNode) throws -> [String: PolicyClause] {
        let accepted = RuleID.all.map(\.rawValue)
        let map = try fields(of: node.node, at: node.path, accepted: accepted)
        var policy: [String: PolicyClause] = [:]
        for rule in accepted {
            guard let clauseNode = map.optional(rule) else { continue }
            if case .scalar = clauseNode.node {
                policy[rule] = PolicyClause(text: try text(clauseNode))
                continue
            }
            let clause = try fields(
                of: clauseNode.node, at: clauseNode.path, accepted: ["section", "text"])
            policy[rule] = PolicyClause(
                section: try clause.optional("section").map(text),
                text: try text(
                    clause.required("text", expected: "the clause text as in the school's policy")))
        }
        return policy
    }

    private func readDayRange(_ node: LocatedNode, endIsOptional: Bool) throws -> DayRange {
        let accepted = endIsOptional ? ["start", "end", "reason"] : ["start", "end"]
        let map = try fields(of: node.node, at: node.path, accepted: accepted)
        let start = try day(map.required("start", expected: Self.dayFormat))
        let endNode =
            endIsOptional ? map.optional("end") : try map.required("end", expected: Self.dayFormat)
        guard let endNode else { return DayRange(start: start, end: start) }
        let end = try day(endNode)
        guard start <= end else {
            throw inconsistent(endNode, "the range ends (\(end)) before it starts (\(start))")
        }
        return DayRange(start: start, end: end)
    }

    // MARK: - Checks

    private func check(
        _ pattern: WorkingPattern, endNode: LocatedNode, lunchNode: LocatedNode?, who: String
    ) throws {
        guard pattern.start < pattern.end else {
            throw inconsistent(
                endNode, "\(who) ends (\(pattern.end)) before or when it starts (\(pattern.start))")
        }
        if let lunch = pattern.lunch, let lunchNode,
            lunch.start < pattern.start || lunch.end > pattern.end
        {
            throw inconsistent(
                lunchNode, "lunch (\(lunch)) is not inside \(who) (\(pattern.day))"
            )
        }
        if pattern.days.isEmpty {
            throw inconsistent(
                endNode, "\(who) has no days; list at least one of \(Self.weekdayNames)")
        }
    }

    private func checkUniqueNames(_ staff: [StaffMember], in node: LocatedNode?) throws {
        var seen: Set<String> = []
        for (index, member) in staff.enumerated() {
            let key = member.name.trimmingCharacters(in: .whitespaces).lowercased()
            guard seen.insert(key).inserted else {
                let path = "\(node?.path ?? "staff")[\(index)].name"
                throw SchoolConfigurationError.inconsistent(
                    file: file, keyPath: path, line: node.flatMap { itemLine($0, index) },
                    problem:
                        "'\(member.name)' is listed twice; "
                        + "staff names must be unique (ignoring case)"
                )
            }
        }
    }

    private func itemLine(_ node: LocatedNode, _ index: Int) -> Int? {
        guard case .sequence(let sequence) = node.node, index < sequence.count else {
            return node.line
        }
        return sequence[index].mark?.line
    }

    // MARK: - Values

    private static let timeFormat = "HH:mm such as 08:30"
    private static let dayFormat = "a date yyyy-MM-dd such as 2024-01-08"
    private static let weekdayNames = Weekday.allCases.map(\.rawValue).joined(separator: ", ")
    private static let regionNames =
        "one of "
        + (BankHolidayRegion.allCases.map(\.rawValue) + [UKNation.england, .wales].map(\.rawValue))
        .joined(separator: ", ")

    private func text(_ node: LocatedNode) throws -> String {
        guard case .scalar(let scalar) = node.node else {
            throw invalid(node, found: describe(node.node), expected: "a single value (text)")
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else {
            throw invalid(node, found: "", expected: "a value, not an empty one")
        }
        return value
    }

    private func time(_ node: LocatedNode) throws -> LocalTime {
        let value = try text(node)
        guard let time = LocalTime(string: value) else {
            throw invalid(node, found: value, expected: Self.timeFormat)
        }
        return time
    }

    private func day(_ node: LocatedNode) throws -> LocalDay {
        let value = try text(node)
        guard let day = LocalDay(iso: value) else {
            throw invalid(node, found: value, expected: Self.dayFormat)
        }
        return day
    }

    private func weekdays(_ node: LocatedNode) throws -> [Weekday] {
        try list(node).map { item in
            let value = try text(item)
            guard let weekday = Weekday(name: value) else {
                throw invalid(item, found: value, expected: "one of \(Self.weekdayNames)")
            }
            return weekday
        }
    }

    private func list(_ node: LocatedNode) throws -> [LocatedNode] {
        guard case .sequence(let sequence) = node.node else {
            throw invalid(
                node, found: describe(node.node),
                expected: "a list, such as [a, b] or lines starting with '- '")
        }
        return sequence.enumerated().map {
            LocatedNode(node: $0.element, path: "\(node.path)[\($0.offset)]")
        }
    }

    private func fields(of node: Node, at path: String, accepted: [String]) throws -> Fields {
        guard case .mapping(let mapping) = node else {
            throw invalid(
                LocatedNode(node: node, path: path), found: describe(node),
                expected: "a mapping of keys to values")
        }
        var entries: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            guard accepted.contains(key) else {
                throw SchoolConfigurationError.unknownKey(
                    file: file, keyPath: keyPath, line: keyNode.mark?.line, accepted: accepted)
            }
            entries[key] = value
        }
        return Fields(reader: self, path: path, line: node.mark?.line, entries: entries)
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.string
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    // MARK: - Errors

    private func invalid(_ node: LocatedNode, found: String, expected: String)
        -> SchoolConfigurationError
    {
        .invalidValue(
            file: file, keyPath: node.path, line: node.line, found: found, expected: expected)
    }

    private func inconsistent(_ node: LocatedNode, _ problem: String) -> SchoolConfigurationError {
        .inconsistent(file: file, keyPath: node.path, line: node.line, problem: problem)
    }

    private func malformed(_ error: YamlError) -> SchoolConfigurationError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let reason = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            return .malformedYAML(file: file, line: mark.line, reason: reason)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .malformedYAML(
                file: file, line: context.mark.line,
                reason:
                    "the key \(duplicates.sorted().joined(separator: ", ")) "
                    + "appears twice in one mapping"
            )
        default:
            return .malformedYAML(file: file, line: nil, reason: "\(error)")
        }
    }

    /// A node with the key path that leads to it.
    struct LocatedNode {
        let node: Node
        let path: String
        var line: Int? { node.mark?.line }
    }

    /// The entries of one mapping, looked up by key with the key path and line kept for errors.
    struct Fields {
        let reader: SchoolConfigurationReader
        let path: String
        let line: Int?
        let entries: [String: Node]

        /// The value of `key`, which must be present and not null.
        func required(_ key: String, expected: String) throws -> LocatedNode {
            guard let value = optional(key) else {
                throw SchoolConfigurationError.missingKey(
                    file: reader.file, keyPath: keyPath(key), line: line, expected: expected)
            }
            return value
        }

        /// The value of `key`, or `nil` when it is absent or null (`~`, `null` or nothing).
        func optional(_ key: String) -> LocatedNode? {
            guard let node = entries[key] else { return nil }
            if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
                ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            {
                return nil
            }
            return LocatedNode(node: node, path: keyPath(key))
        }

        private func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }
}
