import AuditModel
import AuditSchool
import Foundation

/// The word lists of the content rules: the built-in lists of `Resources/lexicons.json` plus the
/// school's additions from school.yaml `lexicons`.
///
/// The file is data, meant to be edited: its `_about` notes say how entries are matched (see
/// ``PhraseList``). Each rule documents which lists it reads.
public struct ContentLexicon: Sendable {
    /// The lists as written in the file.
    public struct Entries: Codable, Sendable, Equatable {
        /// Insults, disparaging words and profanity.
        public struct Abusive: Codable, Sendable, Equatable {
            /// Words that insult a person wherever they stand in the sentence ("idiot").
            public var insults: [String]
            /// Words that disparage only when aimed right at a target ("useless", "a joke").
            public var disparaging: [String]
            /// Swear words, rude only when aimed right at a target ("bloody parents").
            public var profanity: [String]
        }

        /// Confidential matters by kind (keys are ``ConfidentialMatter`` raw values).
        public var confidential: [String: [String]]
        /// Phrases in which a confidential term is harmless ("safeguarding training").
        public var confidentialExceptions: [String]
        /// Phrases that say the writer knows something is confidential ("can't tell anyone").
        public var secrecyMarkers: [String]
        /// Phrases that put a text in a school context ("my class", "at work").
        public var schoolContext: [String]
        /// Phrases singling out one member of the school community without a name ("a child in
        /// my class", "one of the parents").
        public var communityReferences: [String]
        /// The abusive-content word lists.
        public var abusive: Abusive
        /// Phrases in which a rude word is harmless ("bloody hell", "bloody brilliant").
        public var abusiveExceptions: [String]
        /// Phrases naming the school or groups of its community ("the head", "parents").
        public var abusiveTargets: [String]
        /// Phrases naming school activities ("sports day", "year #").
        public var schoolActivities: [String]
        /// Phrases in which an activity phrase is not about school ("this year 3 of us").
        public var schoolActivityExceptions: [String]
        /// Words that make "I'm 12" a figure of speech ("mentally", "at heart").
        public var figurativeAge: [String]
        /// Words that may follow the number in "I'm 14 …" when it states an age ("years",
        /// "today").
        public var ageFollowers: [String]
        /// Each UK nation's own school words (keys are ``UKNation`` raw values), read only for a
        /// school in that nation (``ContentLexicon/adding(nations:)``).
        public var nations: [String: NationWords]? = nil
    }

    /// One nation's school words, added to the lists of the same name: year groups ("P7",
    /// "Blwyddyn 5"), support plans ("co-ordinated support plan", "IDP"), training days.
    public struct NationWords: Codable, Sendable, Equatable {
        /// Added to ``Entries/schoolContext``.
        public var schoolContext: [String]?
        /// Added to ``Entries/communityReferences``.
        public var communityReferences: [String]?
        /// Added to ``Entries/abusiveTargets``.
        public var abusiveTargets: [String]?
        /// Added to ``Entries/schoolActivities``.
        public var schoolActivities: [String]?
        /// Added to ``Entries/confidential``, by kind.
        public var confidential: [String: [String]]?
    }

    /// The lists as written.
    public let entries: Entries
    /// Every confidential term of every kind, compiled as one list.
    private let confidential: PhraseList
    /// The kind of each confidential entry: the first kind listing it, built-in kinds first.
    private let confidentialKinds: [String: ConfidentialMatter]
    /// See ``Entries/confidentialExceptions``.
    public let confidentialExceptions: PhraseList
    /// See ``Entries/secrecyMarkers``.
    public let secrecyMarkers: PhraseList
    /// See ``Entries/schoolContext``.
    public let schoolContext: PhraseList
    /// See ``Entries/communityReferences``.
    public let communityReferences: PhraseList
    /// See ``Entries/Abusive/insults``.
    public let insults: PhraseList
    /// See ``Entries/Abusive/disparaging``.
    public let disparaging: PhraseList
    /// See ``Entries/Abusive/profanity``.
    public let profanity: PhraseList
    /// See ``Entries/abusiveExceptions``.
    public let abusiveExceptions: PhraseList
    /// See ``Entries/abusiveTargets``.
    public let abusiveTargets: PhraseList
    /// See ``Entries/schoolActivities``.
    public let schoolActivities: PhraseList
    /// See ``Entries/schoolActivityExceptions``.
    public let schoolActivityExceptions: PhraseList
    /// See ``Entries/figurativeAge``.
    public let figurativeAge: PhraseList
    /// See ``Entries/ageFollowers``.
    public let ageFollowers: PhraseList

