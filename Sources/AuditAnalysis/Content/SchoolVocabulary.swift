import AuditModel
import AuditSchool

/// What the content rules need to read a text in the school's terms: the word lists with the
/// school's additions, the pupils and colleagues to look for, the school's names, and the
/// audited staff member's own contact details (which are theirs to share).
///
/// Built once per rule run from the configuration and the timeline; reading a text
/// (``read(_:)``) is then a pure function of the text.
public struct SchoolVocabulary: Sendable {
    /// The built-in word lists, with the school words of the school's nations
    /// (``ContentLexicon/adding(nations:)``) and the school's additions.
    public let lexicon: ContentLexicon
    /// Finds pupils of the roster (current and former) named in text.
    public let pupils: PupilMentionFinder
    /// Finds staff named in text, the audited member excepted.
    public let colleagues: StaffMentionFinder
    /// The school's name and aliases ("Larkfield Primary School", "Larkfield", "LPS").
    public let schoolNames: PhraseList
    /// The adults school.yaml names with their accounts (staff, the audited member excepted,
    /// governors, known adults): a person tagged by one of their accounts is not a pupil.
    public let adults: [KnownAdult]
    /// The audited member's own phone numbers and e-mail addresses, normalized as
    /// ``PersonalDataMatch/normalized``: from school.yaml accounts and the archive's profile.
    public let ownData: Set<String>

    /// Builds the vocabulary of an audit.
    /// - Parameters:
    ///   - configuration: the audit (school, staff member, roster).
    ///   - timeline: the archive's items; profile items give the member's own contact details.
    ///   - lexicon: the built-in word lists (``ContentLexicon/builtIn`` unless a test replaces
    ///     them).
    public init(
        configuration: AuditConfiguration, timeline: Timeline, lexicon: ContentLexicon = .builtIn
    ) {
        self.init(
            configuration: configuration,
            profileTexts: timeline.items.filter { $0.kind == .profile }.compactMap(\.text),
            lexicon: lexicon)
    }

    /// Builds the vocabulary of an audit from the texts of the archive's profile items, which
    /// give the member's own contact details.
    /// - Parameters:
    ///   - configuration: the audit (school, staff member, roster).
    ///   - profileTexts: the texts of the timeline's profile items, in timeline order.
    ///   - lexicon: the built-in word lists.
    public init(
        configuration: AuditConfiguration, profileTexts: [String],
        lexicon: ContentLexicon = .builtIn
    ) {
        self.lexicon = lexicon.adding(nations: configuration.school.school.nations)
            .adding(configuration.school.lexicons)
        pupils = PupilMentionFinder(pupils: configuration.roster.pupils)
        let ownName = NameNormalization.key(configuration.staff.name)
        colleagues = StaffMentionFinder(
            staff: configuration.school.staff.filter { NameNormalization.key($0.name) != ownName })
        let school = configuration.school.school
        schoolNames = PhraseList([school.name] + school.aliases)
        adults = configuration.school.adults(except: configuration.staff.name)
        var own: Set<String> = []
        let texts =
            configuration.staff.accounts.values.map { $0 } + profileTexts
        for text in texts {
            for match in PersonalDataDetector.matches(in: TokenizedText(text))
            where match.kind == .phoneNumber || match.kind == .email {
                own.insert(match.normalized)
            }
        }
        ownData = own
    }

    /// Reads `text`: its words, the pupils, colleagues and school names it holds.
    public func read(_ text: String) -> TextReading {
        read(TokenizedText(text))
    }

    /// Reads a text already cut into words: the pupils, colleagues and school names it holds.
    ///
    /// A full name that is both a colleague's and a pupil's is read as the colleague's: school.yaml
    /// names that adult, and a name alone does not say it is the child.
    public func read(_ tokens: TokenizedText) -> TextReading {
        let colleagues = colleagues.mentions(in: tokens)
        let fullNames = colleagues.filter { $0.form == .fullName }.map(\.range)
        let pupils = pupils.mentions(in: tokens).filter { mention in
            !fullNames.contains { $0.overlaps(mention.range) }
        }
        return TextReading(
            tokens: tokens, pupils: pupils, colleagues: colleagues,
            schoolNames: schoolNames.matches(in: tokens))
    }
}
