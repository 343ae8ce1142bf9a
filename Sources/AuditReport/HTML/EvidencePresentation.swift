import AuditAnalysis
import AuditModel
import Foundation

/// The pieces of markup index and incident pages share: times, statuses, people, items.
struct EvidencePresentation {
    var bundle: EvidenceBundle

    /// A local time as people read it, "Sat 12 Oct 2024, 18:20 BST", with the same instant in
    /// UTC beside it, in a `<time>` element whose title holds the exact ISO 8601 time; or a
    /// plain statement that the source gives no time.
    func time(_ date: Date?) -> String {
        guard let date else { return "<em>no time in the source</em>" }
        let local = ZonedDateTime(date, in: bundle.timeZone)
        let utc = ZonedDateTime(date, in: TimeZone(secondsFromGMT: 0) ?? .current)
        let utcText =
            utc.date == local.date
            ? "\(utc.shortClock) UTC" : "\(utc.shortDate), \(utc.shortClock) UTC"
        return "<time datetime=\"\(ZonedDateTime.utc(date))\" title=\"\(local.iso8601) "
            + "(\(HTML.escape(local.zoneIdentifier)))\"><span class=\"nw\">\(local.shortDate),"
            + "</span> <span class=\"nw\">\(local.shortClock) "
            + "\(HTML.escape(local.zoneAbbreviation))</span></time> "
            + "<span class=\"utc nw\">(\(utcText))</span>"
    }

    /// The UTC form of an instant, or a dash.
    func utc(_ date: Date?) -> String {
        date.map { HTML.escape(ZonedDateTime.utc($0)) } ?? "—"
    }

    /// "Wednesday 12 June 2024, 10:15:00", local.
    func readable(_ date: Date?) -> String {
        guard let date else { return "no time in the source" }
        let local = ZonedDateTime(date, in: bundle.timeZone)
        return "\(local.readableDate), \(local.clock)"
    }

    /// A status as a styled word.
    static func status(_ status: ReviewStatus) -> String {
        "<span class=\"status-\(status.rawValue)\">\(status.rawValue)</span>"
    }

    /// "open", or "2 open, 1 confirmed": the statuses of a group of findings.
    static func statusSummary(_ statuses: [ReviewStatus]) -> String {
        let counts = ReviewStatus.allCases.compactMap { status -> String? in
            let count = statuses.filter { $0 == status }.count
            guard count > 0 else { return nil }
            return statuses.count == count ? Self.status(status) : "\(count) \(Self.status(status))"
        }
        return counts.isEmpty ? "—" : counts.joined(separator: ", ")
    }

    /// The warning a reader needs when an item's time was not recorded as an instant.
    func timeBasisNote(_ basis: TimeBasis) -> String? {
        let zone = HTML.escape(bundle.timeZone.identifier)
        switch basis {
        case .explicit:
            return nil
        case .inferredLocal:
            return "The export records this time as a wall-clock time without a time zone; it "
                + "was read as local time in \(zone). The instant is inferred, not recorded."
        case .ambiguousLocal:
            return "The export records this time as a wall-clock time in the hour repeated when "
                + "clocks go back; it is one of two instants an hour apart, read in \(zone). "
                + "Which one cannot be told from the export."
        case .none:
            return "The export gives this item no time."
        }
    }

    /// A person as "Name (@handle, account id)".
    static func person(_ person: Person?) -> String {
        guard let person, !person.isAnonymous else { return "<em>unnamed</em>" }
        var details: [String] = []
        if person.name != nil, let handle = person.handle { details.append("@" + handle) }
        if person.name != nil || person.handle != nil, let account = person.accountID {
            details.append("account " + account)
        }
        let label = HTML.escape(person.label)
        return details.isEmpty
            ? label : "\(label) (\(HTML.escape(details.joined(separator: ", "))))"
    }

    /// A person as "Name (@handle)", without the account id (which the source fragment holds).
    static func shortPerson(_ person: Person?) -> String {
        guard let person, !person.isAnonymous else { return "<em>unnamed</em>" }
        let label = HTML.escape(person.label)
        guard person.name != nil, let handle = person.handle else { return label }
        return "\(label) (@\(HTML.escape(handle)))"
    }

    /// Where an item or finding came from: archive path and digest, file, locator.
    func source(_ source: SourceReference) -> String {
        HTML.facts([
            ("Archive", "<span class=\"mono\">\(HTML.escape(source.archivePath))</span>"),
            (
                "Archive SHA-256",
                "<span class=\"mono hash\">\(HTML.escape(source.archiveSHA256))</span>"
            ),
            (
                "File in archive",
                "<span class=\"mono\">"
                    + HTML.escape(source.file.isEmpty ? "(the archive itself)" : source.file)
                    + "</span>"
            ),
            ("Locator", "<span class=\"mono\">\(HTML.escape(source.locator))</span>"),
        ])
    }

