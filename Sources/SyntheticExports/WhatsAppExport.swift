/// A WhatsApp "Export chat" text file (iOS format: `[dd/MM/yyyy, HH:mm:ss] Name: text`, in the
/// phone's local time, UK here): a large family group chat.
enum WhatsAppExport {
    /// The family group of ``groupChat(lines:using:)``: the owner and twelve others, one an
    /// unknown number as iOS writes it (directional marks, no-break spaces), most talkative
    /// first.
    static let groupMembers = [
        "Mum", "Katie Hale", SyntheticCorpus.owner, "Dad", "Auntie Sue", "Tom Hale", "Nana Jean",
        "Grandad Ron", "Uncle Phil", "Ciarán Hale", "Zoë Marsden", "Gemma Hale",
        "\u{202A}+44\u{00A0}7700\u{00A0}900461\u{202C}",
    ]
    static let groupName = "Hale Family"
    /// Shares by rank: the k-th member speaks about 1/k as often as the first.
    private static let memberWeights = groupMembers.indices.map { 1_000 / ($0 + 1) }

    /// A family group chat of at least `lines` lines (iOS format, oldest first), as a large real
    /// export reads: the encryption notice under the group's name, then messages from
    /// ``groupMembers`` with heavy-tailed shares, among them multi-line messages, omitted media
    /// (its line led by U+200E), deleted and edited messages, locations, and notices without a
    /// sender (members added, leaving, the subject and icon changed).
    /// - Returns: the chat and its number of messages (lines with a header and a sender, less the
    /// encryption notice; notices are not messages).
    static func groupChat(lines: Int, using random: inout SeededGenerator) -> (
        chat: ByteBuffer, messages: Int
    ) {
        // The bodies come from a generator of their own, run twice: once to count the messages
        // that make up `lines`, then to write them at times drawn (and sorted) for that count.
        var bodies = SeededGenerator(seed: random.next())
        var counting = bodies
        var headers = 2
        var written = 2
        while written < lines {
            written += groupMessage(using: &counting).lineCount
            headers += 1
        }
        let times = (0..<headers).map { _ in SyntheticConversation.instant(using: &random) }
            .sorted()
        var out = ByteBuffer(capacity: lines * 110)
        func header(_ milliseconds: Int64) -> String {
            let time = CivilTime(londonMilliseconds: milliseconds)
            return
                "[\(CivilTime.twoDigits(time.day))/\(CivilTime.twoDigits(time.month))/\(time.year), \(CivilTime.twoDigits(time.hour)):\(CivilTime.twoDigits(time.minute)):\(CivilTime.twoDigits(time.second))] "
        }
        out.write(
            header(times[0])
                + "\(groupName): \u{200E}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.\n"
        )
        out.write(header(times[1]) + "\u{200E}Mum created group “\(groupName)”\n")
        var messages = 0
        for milliseconds in times.dropFirst(2) {
            let message = groupMessage(using: &bodies)
            if message.isMedia { out.write("\u{200E}") }
            out.write(header(milliseconds))
            if let sender = message.sender {
                out.write("\(sender): ")
                messages += 1
            }
            out.write(message.text)
            out.write("\n")
        }
        return (out, messages)
    }

    private struct GroupMessage {
        /// Nil for a notice.
        var sender: String?
        var text: String
        var isMedia = false
        var lineCount: Int { 1 + text.utf8.count(where: { $0 == UInt8(ascii: "\n") }) }
    }

    private static func groupMessage(using random: inout SeededGenerator) -> GroupMessage {
        var draw = random.below(memberWeights.reduce(0, +))
        var sender = groupMembers[0]
        for (member, weight) in zip(groupMembers, memberWeights) {
            if draw < weight {
                sender = member
                break
            }
            draw -= weight
        }
        let isOwner = sender == SyntheticCorpus.owner
        switch random.below(1_000) {
        case 0..<25:
            let kind = ["image", "image", "image", "video", "sticker", "audio", "GIF"][
                random.below(7)]
            return GroupMessage(sender: sender, text: "\u{200E}\(kind) omitted", isMedia: true)
        case 25..<32:
            return GroupMessage(
                sender: sender,
                text: isOwner
                    ? "\u{200E}You deleted this message." : "\u{200E}This message was deleted.")
        case 32..<34:
            return GroupMessage(
                sender: sender,
                text:
                    "Location: https://maps.google.com/?q=53.\(3700 + random.below(300)),-1.\(4400 + random.below(300))"
            )
        case 34..<50:
            return GroupMessage(
                sender: sender,
                text: SyntheticCorpus.chatter(using: &random) + " \u{200E}<This message was edited>"
            )
        case 50..<130:
            var text =
                SyntheticCorpus.chatter(using: &random) + "\n"
                + SyntheticCorpus.chatter(using: &random)
            if random.chance(oneIn: 3) { text += "\n\n" + SyntheticCorpus.chatter(using: &random) }
            return GroupMessage(sender: sender, text: text)
        case 130..<132:
            let other = random.pick(groupMembers.filter { $0 != sender })
            // The exporting phone names its owner "You" in notices.
            let actor = isOwner ? "You" : sender
            let notice = [
                "\(actor) added \(other)", "\(actor) left", "\(actor) changed this group's icon",
                "\(actor) changed the subject to “\(groupName) 🏡”",
            ][random.below(4)]
            return GroupMessage(sender: nil, text: "\u{200E}" + notice)
        default:
            let text =
                isOwner && random.chance(oneIn: 600)
                ? SyntheticCorpus.noteworthy(using: &random)
                : SyntheticCorpus.chatter(using: &random)
            return GroupMessage(sender: sender, text: text)
        }
    }
}
