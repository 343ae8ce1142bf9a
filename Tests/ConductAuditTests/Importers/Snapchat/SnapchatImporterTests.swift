import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The Snapchat importer on every layout of docs/formats/snapchat.md: the current per-
/// conversation JSON (Rebecca Hale's sample), the direction-grouped JSON of 2020-2022 (saved and
/// unsaved lists), the oldest "Received Chat History" lists, and the HTML tables.
@Suite struct SnapchatImporterTests {
    typealias Support = HTMLTestSupport

    /// Imports a folder of `files` (path → contents) and removes it.
    static func importFolder(_ files: [String: String]) throws -> ImportResult {
        let folder = try TemporaryFolder.make("snapchat-tests")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FacebookTestSupport.write(files, under: folder)
        return try Support.importArchive(at: folder)
    }

    /// Every file of `result`'s archive in a coverage section, the media or an issue.
    static func unaccounted(_ result: ImportResult, files: [String]) -> [String] {
        let accounted = Set(
            result.archive.coverage.flatMap(\.files) + result.archive.media.map(\.path)
                + result.archive.unparsed.map(\.file))
        return files.filter { !accounted.contains($0) }
    }

    @Test("the sample (per-conversation layout): owner, every list, chats, snaps, caveats")
    func sample() throws {
        let url = Support.repositorySample("snapchat-beckyhale-2025-03-14")
        let result = try Support.importArchive(at: url)
        #expect(result.archive.platform == .snapchat)
        #expect(result.archive.variant == .json)
        #expect(result.archive.owner == Person(name: "Becky Hale", handle: "beckyhale.snaps"))
        #expect(result.items.count == 18)
        let items = Support.itemsByLocation(result)

        let profile = try #require(items["json/account.json#/Basic Information"])
        #expect(profile.kind == .profile)
        #expect(profile.text?.hasPrefix("Name: Becky Hale\nUsername: beckyhale.snaps") == true)

        let ollie = try #require(items["json/friends.json#/Friends/0"])
        #expect(ollie.kind == .friend)
        #expect(ollie.connectionState == .active)
        #expect(ollie.counterparties == [Person(name: "Ollie B", handle: "olliebsnaps")])
        #expect(ollie.title == "Added by Search")
        #expect(Support.utc(ollie.occurredAt) == "2024-11-23T19:05:11Z")
        #expect(ollie.timeBasis == .explicit)
        #expect(ollie.rawFragment.hasPrefix(#"{"Username":"olliebsnaps","Display Name":"Ollie B""#))

        let sent = try #require(items["json/friends.json#/Friend Requests Sent/0"])
        #expect(sent.kind == .friendRequestSent)
        #expect(sent.isAuthoredByOwner)
        let deleted = try #require(items["json/friends.json#/Deleted Friends/0"])
        #expect(deleted.connectionState == .removed)
        // A deleted friend's time is when the friendship was deleted (Last Modified Timestamp).
        #expect(Support.utc(deleted.occurredAt) == "2023-03-01T20:00:00Z")
        let blocked = try #require(items["json/friends.json#/Blocked Users/0"])
        #expect(blocked.connectionState == .blocked)
        #expect(blocked.title?.hasPrefix("Blocked by the owner") == true)
        let pending = try #require(items["json/friends.json#/Pending Requests/0"])
        #expect(pending.kind == .friendRequestReceived)
        #expect(pending.connectionState == .pending)
        #expect(!pending.isAuthoredByOwner)

        let received = try #require(items["json/chat_history.json#/olliebsnaps/0"])
        #expect(received.kind == .message)
        #expect(!received.isAuthoredByOwner)
        #expect(received.author?.handle == "olliebsnaps")
        #expect(received.counterparties.map(\.handle) == ["olliebsnaps"])
        #expect(received.conversation == "olliebsnaps")
        #expect(received.text == "miss can u help with the maths homework")
        let reply = try #require(items["json/chat_history.json#/olliebsnaps/1"])
        #expect(reply.isAuthoredByOwner)
        #expect(reply.author == result.archive.owner)
        let media = try #require(items["json/chat_history.json#/olliebsnaps/2"])
        #expect(media.text == nil)
        #expect(media.attachments == [Attachment(kind: .other, caption: "MEDIA")])

        // A group: titled, its other participants the counterparties.
        let group = try #require(
            items["json/chat_history.json#/5f1b3c2e-9a7d-4e2b-8c1f-2d3e4f5a6b7c/1"])
        #expect(group.conversation == "Book club")
        #expect(group.counterparties.map(\.handle) == ["zoefairfax"])
        #expect(group.isAuthoredByOwner)