    /// A table of items (context or supporting), in the given order; `cited` rows are marked.
    func itemTable(_ items: [TimelineItem], cited: Set<ItemID>) -> String {
        var result = """
            <table class="items">
            <tr><th>Local time</th><th>Activity</th><th>Author</th><th>With</th><th>Text</th>\
            <th>Source</th></tr>\n
            """
        for item in items {
            let text = [item.text, item.title].compactMap { $0 }.first ?? ""
            let attachments = item.attachments.map { attachment in
                "[\(attachment.kind.rawValue)\(attachment.uri.map { ": " + $0 } ?? "")]"
            }
            let body = ([text] + attachments).filter { !$0.isEmpty }.joined(separator: "\n")
            let marker = cited.contains(item.id) ? " class=\"cited\"" : ""
            let basisNote = item.timeBasis.isInferred ? " <em>(time inferred)</em>" : ""
            result += "<tr\(marker)><td>\(time(item.occurredAt))\(basisNote)</td>"
            let activity = item.platform.displayName + " " + item.kind.displayName
            result += "<td>\(HTML.escape(activity))</td>"
            result += "<td>\(Self.person(item.author))</td>"
            result += "<td>\(item.counterparties.map(Self.person).joined(separator: "; "))</td>"
            result += "<td class=\"excerpt\">\(HTML.escape(body))</td>"
            result += "<td class=\"mono\">\(HTML.escape(item.source.citation))</td></tr>\n"
        }
        return result + "</table>\n"
    }

    /// "Facebook comment by Rebecca Hale, 2024-01-11T11:05:44+00:00 (Europe/London)": plain text.
    func itemSummary(_ item: TimelineItem) -> String {
        let who = item.author.map(\.label) ?? "an unnamed person"
        let when =
            item.occurredAt.map {
                let local = ZonedDateTime($0, in: bundle.timeZone)
                return "\(local.shortDate), \(local.shortClock) \(local.zoneAbbreviation)"
            } ?? "no time in the source"
        if item.kind.isConnection || item.author == nil {
            // Connections are between two accounts; the export names the other one.
            let other = item.counterparties.map(\.label).joined(separator: ", ")
            let state = item.connectionState.map { $0 == .active ? "" : " (\($0.rawValue))" } ?? ""
            if !other.isEmpty {
                return
                    "\(item.platform.displayName) \(item.kind.displayName)\(state): \(other), \(when)"
            }
        }
        return "\(item.platform.displayName) \(item.kind.displayName) by \(who), \(when)"
    }

    /// What an exhibit is, in a line of HTML for the exhibit index.
    func exhibitDescription(_ exhibit: Exhibit) -> String {
        switch exhibit.subject {
        case .item(let id):
            guard let item = bundle.items[id] else { return "item \(HTML.escape(id.rawValue))" }
            return HTML.escape(itemSummary(item))
                + "<br><span class=\"mono\">\(HTML.escape(item.source.citation))</span>"
        case .media(let itemID, let index):
            guard let item = bundle.items[itemID], item.attachments.indices.contains(index) else {
                return "an attached file"
            }
            let attachment = item.attachments[index]
            let kind = attachment.kind.rawValue
            return "\(HTML.escape(kind.prefix(1).uppercased() + kind.dropFirst())) attached to "
                + HTML.escape(itemSummary(item))
                + "<br><span class=\"mono\">\(HTML.escape(attachment.uri ?? ""))</span>"
        case .context(let id):
            let ids = exhibit.findings.isEmpty ? [id] : exhibit.findings
            let items = ExhibitIndex.contextItems(of: ids, in: bundle).compactMap {
                bundle.items[$0]
            }
            return "Context of finding\(ids.count == 1 ? "" : "s") "
                + ids.map { "<span class=\"mono\">\(HTML.escape($0.rawValue))</span>" }
                .joined(separator: ", ") + ": " + contextTitle(items)
        }
    }

    /// "Facebook thread “Jordan Reece”, messages 12–18 of 40" or "the staff member's items on
    /// Thursday 11 January 2024 (6 items)", as HTML.
    func contextTitle(_ items: [TimelineItem]) -> String {
        guard let first = items.first else { return "no items" }
        if let conversation = first.conversation, items.allSatisfy({ $0.conversation != nil }) {
            let lines = items.compactMap { bundle.threadPositions[$0.id] }
            var title =
                "\(HTML.escape(first.platform.displayName)) thread “\(HTML.escape(conversation))”"
            if let low = lines.map(\.line).min(), let high = lines.map(\.line).max(),
                let count = lines.first?.lineCount
            {
                title += ", messages \(low)–\(high) of \(count)"
            } else {
                title += ", \(items.count) messages"
            }
            return title
        }
        let day = first.occurredAt.map { ZonedDateTime($0, in: bundle.timeZone).readableDate }
        return "the staff member's own items on \(HTML.escape(day ?? "the same day")) "
            + "(\(items.count) items)"
    }

