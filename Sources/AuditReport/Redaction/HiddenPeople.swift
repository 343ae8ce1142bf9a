import AuditModel

/// The people a disclosure copy may hide, with everything their replacement rules are made of
/// worked out once for every page of the copy.
///
/// Each page protects different people (the pupils its findings concern), so each page has its
/// own ``Redactor``; but the patterns (a name as written, mis-encoded and escaped, its run-together
/// form, its words, handles, numbers), their folded forms and their order are the same on every
/// page. They are made here once, with one ``Redactor/PatternIndex`` over all of them; a page's
/// redactor (``redactor(protecting:)``) only leaves out what its protected people rule out and
/// numbers the initials, in one pass over the rules.
///
/// The rules a page gets are those the redactor made before this type existed, person by person:
/// a person sharing a name key, handle or number with a protected one is skipped; a name whose key
/// is protected is skipped with its run-together form and words; a run-together form or handle
/// equal to a protected handle, a word of a protected name and a protected number are skipped;
/// of rules with the same pattern and word-bounding the first person's is kept; and rules are
/// ordered longest pattern first (then by pattern, then in the order they were made).
struct HiddenPeople: Sendable {
    /// What a page's protected people decide about one person.
    private struct Person: Sendable {
        /// The keys of the person's names (``NameNormalization/key(_:)``).
        var nameKeys: [String]
        /// Each name's key and tokens.
        var names: [(key: String, tokens: [String])]
        /// Each handle's compact form and tokens.
        var handles: [(compact: String, tokens: [String])]
        /// The person's numbers, as digits only (``Redactor/digits(_:)``).
        var accountDigits: [String]
        /// Who the person is for numbering initials: the first name's key, else the first
        /// handle's compact form.
        var identity: String
    }

    /// Why a page keeps a rule, beyond its person not being protected.
    private enum Condition: Sendable {
        /// Its name (index into ``Person/names``) is not protected; replaced by the name's
        /// initials.
        case name(Int)
        /// Its name is not protected and its run-together form is not a protected handle.
        case runTogether(name: Int, compact: String)
        /// Its name is not protected and its word is not a word of a protected name.
        case word(name: Int, folded: String)
        /// Its handle (index into ``Person/handles``) is not protected; replaced by `prefix` and
        /// the handle's initials.
        case handle(Int, prefix: String)
        /// Its number is not protected.
        case account(digits: String)
    }

    /// A rule of one person, as every page may have it.
    private struct Template: Sendable {
        var rule: Redactor.Rule
        /// Index into ``people``.
        var person: Int
        var condition: Condition
        /// Rules with the same pattern and word-bounding share a group: a page keeps the first.
        var group: Int
        /// The pattern's length in `Character`s, for ordering.
        var length: Int
        /// How many rules were made before this one.
        var order: Int
    }

    private let people: [Person]
    /// Every person's rules, in the order a page's redactor applies them.
    private let templates: [Template]
    private let groupCount: Int
    /// The folded patterns of every rule.
    let index: Redactor.PatternIndex

    /// Works out the rules of `candidates`.
    init(_ candidates: [KnownPerson]) {
        var people: [Person] = []
        var templates: [Template] = []
        var groups: [String: Int] = [:]
        func add(_ rule: Redactor.Rule, _ condition: Condition) {
            guard !rule.pattern.isEmpty else { return }
            let key = rule.pattern + "\u{1F}" + String(rule.isWordBounded)
            let group = groups[key] ?? groups.count
            groups[key] = group
            templates.append(
                Template(
                    rule: rule, person: people.count, condition: condition, group: group,
                    length: rule.pattern.count, order: templates.count))
        }
        let nameOptions: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]

        for candidate in candidates {
            var person = Person(
                nameKeys: [], names: [], handles: [],
                accountDigits: candidate.accountIDs.map(Redactor.digits),
                identity: candidate.names.first.map(NameNormalization.key)
                    ?? candidate.handles.first.map(NameNormalization.compact) ?? "")
            for name in candidate.names {
                let tokens = NameNormalization.tokens(name)
                let key = tokens.joined(separator: " ")
                let index = person.names.count
                person.nameKeys.append(key)
                person.names.append((key, tokens))
                guard !tokens.isEmpty else { continue }
                for variant in Redactor.encodedVariants(of: name) {
                    add(
                        Redactor.Rule(
                            pattern: variant, folded: Redactor.fold(variant), replacement: "",
                            options: nameOptions, isWordBounded: true),
                        .name(index))
                }
                let compact = tokens.joined()
                if tokens.count > 1, compact.count >= 6 {
                    let short = tokens.compactMap(\.first).map(String.init).joined()
                    add(
                        Redactor.Rule(
                            pattern: compact, folded: compact, replacement: short,
                            options: nameOptions, isWordBounded: false),
                        .runTogether(name: index, compact: compact))
                }
                for word in Redactor.words(of: name) {
                    let folded = NameNormalization.key(word)
                    guard word.count >= 2, let first = folded.first else { continue }
                    let replacement = String(first).uppercased() + "."
                    for variant in Redactor.encodedVariants(of: word) {
                        add(
                            Redactor.Rule(
                                pattern: variant, folded: Redactor.fold(variant),
                                replacement: replacement, options: [.diacriticInsensitive],
                                isWordBounded: true),
                            .word(name: index, folded: folded))
                    }
                }
            }
            for handle in candidate.handles {
                let compact = NameNormalization.compact(handle)
                let index = person.handles.count
                person.handles.append((compact, NameNormalization.tokens(handle)))
                guard compact.count >= 3 else { continue }
                add(
                    Redactor.Rule(
                        pattern: "@" + handle, folded: Redactor.fold("@" + handle),
                        replacement: "", options: nameOptions, isWordBounded: true),
                    .handle(index, prefix: "@"))
                add(
                    Redactor.Rule(
                        pattern: handle, folded: Redactor.fold(handle), replacement: "",
                        options: nameOptions, isWordBounded: true),
                    .handle(index, prefix: ""))
            }
            for (account, digits) in zip(candidate.accountIDs, person.accountDigits) {
                add(
                    Redactor.Rule(
                        pattern: account, folded: Redactor.fold(account),
                        replacement: "[withheld]", options: [], isWordBounded: false),
                    .account(digits: digits))
            }
            people.append(person)
        }