    /// Compiles `entries`.
    public init(entries: Entries) {
        self.entries = entries
        var terms: [String] = []
        var kinds: [String: ConfidentialMatter] = [:]
        for matter in ConfidentialMatter.allCases {
            for term in entries.confidential[matter.rawValue] ?? [] where kinds[term] == nil {
                kinds[term] = matter
                terms.append(term)
            }
        }
        confidential = PhraseList(terms)
        confidentialKinds = kinds
        confidentialExceptions = PhraseList(entries.confidentialExceptions)
        secrecyMarkers = PhraseList(entries.secrecyMarkers)
        schoolContext = PhraseList(entries.schoolContext)
        communityReferences = PhraseList(entries.communityReferences)
        insults = PhraseList(entries.abusive.insults)
        disparaging = PhraseList(entries.abusive.disparaging)
        profanity = PhraseList(entries.abusive.profanity)
        abusiveExceptions = PhraseList(entries.abusiveExceptions)
        abusiveTargets = PhraseList(entries.abusiveTargets)
        schoolActivities = PhraseList(entries.schoolActivities)
        schoolActivityExceptions = PhraseList(entries.schoolActivityExceptions)
        figurativeAge = PhraseList(entries.figurativeAge)
        ageFollowers = PhraseList(entries.ageFollowers)
    }

    /// Reads a lexicon file in the format of `Resources/lexicons.json`.
    /// - Throws: `DecodingError` when the file does not have that shape.
    public static func decode(_ data: Data) throws -> ContentLexicon {
        ContentLexicon(entries: try JSONDecoder().decode(Entries.self, from: data))
    }

    /// The lists shipped with the tool.
    ///
    /// The file is part of the package, and a test checks that it loads; were it ever missing,
    /// the lists would be empty and the content rules would find nothing rather than guess.
    public static let builtIn: ContentLexicon = {
        let empty = Entries(
            confidential: [:], confidentialExceptions: [], secrecyMarkers: [], schoolContext: [],
            communityReferences: [],
            abusive: Entries.Abusive(insults: [], disparaging: [], profanity: []),
            abusiveExceptions: [], abusiveTargets: [], schoolActivities: [],
            schoolActivityExceptions: [], figurativeAge: [], ageFollowers: [])
        guard let url = Bundle.module.url(forResource: "lexicons", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let lexicon = try? decode(data)
        else { return ContentLexicon(entries: empty) }
        return lexicon
    }()

    /// This lexicon with the school words of `nations` (file section `nations`) added to its
    /// lists; the lexicon itself when the file has none for them.
    public func adding(nations: [UKNation]) -> ContentLexicon {
        let words = nations.compactMap { self.entries.nations?[$0.rawValue] }
        guard !words.isEmpty else { return self }
        var entries = self.entries
        for nation in words {
            entries.schoolContext += nation.schoolContext ?? []
            entries.communityReferences += nation.communityReferences ?? []
            entries.abusiveTargets += nation.abusiveTargets ?? []
            entries.schoolActivities += nation.schoolActivities ?? []
            for (kind, terms) in nation.confidential ?? [:] {
                entries.confidential[kind, default: []] += terms
            }
        }
        // Read once: a nation's words are not added twice when asked again.
        entries.nations = nil
        return ContentLexicon(entries: entries)
    }

    /// This lexicon with a school's additions: its confidential terms become
    /// ``ConfidentialMatter/schoolListed`` (a term the built-in lists already have keeps its
    /// built-in kind), its abusive terms become insults.
    public func adding(_ school: Lexicons) -> ContentLexicon {
        guard !school.confidential.isEmpty || !school.abusive.isEmpty else { return self }
        var entries = entries
        entries.confidential[ConfidentialMatter.schoolListed.rawValue, default: []] +=
            school.confidential
        entries.abusive.insults += school.abusive
        return ContentLexicon(entries: entries)
    }

    /// Confidential terms found in `text`, each with its kind.
    ///
    /// Terms inside an exception ("safeguarding training") are left out. Where a built-in term
    /// and a school-listed one cover the same words, the built-in kind is kept.
    public func confidentialMatches(in text: TokenizedText) -> [(ConfidentialMatter, PhraseMatch)] {
        let exceptions = confidentialExceptions.matches(in: text)
        return confidential.matches(in: text).compactMap { match in
            let isExcepted = exceptions.contains {
                $0.range.lowerBound <= match.range.lowerBound
                    && match.range.upperBound <= $0.range.upperBound
            }
            guard !isExcepted, let kind = confidentialKinds[match.entry] else { return nil }
            return (kind, match)
        }
    }
}
