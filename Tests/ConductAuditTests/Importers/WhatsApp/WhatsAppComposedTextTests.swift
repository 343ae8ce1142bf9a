import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// Notices, deleted-message notes and call logs that WhatsApp writes in a sender's place, in the
/// shapes the real downloads of `../shared/formats/real-corpus` show (docs/formats/whatsapp.md):
/// the chats here are written for the tests, in the same byte layout.
@Suite struct WhatsAppComposedTextTests {
    typealias Support = WhatsAppTestSupport

    /// A 2023+ iOS German group: notices after a sender's name, marked with U+200E.
    static let germanGroup = """
        [27.09.23, 09:18:41] Klasse 2B: \u{200E}Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp.
        [27.09.23, 09:18:41] Leon: \u{200E}Leon hat die Gruppe erstellt.
        [27.09.23, 09:20:59] Klasse 2B: \u{200E}Leon hat dich hinzugefügt.
        [27.09.23, 09:23:30] Ali: \u{200E}Leon hat Ali hinzugefügt.
        [27.09.23, 09:27:30] Klasse 2B: \u{200E}Leon hat ~\u{202F}Ben, ~\u{202F}Erik und 4\u{00A0}weitere Personen hinzugefügt. Tippe, um alle zu sehen.
        [27.09.23, 13:09:05] Ali: Hallo zusammen
        \u{200E}[27.09.23, 13:10:00] Leon: \u{200E}Bild weggelassen
        [27.09.23, 13:11:00] Ali: \u{200E}Diese Nachricht wurde gelöscht.
        [27.09.23, 13:12:00] Kerim: \u{200E}Du hast diese Nachricht gelöscht.
        [27.09.23, 13:13:00] ~\u{202F}Nico: \u{200E}~\u{202F}Nico hat eine Nachricht fixiert.
        [27.09.23, 13:14:00] \u{200E}Du: \u{200E}Du hast eine Nachricht fixiert.
        [27.09.23, 13:15:00] Kerim: \u{200E}\u{200E}Kerim hat die Telefonnummer gewechselt. \u{200E}Tippe, um die neue Nummer anzuschreiben oder sie hinzuzufügen.
        [27.09.23, 13:16:00] Leon: \u{200E}Sprachchat. \u{200E}\u{200E}2\u{00A0}Sek. • \u{200E}1 beigetreten
        [27.09.23, 13:17:00] Leon: \u{200E}UMFRAGE:
        Wann lernen wir?
        \u{200E}OPTION: Montag (2 Stimmen)
        [27.09.23, 13:18:00] Ali: Danke
        """

