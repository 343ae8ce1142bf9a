import AuditModel
import Foundation

/// Works out each archive's blind spots from what it is (platform, variant, sections) and what
/// it holds (its months of activity), given the other archives of the same audit.
public enum BlindSpotSurvey {
    /// How long before its download date an archive's latest Messenger message must be for the
    /// silence to be flagged: Messenger chats moved to end-to-end encryption, and out of the
    /// main download, from December 2023.
    public static let messengerSilence: TimeInterval = 90 * 86_400

    /// The day Messenger began making personal chats end-to-end encrypted by default.
    static let messengerEncryptionDay = "2023-12-06"
    /// The day X began offering encrypted direct messages.
    static let xEncryptedMessagesDay = "2023-05-10"

    /// The blind spots of `archive`.
    /// - Parameters:
    ///   - archive: the archive.
    ///   - others: every archive of the audit (the archive itself may be among them).
    ///   - activeMonths: the calendar months ("YYYY-MM", UTC) in which the archive holds at
    ///     least one timed item.
    ///   - downloadDay: the day the download was made, when known ("YYYY-MM-DD").
    /// - Returns: the blind spots, most important first.
    public static func blindSpots(
        of archive: ImportedArchive, among others: [ImportedArchive], activeMonths: Set<String>,
        downloadDay: Date?
    ) -> [BlindSpot] {
        var spots: [BlindSpot] = []
        switch archive.platform {
        case .facebook:
            spots += facebookSpots(of: archive, among: others, downloadDay: downloadDay)
        case .twitter:
            spots.append(
                BlindSpot(
                    what:
                        "X's encrypted direct messages are not in the X archive: only the sender's and recipient's devices hold them.",
                    since: xEncryptedMessagesDay,
                    advice:
                        "Ask whether encrypted messages were used; they can only be seen on the staff member's own devices."
                ))
        case .whatsapp:
            let chat = archive.coverage.first?.section ?? "one chat"
            spots.append(
                BlindSpot(
                    what:
                        "A WhatsApp export holds only the chat exported (\(chat)), one chat per file: the phone's other chats are not here.",
                    since: nil,
                    advice:
                        "Ask for an export ('Export chat') of every other chat the allegation concerns."
                ))
        case .snapchat:
            spots.append(
                BlindSpot(
                    what:
                        "Snapchat's download holds only chats that one side saved, and never a snap's picture or video: unsaved chats and what snaps showed are not here.",
                    since: nil,
                    advice:
                        "Snap history shows who was sent snaps and when; ask about any unsaved chat the allegation concerns (only the people in it can say what it held)."
                ))
        case .tiktok:
            spots.append(
                BlindSpot(
                    what:
                        "TikTok's download lists the staff member's comments but not whose video each was left on, so a comment on a pupil's video is seen only when it names them.",
                    since: nil,
                    advice:
                        "Where a comment's context matters, look at the video on TikTok itself while it is still there."
                ))
        case .instagram:
            break
        }
        spots += gaps(in: activeMonths)
        return spots
    }