        let snap = try #require(items["json/snap_history.json#/olliebsnaps/0"])
        #expect(snap.kind == .message)
        #expect(snap.isAuthoredByOwner)
        #expect(snap.text == nil)
        #expect(snap.attachments.map(\.kind) == [.photo])
        #expect(snap.title?.hasPrefix("Snap sent (IMAGE)") == true)
        let snapBack = try #require(items["json/snap_history.json#/olliebsnaps/1"])
        #expect(!snapBack.isAuthoredByOwner)
        #expect(snapBack.attachments.map(\.kind) == [.video])

        #expect(
            result.archive.coverage.map(\.section) == [
                "Snapchat: profile", "Snapchat: friends", "Snapchat: friend requests",
                "Snapchat: blocked", "Snapchat: saved chats", "Snapchat: snap history",
            ])
        let caveats = result.archive.unparsed.filter { $0.kind == .caveat }
        #expect(caveats.map(\.file) == ["json/chat_history.json", "json/snap_history.json"])
        #expect(caveats[0].reason.contains("only chats saved"))
        #expect(caveats[1].reason.contains("never in the download"))
        #expect(
            result.archive.unparsed.contains {
                $0.file == "json/location_history.json" && $0.kind == .notImported
            })
        #expect(result.archive.unparsed.filter { $0.kind == .unreadable }.isEmpty)
    }

    /// The 2020-2022 layout: lists by direction, saved and unsaved; `To` on sent records; a
    /// download folder `mydata~<id>/json/`; a chat's media file in `chat_media/`.
    static let directionLayout: [String: String] = [
        "mydata~1612345678901/json/account.json": """
        {"Basic Information": {"Username": "mr.teacher", "Name": "Sam Teacher", "Creation Date": "2015-01-02 03:04:05 UTC", "Birthday": "2010-05-06"}}
        """,
        "mydata~1612345678901/json/friends.json": """
        {
          "Friends": [{"Username": "kid.one", "Display Name": "Kid One", "Creation Timestamp": "2021-03-04 18:00:00 UTC", "Last Modified Timestamp": "2021-03-04 18:00:00 UTC", "Source": "Added by Quick Add"}],
          "Friend Requests Sent": [],
          "Blocked Users": [],
          "Deleted Friends": [],
          "Ignored Snapchatters": [{"Username": "stranger.x", "Display Name": "", "Creation Timestamp": "2021-05-01 09:00:00 UTC", "Last Modified Timestamp": "2021-05-02 09:00:00 UTC", "Source": ""}],
          "Pending Requests": [],
          "Hidden Friend Suggestions": [{"Username": "hidden.one", "Display Name": "Hidden", "Creation Timestamp": "", "Last Modified Timestamp": "", "Source": ""}],
          "Shortcuts": []
        }
        """,
        "mydata~1612345678901/json/chat_history.json": """
        {
          "Received Saved Chat History": [
            {"From": "kid.one", "Media Type": "TEXT", "Created": "2021-03-05 19:00:00 UTC", "Text": "hi sir"},
            {"From": "kid.one", "Media Type": "IMAGE", "Created": "2021-03-05 19:01:00 UTC", "Text": ""}
          ],
          "Sent Saved Chat History": [
            {"To": "kid.one", "Media Type": "TEXT", "Created": "2021-03-05 19:02:00 UTC", "Text": "hello"}
          ],
          "Received Unsaved Chat History": [],
          "Sent Unsaved Chat History": [
            {"To": "kid.one", "Media Type": "MEDIA", "Created": "2021-03-05 19:03:00 UTC", "Text": "", "Media IDs": "b~abc123"}
          ]
        }
        """,
        "mydata~1612345678901/json/snap_history.json": """
        {
          "Received Snap History": [{"From": "kid.one", "Media Type": "VIDEO", "Created": "2021-03-06 08:15:00 UTC"}],
          "Sent Snap History": [{"To": "kid.one", "Media Type": "IMAGE", "Created": "2021-03-06 08:20:00 UTC"}]
        }
        """,
        "mydata~1612345678901/chat_media/2021-03-05_b~abc123.jpg": "not really a jpeg",
        "mydata~1612345678901/html/friends.html": "<html><body><table></table></body></html>",
    ]

    @Test("the direction-grouped layout (2020-2022): saved and unsaved lists, To on sent records")
    func directionGrouped() throws {
        let result = try Self.importFolder(Self.directionLayout)
        let root = "mydata~1612345678901/"
        #expect(result.archive.owner == Person(name: "Sam Teacher", handle: "mr.teacher"))
        let items = Support.itemsByLocation(result)
        let profile = try #require(items["\(root)json/account.json#/Basic Information"])
        #expect(profile.text?.contains("Birthday: 2010-05-06") == true)

        let ignored = try #require(items["\(root)json/friends.json#/Ignored Snapchatters/0"])
        #expect(ignored.kind == .friendRequestReceived)
        #expect(ignored.connectionState == .rejected)

        let hi = try #require(items["\(root)json/chat_history.json#/Received Saved Chat History/0"])
        #expect(hi.author?.handle == "kid.one")
        #expect(hi.conversation == "kid.one")
        #expect(hi.text == "hi sir")
        let picture = try #require(
            items["\(root)json/chat_history.json#/Received Saved Chat History/1"])
        #expect(picture.text == nil)
        #expect(picture.attachments.map(\.kind) == [.photo])
        let hello = try #require(items["\(root)json/chat_history.json#/Sent Saved Chat History/0"])
        #expect(hello.isAuthoredByOwner)
        #expect(hello.counterparties == [Person(handle: "kid.one")])
        #expect(hello.conversation == "kid.one")
        // The unsaved list (kept by Snapchat for a while) is read too; its media id names the
        // file in chat_media/.
        let unsaved = try #require(
            items["\(root)json/chat_history.json#/Sent Unsaved Chat History/0"])
        #expect(
            unsaved.attachments == [
                Attachment(
                    kind: .photo, uri: "\(root)chat_media/2021-03-05_b~abc123.jpg", caption: "MEDIA"
                )
            ])
        #expect(result.archive.media.map(\.path) == ["\(root)chat_media/2021-03-05_b~abc123.jpg"])

        let snapIn = try #require(items["\(root)json/snap_history.json#/Received Snap History/0"])
        #expect(!snapIn.isAuthoredByOwner)
        #expect(snapIn.conversation == "kid.one")
        #expect(Support.utc(snapIn.occurredAt) == "2021-03-06T08:15:00Z")
        let snapOut = try #require(items["\(root)json/snap_history.json#/Sent Snap History/0"])
        #expect(snapOut.isAuthoredByOwner)
        #expect(snapOut.counterparties == [Person(handle: "kid.one")])

        #expect(
            result.archive.unparsed.contains {
                $0.locator == "/Hidden Friend Suggestions" && $0.kind == .notImported
            })
        #expect(
            result.archive.unparsed.contains {
                $0.file == "\(root)html/friends.html" && $0.kind == .notImported
            })
        #expect(Self.unaccounted(result, files: Self.directionLayout.keys.map { $0 }).isEmpty)
    }

    @Test("the oldest layout: 'Received Chat History' lists, files flattened out of json/")
    func oldestLayout() throws {
        let result = try Self.importFolder([
            "chat_history.json": """
            {"Received Chat History": [{"From": "pal", "Media Type": "TEXT", "Created": "2018-07-01 10:00:00 UTC", "Text": "yo"}],
             "Sent Chat History": [{"To": "pal", "Media Type": "TEXT", "Created": "2018-07-01 10:01:00 UTC", "Text": "hey"}]}
            """,
            "friends.json": """
            {"Friends": [{"Username": "pal", "Display Name": "Pal", "Creation Timestamp": "2018-06-30 09:00:00 UTC"}]}
            """,
        ])
        #expect(result.archive.platform == .snapchat)
        #expect(result.items.count == 3)
        let items = Support.itemsByLocation(result)
        #expect(items["chat_history.json#/Sent Chat History/0"]?.isAuthoredByOwner == true)
        #expect(items["chat_history.json#/Received Chat History/0"]?.author?.handle == "pal")
        #expect(
            items["friends.json#/Friends/0"]?.counterparties == [Person(name: "Pal", handle: "pal")]
        )
        // No account file: the owner is not named, and the archive says so.
        #expect(result.archive.owner == nil)
        #expect(
            result.archive.unparsed.contains { $0.file == "account.json" && $0.kind == .caveat })
    }

    @Test("without an account file, the records marked IsSender name the owner")
    func ownerFromIsSender() throws {
        let result = try Self.importFolder([
            "json/chat_history.json": """
            {"pal": [{"From": "pal", "Media Type": "TEXT", "Created": "2024-01-01 10:00:00 UTC", "Content": "hi", "IsSender": false},
                     {"From": "me.myself", "Media Type": "TEXT", "Created": "2024-01-01 10:01:00 UTC", "Content": "hello", "IsSender": true}]}
            """,
            "json/friends.json": """
            {"Friend Requests Sent": [{"Username": "pal", "Creation Timestamp": "2023-12-31 10:00:00 UTC"}]}
            """,
        ])
        #expect(result.archive.owner == Person(handle: "me.myself"))
        #expect(result.archive.ownerEvidence?.contains("IsSender") == true)
        let request = try #require(result.items.first { $0.kind == .friendRequestSent })
        #expect(request.author == Person(handle: "me.myself"))
        #expect(!result.archive.unparsed.contains { $0.file == "account.json" })
    }

    @Test("an archive with neither chats nor snaps says what that means")
    func noChatsOrSnaps() throws {
        let result = try Self.importFolder([
            "json/friends.json":
                #"{"Friends": [{"Username": "pal", "Creation Timestamp": "2018-06-30 09:00:00 UTC"}]}"#,
            "json/account.json": #"{"Basic Information": {"Username": "me", "Name": "Me"}}"#,
        ])
        let caveats = result.archive.unparsed.filter { $0.kind == .caveat }
        #expect(caveats.count == 3)
        #expect(caveats.contains { $0.reason.contains("neither saved chats nor snap history") })
    }

    @Test("broken input: a file that is not JSON, a record without a name, an unreadable time")
    func brokenInput() throws {
        let result = try Self.importFolder([
            "json/chat_history.json": "{\"pal\": [",
            "json/friends.json": """
            {"Friends": [{"Display Name": "Nobody"}, {"Username": "pal", "Creation Timestamp": "yesterday"}], "Mystery List": []}
            """,
        ])
        let unreadable = result.archive.unparsed.filter { $0.kind == .unreadable }
        #expect(
            unreadable.contains {
                $0.file == "json/chat_history.json" && $0.reason.contains("not valid JSON")
            })
        #expect(
            unreadable.contains {
                $0.locator == "/Friends/0" && $0.reason.contains("names no account")
            })
        #expect(unreadable.contains { $0.locator == "/Mystery List" })
        let pal = try #require(result.items.first { $0.kind == .friend })
        #expect(pal.occurredAt == nil)
        #expect(
            result.archive.unparsed.contains {
                $0.locator == "/Friends/1" && $0.kind == .caveat
                    && $0.reason.contains("'yesterday'")
            })
    }

    /// The HTML pages: a table per list under its heading, header cells naming the columns;
    /// the account as a two-column table.
    static let htmlLayout: [String: String] = [
        "html/account.html": """
        <html><body><h3>Basic Information</h3><table>
        <tr><td>Username</td><td>mr.teacher</td></tr><tr><td>Name</td><td>Sam Teacher</td></tr>
        </table></body></html>
        """,
        "html/friends.html": """
        <html><body><h3>Friends</h3><table>
        <tr><th>Username</th><th>Display Name</th><th>Creation Timestamp</th><th>Last Modified Timestamp</th><th>Source</th></tr>
        <tr><td>kid.one</td><td>Kid One</td><td>2021-03-04 18:00:00 UTC</td><td>2021-03-04 18:00:00 UTC</td><td>Added by Search</td></tr>
        </table><h3>Blocked Users</h3><table>
        <tr><th>Username</th><th>Display Name</th><th>Creation Timestamp</th><th>Last Modified Timestamp</th><th>Source</th></tr>
        </table></body></html>
        """,
        "html/snap_history.html": """
        <html><body><h4>Received Snap History</h4><table>
        <tr><th>From</th><th>Media Type</th><th>Created</th></tr>
        <tr><td>kid.one</td><td>IMAGE</td><td>2021-03-06 08:15:00 UTC</td></tr>
        </table><h4>Sent Snap History</h4><table>
        <tr><th>To</th><th>Media Type</th><th>Created</th></tr>
        <tr><td>kid.one</td><td>VIDEO</td><td>2021-03-06 08:20:00 UTC</td></tr>
        </table></body></html>
        """,
        "html/chat_history.html": """
        <html><body><h4>Received Saved Chat History</h4><table>
        <tr><th>From</th><th>Media Type</th><th>Created</th><th>Text</th></tr>
        <tr><td>kid.one</td><td>TEXT</td><td>2021-03-05 19:00:00 UTC</td><td>hi sir</td></tr>
        </table></body></html>
        """,
        "index.html": "<html><body><a href=\"html/friends.html\">Friends</a></body></html>",
    ]

    @Test("the HTML variant: tables read like the JSON, rows cited by element path")
    func htmlTables() throws {
        let result = try Self.importFolder(Self.htmlLayout)
        #expect(result.archive.platform == .snapchat)
        #expect(result.archive.variant == .html)
        #expect(result.archive.owner == Person(name: "Sam Teacher", handle: "mr.teacher"))
        #expect(result.items.count == 5)
        let friend = try #require(result.items.first { $0.kind == .friend })
        #expect(friend.counterparties == [Person(name: "Kid One", handle: "kid.one")])
        #expect(Support.utc(friend.occurredAt) == "2021-03-04T18:00:00Z")
        #expect(friend.source.locator.hasPrefix("/html/body/table"))
        #expect(friend.rawFragment.hasPrefix("<tr>"))
        #expect(friend.rawFragment.contains("kid.one"))
        let sentSnap = try #require(
            result.items.first { $0.kind == .message && $0.isAuthoredByOwner })
        #expect(sentSnap.attachments.map(\.kind) == [.video])
        let chat = try #require(result.items.first { $0.text == "hi sir" })
        #expect(chat.source.file == "html/chat_history.html")
        #expect(
            result.archive.unparsed.contains { $0.file == "index.html" && $0.kind == .notImported })
        #expect(Self.unaccounted(result, files: Self.htmlLayout.keys.map { $0 }).isEmpty)
    }

    @Test("older HTML pages: history tables found by position, columns without header cells")
    func positionalHTMLTables() throws {
        let result = try Self.importFolder([
            "html/snap_history.html": """
            <html><body><div class="title">Snap History</div>
            <table><tr><td>kid.one</td><td>IMAGE</td><td>2020-01-10 17:00:00 UTC</td></tr></table>
            <table><tr><td>kid.one</td><td>VIDEO</td><td>2020-01-10 17:05:00 UTC</td></tr></table>
            </body></html>
            """,
            "html/chat_history.html": """
            <html><body><h2>Chat History</h2>
            <table><tr><td>kid.one</td><td>TEXT</td><td>2020-01-10 17:10:00 UTC</td><td>thanks miss</td></tr></table>
            <table><tr><td>kid.one</td><td>TEXT</td><td>2020-01-10 17:11:00 UTC</td><td>no problem</td></tr></table>
            </body></html>
            """,
        ])
        let items = result.items.sorted {
            ($0.occurredAt ?? .distantPast) < ($1.occurredAt ?? .distantPast)
        }
        #expect(items.map(\.isAuthoredByOwner) == [false, true, false, true])
        #expect(items.map(\.conversation) == ["kid.one", "kid.one", "kid.one", "kid.one"])
        #expect(items[2].text == "thanks miss")
        #expect(items[1].attachments.map(\.kind) == [.video])
        #expect(Support.utc(items[3].occurredAt) == "2020-01-10T17:11:00Z")
    }

    @Test("a split download: the media-only part given with the first joins it")
    func splitDownload() throws {
        let folder = try TemporaryFolder.make("snapchat-tests")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("mydata~1612345678901.zip")
        let second = folder.appendingPathComponent("mydata~1612345678901-2.zip")
        var files: [String: Data] = [:]
        for (path, text) in Self.directionLayout where !path.contains("chat_media") {
            files[String(path.dropFirst("mydata~1612345678901/".count))] = Data(text.utf8)
        }
        try FacebookTestSupport.zip(files, prefix: "mydata~1612345678901/", to: first)
        try FacebookTestSupport.zip(
            [
                "chat_media/2021-03-05_b~abc123.jpg": Data("picture".utf8),
                "memories/2021-01-01_x.mp4": Data("film".utf8),
            ],
            prefix: "mydata~1612345678901/", to: second)
        let results = try ImportStage().importArchives(
            at: [first, second], localTimeZone: Support.london)
        #expect(results.count == 1)
        let result = try #require(results.first)
        #expect(result.archive.parts.count == 2)
        #expect(
            result.archive.media.map(\.path) == [
                "mydata~1612345678901/chat_media/2021-03-05_b~abc123.jpg"
            ])
        let unsaved = try #require(
            result.items.first { $0.source.locator == "/Sent Unsaved Chat History/0" })
        #expect(
            unsaved.attachments.first?.uri
                == "mydata~1612345678901/chat_media/2021-03-05_b~abc123.jpg")
        #expect(
            result.archive.unparsed.contains {
                $0.file == "mydata~1612345678901/memories/2021-01-01_x.mp4"
                    && $0.kind == .notImported
            })
    }

    /// The rules over the direction-grouped fixture, with a roster naming kid.one's Snapchat
    /// account: the friendship, the chats and snaps either way are contact; the profile's
    /// birthday makes the owner 11 in 2021.
    @Test("the rules fire on the direction-grouped layout: contact by known account, age")
    func rulesOnDirectionLayout() throws {
        let result = try Self.importFolder(Self.directionLayout)
        let roster = try Roster.parse(
            csv: """
                UPN,Legal Forename,Legal Surname,DOB,Admission Date,Known Accounts
                A1,Kim,Oneworth,01/02/2010,01/09/2015,snap:kid.one
                """, file: "pupils.csv")
        let school = try SchoolConfiguration.load(
            from: SampleAnswerKeyTests.samples.appendingPathComponent("school.yaml"))
        let staff = try #require(school.staffMember(named: "Rebecca Hale"))
        let analysis = Analyzer().analyze(
            Timeline(items: result.items),
            configuration: AuditConfiguration(school: school, staff: staff, roster: roster))
        let contact = analysis.findings.filter { $0.rule == .pupilContact }.map(\.source.locator)
            .sorted()
        #expect(
            contact == [
                "/Friends/0", "/Received Saved Chat History/0", "/Received Saved Chat History/1",
                "/Received Snap History/0", "/Sent Saved Chat History/0", "/Sent Snap History/0",
                "/Sent Unsaved Chat History/0",
            ])
        #expect(
            analysis.findings.contains {
                $0.rule == .ageMisrepresentation && $0.source.locator == "/Basic Information"
            })
        // The request the owner ignored is not contact.
        #expect(!analysis.findings.contains { $0.source.locator == "/Ignored Snapchatters/0" })
    }

    @Test("other platforms' exports are not claimed")
    func notOtherExports() throws {
        for sample in [
            "facebook-rebeccahale-2025-03-14", "instagram-beckyhale-2025-03-14",
            "twitter-beckyhale-2025-03-14.zip", "whatsapp-year5-parents.zip",
        ] {
            let reader = try ArchiveReader(url: Support.repositorySample(sample))
            #expect(SnapchatImporter().recognizedVariant(of: reader) == nil, "\(sample)")
            #expect(TikTokImporter().recognizedVariant(of: reader) == nil, "\(sample)")
        }
    }
}