    @Test("iOS German notices with a sender are notices; deletions, media and polls stay messages")
    func germanNotices() throws {
        let result = try Support.importChat(
            Self.germanGroup, named: "WhatsApp Chat - Klasse 2B.txt")
        let lines = result.items.compactMap { $0.source.locator }
        #expect(lines == ["line 6", "line 7", "line 8", "line 9", "line 13", "line 14", "line 17"])
        // The chat starts at the first message, not at the notices hours before it.
        let first = try #require(result.items.compactMap { $0.occurredAt }.min())
        #expect(TimeFormatting.utcISO8601(first) == "2023-09-27T12:09:05Z")
        // The group's name is no participant; the people notices name are.
        let counterparties = Set(
            result.items.flatMap { $0.counterparties }.compactMap { (person: Person) in person.name
            })
        #expect(!counterparties.contains("Klasse 2B"))
        #expect(counterparties.isSuperset(of: ["Ali", "Leon"]))
        // "‎Du" (a marked label: the exporter as "you") is nobody's name.
        #expect(!counterparties.contains("Du"))
        // "Du hast diese Nachricht gelöscht." is only in the exporter's copy: Kerim exported it.
        #expect(result.archive.owner == Person(name: "Kerim"))
        #expect(Support.item(result, line: 8)?.title == "Diese Nachricht wurde gelöscht.")
        #expect(Support.item(result, line: 8)?.text == nil)
        let voiceChat = try #require(Support.item(result, line: 13))
        #expect(voiceChat.title == "Sprachchat. 2\u{00A0}Sek. • 1 beigetreten")
        #expect(voiceChat.text == nil)
        #expect(
            Support.item(result, line: 14)?.text?.hasPrefix("UMFRAGE:\nWann lernen wir?") == true)
    }

    @Test(
        "iOS notices after a sender, in the corpus's languages, are not messages",
        arguments: [
            "[28/2/24, 9:59:02] Jimmy: \u{200E}Jimmy creó el grupo “KKS”.",
            "[28/2/24, 9:59:02] KKS: \u{200E}Jimmy te añadió.",
            "[6/3/24, 9:46:24] KKS: \u{200E}Cambiaste la descripción del grupo.",
            "[6/3/24, 9:48:59] KKS: \u{200E}Ahora eres admin. del grupo.",
            "[10/2/2026, 9:09:56\u{202F}pm] ~\u{202F}Amy: \u{200E}~\u{202F}Amy was added",
            "[25/2/2026, 9:05:42\u{202F}am] ~\u{202F}Siret: \u{200E}~\u{202F}Michelle added ~\u{202F}Siret",
            "[16/2/2026, 1:03:32\u{202F}pm] ~\u{202F}Joy: \u{200E}~\u{202F}Joy pinned a message",
            "[10/2/2026, 9:09:55\u{202F}pm] KL 2026: \u{200E}You joined from the community",
            "[4/3/24, 1:41:34\u{202F}PM] Andrew: \u{200E}Andrew is a contact.",
            "[18-09-2025, 15:26:15] ~ Martine: \u{200E}~ Martine heeft de groep Familiedag gemaakt",
            "[18-09-2025, 15:26:15] Familiedag: \u{200E}~ Martine heeft je toegevoegd",
            "[12/9/22, 18:19:49] Ana: \u{200E}\u{200E}Ana cambió su número de teléfono. \u{200E}Pulsa para enviar un mensaje o añadir el nuevo número.",
        ])
    func notices(_ notice: String) throws {
        let chat =
            "[1/1/24, 9:00:00] Chat: \u{200E}Messages and calls are end-to-end encrypted.\n"
            + "[1/1/24, 9:00:01] Sam: hello\n" + notice + "\n"
        let result = try Support.importChat(chat)
        #expect(result.items.map(\.source.locator) == ["line 2"])
    }

    @Test("iOS call logs are the caller's items, titled by WhatsApp's note, without text")
    func callLogs() throws {
        let chat = """
            [4/3/24, 1:41:34\u{202F}PM] Andrew: \u{200E}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.
            [4/3/24, 1:42:00\u{202F}PM] Andrew: \u{200E}Voice call, \u{200E}12 sec
            [4/3/24, 1:43:00\u{202F}PM] Matthieu: \u{200E}Voice call, \u{200E}No answer
            [4/3/24, 1:44:00\u{202F}PM] Andrew: \u{200E}Missed video call
            [4/3/24, 1:45:00\u{202F}PM] Andrew: \u{200E}Open this link to join my WhatsApp Group: https://chat.whatsapp.com/AbCdEf
            """
        let result = try Support.importChat(chat)
        #expect(result.items.count == 4)
        let call = try #require(Support.item(result, line: 2))
        #expect(call.kind == .message)
        #expect(call.title == "Voice call, 12 sec")
        #expect(call.text == nil)
        #expect(call.author == Person(name: "Andrew"))
        // Nothing in so short a file settles the date order: day-first, 4 March, GMT.
        #expect(Support.utc(call) == "2024-03-04T13:42:00Z")
        #expect(Support.item(result, line: 3)?.title == "Voice call, No answer")
        #expect(Support.item(result, line: 4)?.title == "Missed video call")
        // WhatsApp composes the invitation, but the sender sent it.
        #expect(Support.item(result, line: 5)?.text?.hasPrefix("Open this link") == true)
    }

    @Test("Android number changes, with the numbers written any way, are notices")
    func androidNumberChanges() throws {
        let chat = """
            15/03/2025, 17:40 - Ama: hello
            15/03/2025, 17:41 - +62 859-3929-2267 changed to +62 851-4310-6185
            24/03/2025, 21:37 - +260 975431653 changed to +260 769453430
            25/03/2025, 09:00 - \u{202A}+974 5581 6993\u{202C} changed to \u{202A}+971 54 576 6774\u{202C}
            24/03/2025, 21:38 - Ama: it changed to +44 7700 900123: call me
            """
        let result = try Support.importChat(chat)
        #expect(result.items.map(\.source.locator) == ["line 1", "line 5"])
    }

    @Test("an edit note in the phone's language ends the message; it is the title, not text")
    func editNotes() {
        let german = WhatsAppMessageBody(lines: [
            "gönn dir \u{200E}<Diese Nachricht wurde bearbeitet.>"
        ])
        #expect(german.text == "gönn dir")
        #expect(german.title == "Diese Nachricht wurde bearbeitet")
        let attached = WhatsAppMessageBody(lines: ["look \u{200E}<attached: 00000012-PHOTO.jpg>"])
        #expect(attached.title == nil)
        #expect(attached.attachments.map(\.fileName) == ["00000012-PHOTO.jpg"])
        let typed = WhatsAppMessageBody(lines: ["a <b> tag"])
        #expect(typed.text == "a <b> tag")
    }

    @Test("deleted-message notes in each listed language, with and without the full stop")
    func deletedNotes() {
        #expect(WhatsAppMessageBody.deletedNote("Se eliminó este mensaje.") == .other)
        #expect(WhatsAppMessageBody.deletedNote("Mensagem apagada") == .other)
        #expect(WhatsAppMessageBody.deletedNote("Dit bericht is verwijderd.") == .other)
        #expect(
            WhatsAppMessageBody.deletedNote("Un admin., Jimmy, eliminó este mensaje.") == .other)
        #expect(WhatsAppMessageBody.deletedNote("Mensagem apagada por um admin (você)") == .other)
        #expect(
            WhatsAppMessageBody.deletedNote("Diese Nachricht wurde von Admin Leon gelöscht.")
                == .other)
        #expect(WhatsAppMessageBody.deletedNote("You deleted this message") == .byExporter)
        #expect(
            WhatsAppMessageBody.deletedNote("Waiting for this message. This may take a while.")
                == .other)
        #expect(WhatsAppMessageBody.deletedNote("Waiting for this message") == .other)
        #expect(WhatsAppMessageBody.deletedNote("This message was deleted by me, sorry") == nil)
        #expect(WhatsAppMessageBody.deletedNote("This message was deleted by admin Jo.") == .other)
        #expect(WhatsAppMessageBody.deletedNote("Mensagem apagada? não") == nil)
    }
}