    /// The day a download was made, read from the date Meta and X put in the download's file
    /// or folder name ("facebook-name-2025-03-14", "twitter-2025-01-03-…"), else nil.
    public static func downloadDay(fromPath path: String) -> Date? {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let range = name.range(of: #"(19|20)\d\d-\d\d-\d\d"#, options: .regularExpression)
        else { return nil }
        let parts = name[range].split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(
            from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    private static func facebookSpots(
        of archive: ImportedArchive, among others: [ImportedArchive], downloadDay: Date?
    ) -> [BlindSpot] {
        let isSecureStorage = archive.coverage.contains {
            $0.section == FacebookSection.encryptedMessenger.title
        }
        let isMain = archive.coverage.contains {
            $0.section != FacebookSection.encryptedMessenger.title
        }
        guard isMain, !isSecureStorage else { return [] }
        var spots: [BlindSpot] = []
        let secureGiven = others.contains { other in
            other.sha256 != archive.sha256 && other.platform == .facebook
                && other.coverage.contains {
                    $0.section == FacebookSection.encryptedMessenger.title
                }
        }
        spots.append(
            BlindSpot(
                what: secureGiven
                    ? "Messenger chats that are end-to-end encrypted are not in Facebook's main download; Messenger's secure-storage download was given with it and is read."
                    : "Messenger chats that are end-to-end encrypted (the default for personal chats since December 2023) are not in Facebook's main download, and Messenger's secure-storage download was NOT given: recent private messages are missing.",
                since: messengerEncryptionDay,
                advice: secureGiven
                    ? "Check that the secure-storage download covers the same period."
                    : "Ask for Messenger's secure-storage download (Messenger: Settings, Privacy & safety, End-to-end encrypted chats, Message storage, Download secure storage data) and audit it with this download."
            ))
        let messenger = archive.coverage.filter { $0.section.hasPrefix("Messenger:") }
        let latestMessage = messenger.compactMap(\.latest).max()
        let latestAny = archive.coverage.compactMap(\.latest).max()
        if !secureGiven, let end = downloadDay ?? latestAny {
            if let latestMessage, end.timeIntervalSince(latestMessage) > messengerSilence {
                spots.append(
                    BlindSpot(
                        what:
                            "The latest Messenger message in this download is of \(day(latestMessage)), long before the download (\(day(end))): later chats are probably end-to-end encrypted and only in the secure-storage download.",
                        since: day(latestMessage),
                        advice:
                            "Ask for Messenger's secure-storage download covering \(day(latestMessage)) to \(day(end))."
                    ))
            } else if latestMessage == nil {
                spots.append(
                    BlindSpot(
                        what: "This download holds no Messenger message at all.",
                        since: nil,
                        advice:
                            "Ask for Messenger's secure-storage download, and check that messages were selected when the download was requested."
                    ))
            }
        }
        return spots
    }

    /// How many months before an archive's latest activity its silent months are listed one by
    /// one; silent months before that are summed up in one blind spot.
    static let recentMonths = 36

    /// Runs of whole calendar months with no item at all between the first and the last active
    /// month: each run in the last ``recentMonths`` months of activity, and the earlier ones
    /// together.
    static func gaps(in activeMonths: Set<String>) -> [BlindSpot] {
        let months = activeMonths.compactMap(MonthNumber.init).sorted()
        guard let first = months.first, let last = months.last, months.count >= 2 else { return [] }
        let active = Set(months)
        var runs: [(start: MonthNumber, end: MonthNumber)] = []
        var month = first
        while month < last {
            guard !active.contains(month) else {
                month = month.next
                continue
            }
            var end = month
            while !active.contains(end.next) { end = end.next }
            runs.append((month, end))
            month = end.next
        }
        let span = "\(first.text) to \(last.text)"
        let advice =
            "Ask whether the account was used in that time, and for another download or the other party's copy if it matters."
        let recentStart = last.value - recentMonths
        let older = runs.filter { $0.end.value < recentStart }
        var spots: [BlindSpot] = []
        if let oldest = older.first, let newest = older.last {
            let count = older.reduce(0) { $0 + $1.end.value - $1.start.value + 1 }
            spots.append(
                BlindSpot(
                    what:
                        BlindSpot.gapOpening
                        + "\(count) month(s) between \(oldest.start.text) and \(newest.end.text), in \(older.count) stretch(es), inside the archive's active span (\(span)).",
                    since: oldest.start.text + "-01", advice: advice))
        }
        for run in runs where run.end.value >= recentStart {
            let count = run.end.value - run.start.value + 1
            let when = count == 1 ? run.start.text : "\(run.start.text) to \(run.end.text)"
            spots.append(
                BlindSpot(
                    what:
                        BlindSpot.gapOpening
                        + "\(when) (\(count) month\(count == 1 ? "" : "s")), inside an otherwise active span (\(span)): items of that time may have been deleted before the download.",
                    since: run.start.text + "-01", advice: advice))
        }
        return spots
    }

    private static func day(_ date: Date) -> String {
        String(TimeFormatting.utcISO8601(date).prefix(10))
    }

    /// A calendar month as a number of months since year 0, for stepping.
    private struct MonthNumber: Comparable, Hashable {
        var value: Int
        init?(_ text: String) {
            let parts = text.split(separator: "-")
            guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
                (1...12).contains(month)
            else { return nil }
            value = year * 12 + month - 1
        }
        private init(value: Int) { self.value = value }
        var next: MonthNumber { MonthNumber(value: value + 1) }
        var text: String {
            let year = value / 12
            let month = value % 12 + 1
            return "\(year)-\(month < 10 ? "0" : "")\(month)"
        }
        static func < (lhs: MonthNumber, rhs: MonthNumber) -> Bool { lhs.value < rhs.value }
    }
}
