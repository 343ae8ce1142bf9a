import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

@Suite struct UniquePupilNumberTests {
    @Test(
        "check letters agree with Samples/tools/upn.py",
        arguments: [
            ("801200005001", "B"), ("931241718101", "M"), ("373247319104", "K"),
            ("80120000500A", "M"), ("93124171810T", "Z"), ("000000000000", "A"),
            ("999999999999", "F"),
        ])
    func checkLetter(body: String, letter: Character) {
        #expect(UniquePupilNumber.checkLetter(for: body) == letter)
    }

    @Test("every UPN of the sample roster is valid")
    func sampleRoster() throws {
        let pupils = try SampleSchool.configuration().roster.pupils
        #expect(pupils.count == 32)
        for pupil in pupils {
            #expect(UniquePupilNumber.isValid(pupil.id), "\(pupil.id)")
        }
    }

    @Test(
        "rejects wrong check letters and malformed numbers",
        arguments: [
            "A931241718101",  // wrong letter (M is right)
            "G373247318102",  // a sample UPN with its last digit changed
            "M93124171810",  // 11 characters after the letter
            "M9312417181011",  // 13 characters after the letter
            "m931241718101",  // lower case
            "I931241718101",  // I is never a check letter
            "M93124171810I",  // nor a temporary UPN's last character
            "M9312417181O1",  // a letter among the digits
            "",
        ])
    func rejects(text: String) {
        #expect(!UniquePupilNumber.isValid(text))
    }
}
