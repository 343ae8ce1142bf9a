/// A kind of confidential matter the confidential-disclosure rule looks for.
///
/// Each kind has a word list in `Resources/lexicons.json` (under `confidential`), and the terms a
/// school adds in school.yaml `lexicons.confidential` form ``schoolListed``. Kinds differ in what
/// must come with them before a mention is a disclosure:
/// - school matters (an inspection, an exclusion, safeguarding, special needs, disciplinary
///   matters, allegations) need a school context anywhere in the item: the school's name, "my
///   class", "at work", a pupil or colleague named;
/// - personal circumstances (medical, family, welfare such as free school meals) need one person
///   of the school community singled out in the same sentence: a pupil or colleague named, or
///   "a child in my class", "one of the parents"… Otherwise "at work all day, then hospital with
///   Mum" would read as a disclosure about someone at school; and a statement about a whole
///   class ("half my class have exam anxiety") identifies nobody.
public enum ConfidentialMatter: String, Sendable, CaseIterable, Codable, Comparable {
    case inspection
    case exclusion
    case safeguarding
    case specialNeeds = "special-needs"
    case disciplinary
    case allegation
    case medical
    case family
    case welfare
    /// A term the school listed in school.yaml and the built-in lists do not have.
    case schoolListed = "school-listed"

    /// Whether the matter needs a person of the community in the same sentence (personal
    /// circumstances) rather than a school context anywhere in the item (school matters).
    public var needsPerson: Bool {
        switch self {
        case .medical, .family, .welfare: true
        default: false
        }
    }

    /// A phrase for explanations: "a safeguarding matter".
    public var phrase: String {
        switch self {
        case .inspection: "an inspection not yet announced"
        case .exclusion: "an exclusion"
        case .safeguarding: "a safeguarding matter"
        case .specialNeeds: "special educational needs"
        case .disciplinary: "a disciplinary matter"
        case .allegation: "an allegation or complaint"
        case .medical: "a medical matter"
        case .family: "family circumstances"
        case .welfare: "welfare circumstances (such as free school meals)"
        case .schoolListed: "a matter the school lists as confidential"
        }
    }

    /// A short label for a highlighted span: "safeguarding term".
    public var label: String {
        switch self {
        case .inspection: "inspection"
        case .exclusion: "exclusion"
        case .safeguarding: "safeguarding"
        case .specialNeeds: "special educational needs"
        case .disciplinary: "disciplinary"
        case .allegation: "allegation"
        case .medical: "medical"
        case .family: "family circumstances"
        case .welfare: "welfare"
        case .schoolListed: "school-listed confidential term"
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: ConfidentialMatter, rhs: ConfidentialMatter) -> Bool {
        lhs.order < rhs.order
    }
}
