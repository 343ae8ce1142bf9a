import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The mojibake repair of FORMATS.md §1.2, on the cases of the real samples.
@Suite struct MetaTextTests {
    @Test(
        "repairs Meta's Latin-1-escaped UTF-8",
        arguments: [
            ("Zo\u{c3}\u{ab}", "Zoë"),
            ("T\u{c3}\u{98}S\n", "TØS\n"),  // Waultar comments: \u00c3\u0098
            ("T\u{c3}\u{b8}S", "TøS"),  // the byte pair FORMATS.md's table prints
            ("Tjek \u{f0}\u{9f}\u{91}\u{8f}", "Tjek 👏"),
            ("\u{f0}\u{9f}\u{91}\u{8d}", "👍"),
            ("Ho\u{c3}\u{a0}ng Anh Khoa", "Hoàng Anh Khoa"),
            ("Fotky_z_\u{c4}\u{8d}asov\u{c3}\u{a9}_osy", "Fotky_z_časové_osy"),
            ("\u{e2}\u{9d}\u{a4}", "❤"),
        ])
    func repairs(mojibake: String, expected: String) {
        #expect(MetaText.repairMojibake(mojibake) == expected)
    }

    @Test(
        "leaves correct text unchanged",
        arguments: [
            "", "plain ASCII", "Zoë", "Hoàng Anh Khoa", "👍", "Tjek 👏", "café", "日本語", "Zoë 👍",
            "naïve façade",
        ])
    func leavesCorrectText(text: String) {
        #expect(MetaText.repairMojibake(text) == text)
    }

    @Test("repairing twice changes nothing more")
    func idempotent() {
        let once = MetaText.repairMojibake("Zo\u{c3}\u{ab} \u{f0}\u{9f}\u{91}\u{8d}")
        #expect(once == "Zoë 👍")
        #expect(MetaText.repairMojibake(once) == once)
    }

    @Test("raw fragments keep the source's escapes and sort keys")
    func rawFragmentSerialization() {
        let value = MetaJSONValue.object([
            "b": .string("Zo\u{c3}\u{ab}\n\"q\""),
            "a": .array([.integer(1), .number(1.5), .bool(true), .null]),
        ])
        #expect(value.serialized == #"{"a":[1,1.5,true,null],"b":"Zo\u00c3\u00ab\n\"q\""}"#)
        #expect(MetaJSONValue.string("👍").serialized == #""\ud83d\udc4d""#)
    }
}