    /// A thread extract as a transcript with line numbers (the message's place in its whole
    /// thread when known, else its place in the extract); each flagged message is highlighted,
    /// carries the numbers of the findings flagging it (`flagged`, by item) and marks the words
    /// those findings highlight. A gap in the thread's numbering shows as a row of its own.
    /// `note` adds the footnote explaining the columns (a page with several transcripts gives
    /// it once).
    func transcript(
        _ items: [TimelineItem], flagged: [ItemID: [Int]], findings: [Finding] = [],
        note: Bool = true
    ) -> String {
        let isWholeThreadNumbering = items.allSatisfy { bundle.threadPositions[$0.id] != nil }
        var html = "<table class=\"transcript\">\n"
        html += "<tr><th class=\"number\">Msg</th><th>Local time</th><th>From</th>"
        html += "<th>Message</th><th>Place in the file</th></tr>\n"
        var previous: Int?
        for (index, item) in items.enumerated() {
            let line =
                isWholeThreadNumbering
                ? bundle.threadPositions[item.id]?.line ?? index + 1 : index + 1
            if let previous, line > previous + 1 {
                let skipped =
                    previous + 1 == line - 1
                    ? "message \(previous + 1)" : "messages \(previous + 1)–\(line - 1)"
                html += "<tr class=\"gap\"><td colspan=\"5\">⋯ \(skipped) not shown</td></tr>\n"
            }
            previous = line
            let numbers = flagged[item.id] ?? []
            let marker = numbers.isEmpty ? "" : " class=\"cited\""
            let attachments = item.attachments.map { attachment in
                "[\(attachment.kind.rawValue)\(attachment.uri.map { ": " + $0 } ?? "")]"
            }
            let plain = item.text ?? item.title ?? ""
            let spans = findings.filter { $0.item == item.id && $0.excerpt == plain }
                .flatMap(\.highlights)
            var text = spans.isEmpty ? HTML.escape(plain) : HTML.highlighted(plain, spans: spans)
            if !attachments.isEmpty {
                text +=
                    (plain.isEmpty ? "" : "\n") + HTML.escape(attachments.joined(separator: "\n"))
            }
            let basisNote = item.timeBasis.isInferred ? " <em>(time inferred)</em>" : ""
            let badge = numbers.map { "<span class=\"badge\">\($0)</span>" }.joined()
            html += "<tr\(marker)><td class=\"number\">\(line)\(badge)</td>"
            html += "<td>\(time(item.occurredAt))\(basisNote)</td>"
            html += "<td>\(Self.shortPerson(item.author))</td>"
            html += "<td class=\"excerpt\">\(text)</td>"
            html += "<td class=\"mono\">\(HTML.escape(item.source.locator))</td></tr>\n"
        }
        html += "</table>\n"
        guard note else { return html }
        html +=
            "<p><small>Each message is shown once. “Msg” numbers messages in the order of the thread"
        html += isWholeThreadNumbering ? "" : " (within this extract)"
        html += "; a boxed number is the finding on this page that flags the message. “Place in "
        html += "the file” is where the message is in the export (a chat's line number, a JSON "
        html += "pointer): cite that one to find it in the source.</small></p>\n"
        return html
    }

    /// The transcript of a context extract with `cited` items highlighted (no finding numbers).
    func transcript(_ items: [TimelineItem], cited: Set<ItemID>) -> String {
        transcript(items, flagged: Dictionary(uniqueKeysWithValues: cited.map { ($0, []) }))
    }

    /// Confidence as "0.93".
    static func confidence(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// How sure the finding is, as a short phrase saying what it rests on: "Near certain: the
    /// roster lists this account". The number itself stays in the JSON.
    static func confidencePhrase(_ finding: Finding, item: TimelineItem?) -> String {
        let level: String
        switch finding.confidence {
        case 0.9...: level = "Near certain"
        case 0.75..<0.9: level = "Likely"
        case 0.5..<0.75: level = "Possible"
        default: level = "Uncertain"
        }
        var basis: String
        if let explanation = finding.counterparty?.matchExplanation, !explanation.isEmpty {
            // The finding's own explanation often gives the identification already.
            basis =
                finding.explanation.contains(explanation)
                ? "the identification given above" : explanation
        } else {
            switch finding.rule {
            case .workingHours: basis = "the time the platform recorded and the staff timetable"
            case .ageMisrepresentation: basis = "the staff member's own words on the profile"
            default:
                basis =
                    finding.highlights.isEmpty
                    ? "the item itself" : "the highlighted words in the staff member's own text"
            }
        }
        if item?.timeBasis.isInferred == true {
            basis += "; the time is the phone's clock, read in the school's zone"
        }
        return "\(level): \(basis)"
    }
}
