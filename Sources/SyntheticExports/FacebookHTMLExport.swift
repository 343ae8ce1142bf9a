/// A Facebook export in HTML format: the profile page and Messenger threads in the 2024–2025
/// page structure. One thread is long and written whole into a single `message_1.html` (as
/// some real downloads hold a conversation of a hundred thousand messages in one page); the
/// others are of heavy-tailed sizes, one `message_N.html` per 10,000 messages.
enum FacebookHTMLExport {
    private static let style =
        "<style type=\"text/css\">body{background:#fff;color:#1c1e21}._a705{margin:0 auto;width:800px}._a6-g{background:#fff;border-radius:8px;margin:12px 0}._a6-h{font-weight:600}._a6-o{color:#7f7f7f}</style>"
    private static let created =
        "<div class=\"_aoaa\"><div>Rebecca Hale created on Friday, 14 March 2025 at 09:12 UTC+00:00</div></div>"

    /// Writes the export's files into `sink`: one thread of `singleThread` messages in one file,
    /// then `total` messages in about `threads` more threads.
    /// - Returns: the number of timeline events written.
    static func write(
        singleThread: Int, messages total: Int, threads threadCount: Int, into sink: ExportSink,
        using random: inout SeededGenerator
    ) throws -> Int {
        try sink.add("personal_information/profile_information/profile_information.html", profile())
        let adults = SyntheticCorpus.adultContacts(120, using: &random)
        let long = SyntheticConversation.messages(
            count: singleThread, others: [adults[0]], using: &random)
        try sink.add(
            "your_facebook_activity/messages/inbox/\(SyntheticConversation.threadFolder(adults[0], using: &random))/message_1.html",
            thread(title: adults[0], messages: long[...]))
        var events = long.count
        let sizes = SyntheticConversation.heavyTailedSizes(
            total: total, count: threadCount, using: &random)
        for (index, size) in sizes.enumerated() {
            let other = adults[1 + index % (adults.count - 1)]
            let folder = SyntheticConversation.threadFolder(other, using: &random)
            let messages = SyntheticConversation.messages(
                count: size, others: [other], using: &random)
            events += messages.count
            var part = 1
            for start in stride(from: 0, to: messages.count, by: FacebookJSONExport.messagesPerFile)
            {
                let end = min(start + FacebookJSONExport.messagesPerFile, messages.count)
                try sink.add(
                    "your_facebook_activity/messages/inbox/\(folder)/message_\(part).html",
                    thread(title: other, messages: messages[start..<end]))
                part += 1
            }
        }
        return events
    }

    private static func page(
        title: String, base: String, capacity: Int = 1 << 16, body: (inout ByteBuffer) -> Void
    ) -> ByteBuffer {
        var out = ByteBuffer(capacity: capacity)
        out.write(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\" /><base href=\"\(base)\" />\(style)<title>"
        )
        out.writeHTMLText(title)
        out.write(
            "</title></head><body class=\"_5vb_ _2yq _a7o5\"><div class=\"clearfix _ikh\"><div class=\"_4bl9\"><div class=\"_li\"><div class=\"_a705\"><div class=\"_3-8y _3-95 _a709\"><div class=\"_a70d\"><div class=\"_a70e\">"
        )
        out.writeHTMLText(title)
        out.write("</div>\(created)</div></div><div class=\"_a706\" role=\"main\">")
        body(&out)
        out.write("</div></div></div></div></div></body></html>")
        return out
    }

    private static func thread(title: String, messages: ArraySlice<SyntheticMessage>) -> ByteBuffer
    {
        page(title: title, base: "../../../../", capacity: messages.count * 340) { out in
            for message in messages {
                out.write("<div class=\"_3-95 _a6-g\"><div class=\"_2ph_ _a6-h _a6-i\">")
                out.writeHTMLText(message.sender)
                out.write("</div><div class=\"_2ph_ _a6-p\"><div><div></div><div>")
                out.writeHTMLText(message.text)
                let time = CivilTime(utcMilliseconds: message.milliseconds)
                out.write(
                    "</div><div></div><div></div></div></div><div class=\"_3-94 _a6-o\"><div class=\"_a72d\">\(time.day) \(CivilTime.monthNames[time.month - 1]) \(time.year), \(CivilTime.twoDigits(time.hour)):\(CivilTime.twoDigits(time.minute)):\(CivilTime.twoDigits(time.second))</div></div></div>"
                )
            }
        }
    }

    private static func profile() -> ByteBuffer {
        page(title: "Profile information", base: "../../") { out in
            out.write(
                "<section class=\"_a6-g\"><h2 class=\"_2ph_ _a6-h _a6-i\">Profile information</h2><div class=\"_2ph_ _a6-p\"><div><table style=\"table-layout: fixed;\">"
            )
            for (label, value) in [
                ("Name", "Rebecca Hale"), ("Username", "rebecca.hale.3317"),
                ("Date of birth", "17 June 1988"),
                ("Current town/city", "Sheffield, United Kingdom"),
            ] {
                out.write(
                    "<tr><td class=\"_2pin _a6_q\">\(label)</td><td class=\"_2pin _2piu _a6_r\">\(value)</td></tr>"
                )
            }
            out.write("</table></div></div></section>")
        }
    }
}
