/// Which copy of the evidence a page belongs to: the sealed full copy or the disclosure copy.
enum EvidenceCopy: Equatable {
    /// The full copy; `disclosureFolder` names the disclosure copy's sub-folder when one was written.
    case sealed(disclosureFolder: String?)
    /// The copy for disclosure, in which third parties appear as initials.
    case disclosure
}
