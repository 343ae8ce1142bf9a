import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

extension SchoolTests {
    @Suite struct PupilTests {
        func pupil(born: String? = nil, admitted: String? = nil, left: String? = nil) throws
            -> Pupil
        {
            Pupil(
                id: "U1", legalForename: "Maisie", legalSurname: "Hale",
                dateOfBirth: try born.map(SchoolTests.day),
                admissionDate: try admitted.map(SchoolTests.day),
                leavingDate: try left.map(SchoolTests.day))
        }

        @Test(
            "age goes up on the birthday itself: 17 the day before the 18th birthday, 18 on the day"
        )
        func eighteenthBirthday() throws {
            let maisie = try pupil(born: "2006-06-30")
            #expect(maisie.age(on: try SchoolTests.day("2024-06-29")) == 17)
            #expect(maisie.isUnder18(on: try SchoolTests.day("2024-06-29")) == true)
            #expect(maisie.age(on: try SchoolTests.day("2024-06-30")) == 18)
            #expect(maisie.isUnder18(on: try SchoolTests.day("2024-06-30")) == false)
            #expect(maisie.age(on: try SchoolTests.day("2024-12-31")) == 18)
        }

        @Test(
            "a 29 February birthday is reached on 1 March in other years, on the day in leap years")
        func leapDayBirthday() throws {
            let leapling = try pupil(born: "2008-02-29")
            #expect(leapling.age(on: try SchoolTests.day("2026-02-28")) == 17)
            #expect(leapling.age(on: try SchoolTests.day("2026-03-01")) == 18)
            #expect(leapling.age(on: try SchoolTests.day("2024-02-28")) == 15)
            #expect(leapling.age(on: try SchoolTests.day("2024-02-29")) == 16)
        }

        @Test("no age without a date of birth or before birth")
        func unknownAge() throws {
            #expect(try pupil().age(on: try SchoolTests.day("2024-01-01")) == nil)
            #expect(try pupil().isUnder18(on: try SchoolTests.day("2024-01-01")) == nil)
            #expect(try pupil(born: "2013-03-14").age(on: try SchoolTests.day("2013-03-13")) == nil)
            #expect(try pupil(born: "2013-03-14").age(on: try SchoolTests.day("2013-03-14")) == 0)
        }

        @Test("on roll from the admission date to the leaving date, both inclusive")
        func onRoll() throws {
            let former = try pupil(admitted: "2017-09-04", left: "2024-07-19")
            #expect(!former.isOnRoll(on: try SchoolTests.day("2017-09-03")))
            #expect(former.isOnRoll(on: try SchoolTests.day("2017-09-04")))
            #expect(former.isOnRoll(on: try SchoolTests.day("2024-07-19")))
            #expect(!former.isOnRoll(on: try SchoolTests.day("2024-07-20")))
            #expect(former.hasLeft(by: try SchoolTests.day("2024-07-20")))
            #expect(!former.hasLeft(by: try SchoolTests.day("2024-07-19")))
            let current = try pupil(admitted: "2017-09-04")
            #expect(current.isOnRoll(on: try SchoolTests.day("2030-01-01")))
            #expect(try pupil().isOnRoll(on: try SchoolTests.day("2000-01-01")))
            let roster = Roster(pupils: [former, current])
            #expect(roster.pupils(onRollOn: try SchoolTests.day("2024-09-01")) == [current])
        }
    }
}