        // Longest pattern first, then by pattern, rules alike in both in the order they were made
        // (as a stable sort leaves them): a page's own rules are a subsequence of these.
        templates.sort {
            ($0.length, $0.rule.pattern) != ($1.length, $1.rule.pattern)
                ? ($0.length, $0.rule.pattern) > ($1.length, $1.rule.pattern)
                : $0.order < $1.order
        }
        let index = Redactor.PatternIndex(folded: templates.map(\.rule.folded))
        for position in templates.indices {
            templates[position].rule.patternID = index.id(of: templates[position].rule.folded)
        }
        self.people = people
        self.templates = templates
        self.index = index
        groupCount = groups.count
    }

    /// The redactor of a page that protects `protected`.
    func redactor(protecting protected: [KnownPerson]) -> Redactor {
        let protectedKeys = Set(protected.flatMap(\.names).map(NameNormalization.key))
        let protectedTokens = Set(protected.flatMap(\.names).flatMap(NameNormalization.tokens))
        let protectedHandles = Set(
            protected.flatMap { $0.handles + $0.names }.map(NameNormalization.compact))
        let protectedAccounts = Set(protected.flatMap(\.accountIDs).map(Redactor.digits))

        // Initials, numbered in the order people, then their names, then their handles, come.
        var initialsOwner: [String: String] = [:]
        func initials(for tokens: [String], identity: String) -> String {
            let base = tokens.compactMap(\.first).map { String($0).uppercased() + "." }.joined()
            var candidate = base
            var number = 2
            while let owner = initialsOwner[candidate], owner != identity {
                candidate = "\(base)(\(number))"
                number += 1
            }
            initialsOwner[candidate] = identity
            return candidate
        }
        var isHidden: [Bool] = []
        var nameInitials: [[String?]] = []
        var handleInitials: [[String?]] = []
        isHidden.reserveCapacity(people.count)
        nameInitials.reserveCapacity(people.count)
        handleInitials.reserveCapacity(people.count)
        for person in people {
            let isProtected =
                person.nameKeys.contains(where: protectedKeys.contains)
                || person.handles.contains { protectedHandles.contains($0.compact) }
                || person.accountDigits.contains(where: protectedAccounts.contains)
            isHidden.append(!isProtected)
            if isProtected {
                nameInitials.append([])
                handleInitials.append([])
                continue
            }
            nameInitials.append(
                person.names.map { name in
                    guard !name.tokens.isEmpty, !protectedKeys.contains(name.key) else {
                        return nil
                    }
                    return initials(for: name.tokens, identity: person.identity)
                })
            handleInitials.append(
                person.handles.map { handle in
                    guard handle.compact.count >= 3, !protectedHandles.contains(handle.compact)
                    else { return nil }
                    return initials(for: handle.tokens, identity: person.identity)
                })
        }

        var taken = [Bool](repeating: false, count: groupCount)
        var rules: [Redactor.Rule] = []
        for template in templates where isHidden[template.person] && !taken[template.group] {
            var rule = template.rule
            let names = nameInitials[template.person]
            switch template.condition {
            case .name(let name):
                guard let replacement = names[name] else { continue }
                rule.replacement = replacement
            case .runTogether(let name, let compact):
                guard names[name] != nil, !protectedHandles.contains(compact) else { continue }
            case .word(let name, let folded):
                guard names[name] != nil, !protectedTokens.contains(folded) else { continue }
            case .handle(let handle, let prefix):
                guard let replacement = handleInitials[template.person][handle] else { continue }
                rule.replacement = prefix + replacement
            case .account(let digits):
                guard !protectedAccounts.contains(digits) else { continue }
            }
            taken[template.group] = true
            rules.append(rule)
        }
        return Redactor(rules: rules, index: index)
    }
}
