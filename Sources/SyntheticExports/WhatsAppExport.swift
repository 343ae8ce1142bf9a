/// WhatsApp "Export chat" text files (iOS format: `[dd/MM/yyyy, HH:mm:ss] Name: text`, in the
/// phone's local time, UK here).
enum WhatsAppExport {
    /// A chat with `count` messages between the owner and `others`.
    static func chat(count: Int, others: [String], using random: inout SeededGenerator) -> ByteBuffer {
        let messages = SyntheticConversation.messages(count: count, others: others, using: &random)
            .reversed()
        var out = ByteBuffer(capacity: count * 90)
        var first = true
        for message in messages {
            let time = CivilTime(londonMilliseconds: message.milliseconds)
            out.write(
                "[\(CivilTime.twoDigits(time.day))/\(CivilTime.twoDigits(time.month))/\(time.year), \(CivilTime.twoDigits(time.hour)):\(CivilTime.twoDigits(time.minute)):\(CivilTime.twoDigits(time.second))] \(message.sender): "
            )
            if first {
                out.write("\u{200E}Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them.\n")
                first = false
                continue
            }
            out.write(message.text)
            out.write("\n")
        }
        return out
    }
}
