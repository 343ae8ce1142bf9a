import AuditModel

/// A piece of personal data found in a text: a UPN, a date of birth, an address, a postcode, a
/// phone number, an e-mail address or a National Insurance number.
public struct PersonalDataMatch: Sendable, Equatable {
    /// What the data is.
    public enum Kind: String, Sendable, CaseIterable {
        /// A DfE Unique Pupil Number with a valid check letter.
        case upn = "UPN"
        /// A full date (with a year) in a sentence that speaks of a birth ("born", "DOB", …).
        case dateOfBirth = "date of birth"
        /// A full date with nothing saying it is a birth date; personal data only when it is the
        /// date of birth of a pupil named in the same text.
        case date
        /// A house number and street ("12 Acacia Avenue").
        case homeAddress = "home address"
        /// A full UK postcode ("S11 8YA").
        case postcode
        /// A UK mobile or landline number, in national or +44 form.
        case phoneNumber = "phone number"
        /// An e-mail address.
        case email = "e-mail address"
        /// A National Insurance number ("QQ 12 34 56 C").
        case nationalInsuranceNumber = "National Insurance number"
    }

    /// What the data is.
    public var kind: Kind
    /// Where it is, in `Character` offsets into the text.
    public var range: Range<Int>
    /// The data as written.
    public var value: String
    /// A canonical form for comparison: a phone number's national digits ("07700900123"), an
    /// e-mail address in lower case, a UPN, postcode or NI number in capitals without spaces,
    /// a date as yyyy-MM-dd.
    public var normalized: String
    /// For dates, the day.
    public var day: LocalDay?

    /// Creates a match (``PersonalDataDetector`` makes them).
    public init(
        kind: Kind, range: Range<Int>, value: String, normalized: String, day: LocalDay? = nil
    ) {
        self.kind = kind
        self.range = range
        self.value = value
        self.normalized = normalized
        self.day = day
    }
}
