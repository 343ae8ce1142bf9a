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
    @Suite struct StaffTimetableTests {
        let configuration: SchoolConfiguration
        /// Part-time (Mon–Thu), 08:00–15:30, lunch 12:15–13:15, on leave 3–7 June 2024.
        let rebecca: StaffTimetable
        /// The school's default day: Mon–Fri, 08:30–16:00, lunch 12:00–13:00.
        let tom: StaffTimetable

        init() throws {
            configuration = try SchoolTests.larkfieldConfiguration()
            rebecca = StaffTimetable(
                staff: try #require(configuration.staffMember(named: "Rebecca Hale")),
                configuration: configuration)
            tom = StaffTimetable(
                staff: try #require(configuration.staffMember(named: "Tom Reed")),
                configuration: configuration)
        }

        func assess(_ timetable: StaffTimetable, _ iso: String) throws -> WorkingTimeAssessment {
            timetable.assess(try SchoolTests.instant(iso))
        }

        @Test("the reason reads as the contract's example")
        func contractSentence() throws {
            let assessment = try assess(rebecca, "2024-03-26T11:30:05Z")
            #expect(assessment.isWorkingTime)
            #expect(
                assessment.reason
                    == "Tuesday 26 March 2024 was a term day; 11:30 is inside Rebecca Hale's working day (08:00–15:30) and outside lunch (12:15–13:15)."
            )
            #expect(assessment.localDay == (try SchoolTests.day("2024-03-26")))
            #expect(assessment.localTime == "11:30:05")
            #expect(assessment.utcOffset == "+00:00")
            #expect(assessment.localTimestamp == "2024-03-26T11:30:05+00:00")
            #expect(assessment.dayStatus == .termDay)
        }

        @Test("08:30 BST on the Monday after the spring clock change is 07:30 UTC and working time")
        func springClockChange() throws {
            // Clocks went forward on Sunday 26 March 2023.
            let startOfDay = try assess(tom, "2023-03-27T07:30:00Z")
            #expect(startOfDay.isWorkingTime)
            #expect(startOfDay.localTime == "08:30:00")
            #expect(startOfDay.utcOffset == "+01:00")
            // 08:30 UTC would be 09:30 BST; 07:29:59 UTC is still before the day starts.
            #expect(!(try assess(tom, "2023-03-27T07:29:59Z")).isWorkingTime)
            let intervals = tom.workingInterval(on: try SchoolTests.day("2023-03-27"))
            #expect(
                intervals.map(\.start) == [
                    try SchoolTests.instant("2023-03-27T07:30:00Z"),
                    try SchoolTests.instant("2023-03-27T12:00:00Z"),
                ])
            #expect(
                intervals.map(\.end) == [
                    try SchoolTests.instant("2023-03-27T11:00:00Z"),
                    try SchoolTests.instant("2023-03-27T15:00:00Z"),
                ])
            // The Friday before, still GMT.
            #expect(
                tom.workingInterval(on: try SchoolTests.day("2023-03-24")).first?.start
                    == (try SchoolTests.instant("2023-03-24T08:30:00Z")))
        }

        @Test("08:30 GMT on the Monday after the autumn clock change is 08:30 UTC")
        func autumnClockChange() throws {
            // Clocks went back on Sunday 30 October 2022; Monday 31 October was the first day after half term.
            let startOfDay = try assess(tom, "2022-10-31T08:30:00Z")
            #expect(startOfDay.isWorkingTime)
            #expect(startOfDay.utcOffset == "+00:00")
            #expect(!(try assess(tom, "2022-10-31T07:30:00Z")).isWorkingTime)  // 07:30 GMT
            #expect(
                tom.workingInterval(on: try SchoolTests.day("2022-10-31")).first?.start
                    == (try SchoolTests.instant("2022-10-31T08:30:00Z")))
            // The last Friday before half term was BST: 08:30 local was 07:30 UTC.
            let friday = try assess(tom, "2022-10-21T07:30:00Z")
            #expect(friday.isWorkingTime && friday.utcOffset == "+01:00")
        }

        @Test("lunch: the start minute is allowed, the end minute is working time")
        func lunchBoundaries() throws {
            // Tuesday 9 January 2024, GMT; Tom's lunch is 12:00–13:00.
            #expect(try assess(tom, "2024-01-09T11:59:59Z").isWorkingTime)
            let lunchStart = try assess(tom, "2024-01-09T12:00:00Z")
            #expect(!lunchStart.isWorkingTime)
            #expect(
                lunchStart.reason
                    == "Tuesday 9 January 2024 was a term day; 12:00 is during lunch (12:00–13:00), so it was not working time."
            )
            #expect(!(try assess(tom, "2024-01-09T12:59:59Z")).isWorkingTime)
            #expect(try assess(tom, "2024-01-09T13:00:00Z").isWorkingTime)
            // Rebecca's own lunch, 12:15–13:15.
            #expect(try assess(rebecca, "2024-01-09T12:00:00Z").isWorkingTime)
            #expect(!(try assess(rebecca, "2024-01-09T12:15:00Z")).isWorkingTime)
            #expect(try assess(rebecca, "2024-01-09T13:15:00Z").isWorkingTime)
        }

        @Test("the start of the day is working time, the end of the day is not")
        func dayBoundaries() throws {
            #expect(!(try assess(tom, "2024-01-09T08:29:59Z")).isWorkingTime)
            #expect(try assess(tom, "2024-01-09T08:30:00Z").isWorkingTime)
            #expect(try assess(tom, "2024-01-09T15:59:59Z").isWorkingTime)
            let endOfDay = try assess(tom, "2024-01-09T16:00:00Z")
            #expect(!endOfDay.isWorkingTime)
            #expect(
                endOfDay.reason.contains(
                    "16:00 is after the end of Tom Reed's working day (08:30–16:00)"))
            // Rebecca ends at 15:30.
            #expect(!(try assess(rebecca, "2024-01-09T15:30:00Z")).isWorkingTime)
            #expect(try assess(rebecca, "2024-01-09T08:00:00Z").isWorkingTime)
        }

        @Test("an INSET day outside term is a working day on the staff member's own weekdays")
        func insetOutsideTerm() throws {
            // Wednesday 24 July 2024: term ended on the 23rd.
            let wednesday = try SchoolTests.day("2024-07-24")
            #expect(tom.status(of: wednesday) == .insetDay)
            let assessment = try assess(rebecca, "2024-07-24T09:00:00Z")  // 10:00 BST
            #expect(assessment.isWorkingTime)
            #expect(assessment.reason.hasPrefix("Wednesday 24 July 2024 was an INSET day"))
            // Friday 26 July 2024 is an INSET day too, but Rebecca does not work Fridays.
            #expect(try assess(tom, "2024-07-26T09:00:00Z").isWorkingTime)
            #expect(!(try assess(rebecca, "2024-07-26T09:00:00Z")).isWorkingTime)
            // The day after the INSET day is a holiday.
            #expect(!(try assess(tom, "2024-07-25T09:00:00Z")).isWorkingTime)
            // An INSET day inside term (the first day of spring term).
            #expect(tom.status(of: try SchoolTests.day("2024-01-08")) == .insetDay)
        }

        @Test("half term is not working time")
        func halfTerm() throws {
            let assessment = try assess(tom, "2024-02-14T10:00:00Z")
            #expect(!assessment.isWorkingTime)
            #expect(assessment.dayStatus == .outsideTerm)
            #expect(
                assessment.reason
                    == "Wednesday 14 February 2024 was outside term time (a school holiday), so 10:00 was not working time."
            )
            #expect(tom.workingInterval(on: try SchoolTests.day("2024-02-14")).isEmpty)
            // The Friday before half term and the Monday after are term days.
            #expect(try assess(tom, "2024-02-09T10:00:00Z").isWorkingTime)
            #expect(try assess(tom, "2024-02-19T10:00:00Z").isWorkingTime)
        }

        @Test(
            "bank holidays in term are not working time",
            arguments: [
                (
                    "2022-09-19T09:00:00Z",
                    "Bank Holiday for the State Funeral of Queen Elizabeth II"
                ),
                ("2023-05-08T09:00:00Z", "Bank holiday for the coronation of King Charles III"),
                ("2024-05-06T09:00:00Z", "Early May bank holiday"),
            ])
        func bankHolidays(_ iso: String, name: String) throws {
            let assessment = try assess(tom, iso)
            #expect(!assessment.isWorkingTime)
            #expect(assessment.dayStatus == .bankHoliday(name: name))
            #expect(
                assessment.reason.contains(
                    "was a bank holiday (\(name)), so 10:00 was not working time."))
        }

        @Test("a substitute bank holiday is named as such, even outside term")
        func substituteDay() throws {
            let calendar = SchoolCalendar(configuration: configuration)
            #expect(
                calendar.status(of: try SchoolTests.day("2023-01-02"))
                    == .bankHoliday(name: "New Year's Day (substitute day)"))
            #expect(
                calendar.status(of: try SchoolTests.day("2022-12-27"))
                    == .bankHoliday(name: "Christmas Day (substitute day)"))
            #expect(
                calendar.status(of: try SchoolTests.day("2022-12-25")) == .nonWorkingWeekday(.sun))
        }

        @Test("the region decides the bank holidays")
        func regions() throws {
            var scottish = configuration
            scottish.school.region = .scotland
            let summerMonday = try SchoolTests.day("2023-08-07")
            let easterMonday = try SchoolTests.day("2023-04-10")
            #expect(
                SchoolCalendar(configuration: scottish).status(of: summerMonday)
                    == .bankHoliday(name: "Summer bank holiday"))
            #expect(
                SchoolCalendar(configuration: scottish).status(of: easterMonday) == .outsideTerm)
            #expect(
                SchoolCalendar(configuration: configuration).status(of: easterMonday)
                    == .bankHoliday(name: "Easter Monday"))
        }

        @Test("a part-timer's day off is not working time for them, but is for full-time staff")
        func partTimeDayOff() throws {
            let friday = try assess(rebecca, "2024-01-12T10:00:00Z")
            #expect(!friday.isWorkingTime)
            #expect(friday.dayStatus == .nonWorkingWeekday(.fri))
            #expect(
                friday.reason
                    == "Friday 12 January 2024 was not a working day for Rebecca Hale, who works Mon–Thu, so 10:00 was not working time."
            )
            #expect(try assess(tom, "2024-01-12T10:00:00Z").isWorkingTime)
            #expect(rebecca.workingInterval(on: try SchoolTests.day("2024-01-12")).isEmpty)
        }

        @Test("a recorded absence is not working time")
        func absence() throws {
            let monday = try assess(rebecca, "2024-06-03T09:00:00Z")
            #expect(!monday.isWorkingTime)
            #expect(
                monday.reason
                    == "Monday 3 June 2024 was a term day, but Rebecca Hale was absent (leave, Monday 3 June 2024 to Friday 7 June 2024), so 10:00 was not working time."
            )
            #expect(!(try assess(rebecca, "2024-06-06T09:00:00Z")).isWorkingTime)
            #expect(try assess(rebecca, "2024-06-10T09:00:00Z").isWorkingTime)
            #expect(try assess(tom, "2024-06-03T09:00:00Z").isWorkingTime)
            #expect(rebecca.workingInterval(on: try SchoolTests.day("2024-06-04")).isEmpty)
        }

        @Test("a closure day is not working time")
        func closure() throws {
            let assessment = try assess(tom, "2024-03-01T10:00:00Z")
            #expect(!assessment.isWorkingTime)
            #expect(assessment.dayStatus == .closure)
            #expect(
                assessment.reason.hasPrefix("Friday 1 March 2024 was a day the school was closed"))
        }

        @Test(
            "weekends are not working time and a late-night UTC post belongs to the next local day")
        func weekendsAndMidnight() throws {
            #expect(!(try assess(tom, "2024-01-13T10:00:00Z")).isWorkingTime)
            // 23:30 UTC on Tuesday 4 June 2024 is 00:30 BST on Wednesday 5 June.
            let lateNight = try assess(tom, "2024-06-04T23:30:00Z")
            #expect(lateNight.localDay == (try SchoolTests.day("2024-06-05")))
            #expect(lateNight.localTime == "00:30:00")
            #expect(lateNight.localTimestamp == "2024-06-05T00:30:00+01:00")
            #expect(!lateNight.isWorkingTime)
        }

        @Test("working intervals agree with assess at every minute of a BST day")
        func intervalsAgreeWithAssess() throws {
            let day = try SchoolTests.day("2024-06-11")
            let intervals = rebecca.workingInterval(on: day)
            #expect(intervals.count == 2)
            let start = try #require(day.startInstant(in: rebecca.timeZone))
            for minute in 0..<(24 * 60) {
                let instant = start.addingTimeInterval(TimeInterval(minute * 60))
                let inInterval = intervals.contains { $0.start <= instant && instant < $0.end }
                #expect(inInterval == rebecca.assess(instant).isWorkingTime, "minute \(minute)")
            }
        }

        @Test("an inherited lunch outside a part-timer's shorter day takes nothing away")
        func inheritedLunchOutsideDay() throws {
            let yaml = SchoolTests.larkfield + "\n  - name: Jo Morning\n    end: \"11:30\"\n"
            let configuration = try SchoolConfiguration.parse(yaml: yaml, file: "school.yaml")
            let jo = StaffTimetable(
                staff: try #require(configuration.staffMember(named: "Jo Morning")),
                configuration: configuration)
            #expect(jo.pattern.effectiveLunch == nil)
            let assessment = try assess(jo, "2024-01-09T11:00:00Z")
            #expect(assessment.isWorkingTime)
            #expect(
                assessment.reason.hasSuffix(
                    "11:00 is inside Jo Morning's working day (08:30–11:30)."))
            #expect(jo.workingInterval(on: try SchoolTests.day("2024-01-09")).count == 1)
        }

        @Test("outside the bank-holiday table the reason says holidays are unknown")
        func beyondTable() throws {
            var later = configuration
            later.terms.append(
                DayRange(
                    start: try SchoolTests.day("2031-01-06"), end: try SchoolTests.day("2031-02-14")
                ))
            let timetable = StaffTimetable(
                staff: StaffMember(name: "Tom Reed"), configuration: later)
            let assessment = timetable.assess(try SchoolTests.instant("2031-01-07T10:00:00Z"))
            #expect(assessment.isWorkingTime)
            #expect(assessment.reason.contains("bank holidays are not known for 2031"))
        }
    }
}
