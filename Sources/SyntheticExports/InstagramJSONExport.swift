import Foundation

/// An Instagram JSON export: the owner's personal information, followers, and direct
/// message threads (the Messenger format, `message_N.json`).
enum InstagramJSONExport {
    /// Writes the export's files into `sink`: `total` direct messages in about `threads`
    /// threads of heavy-tailed sizes.
    /// - Returns: the number of timeline events written.
    static func write(
        messages total: Int, threads threadCount: Int, into sink: ExportSink,
        using random: inout SeededGenerator
    ) throws -> Int {
        var info = ByteBuffer()
        info.write(
            """
            {
              "profile_user": [
                {
                  "title": "",
                  "string_map_data": {
                    "Email": {
                      "href": "",
                      "value": "becky.hale88@example.com",
                      "timestamp": 0
                    },
                    "Username": {
                      "href": "",
                      "value": "becky.hale",
                      "timestamp": 0
                    },
                    "Name": {
                      "href": "",
                      "value": "Rebecca Hale",
                      "timestamp": 0
                    }
                  }
                }
              ]
            }
            """)
        try sink.add("personal_information/personal_information/personal_information.json", info)

        let adults = SyntheticCorpus.adultContacts(150, using: &random)
        var followers = ByteBuffer()
        followers.write("[\n")
        let handles =
            adults.map { $0.lowercased().replacingOccurrences(of: " ", with: ".") } + [
                "ollie.bennett2013"
            ]
        for (index, handle) in handles.enumerated() {
            let seconds = SyntheticConversation.instant(using: &random) / 1000
            followers.write(
                "  {\n    \"title\": \"\",\n    \"media_list_data\": [\n      \n    ],\n    \"string_list_data\": [\n      {\n        \"href\": \"https://www.instagram.com/\(handle)\",\n        \"value\": \"\(handle)\",\n        \"timestamp\": \(seconds)\n      }\n    ]\n  }"
            )
            followers.write(index == handles.count - 1 ? "\n" : ",\n")
        }
        followers.write("]")
        try sink.add("connections/followers_and_following/followers_1.json", followers)
        var events = handles.count

        var threads: [(title: String, count: Int, isPupil: Bool)] = []
        for (index, size) in SyntheticConversation.heavyTailedSizes(
            total: total, count: threadCount, using: &random
        ).enumerated() {
            threads.append((adults[index % adults.count], size, false))
        }
        threads.append((SyntheticCorpus.pupils[0], 4, true))
        for thread in threads {
            let folder = SyntheticConversation.threadFolder(thread.title, using: &random)
            let messages = SyntheticConversation.messages(
                count: thread.count, others: [thread.title], isPupil: thread.isPupil, using: &random
            )
            events += messages.count
            var part = 1
            for start in stride(from: 0, to: messages.count, by: FacebookJSONExport.messagesPerFile)
            {
                let slice = messages[
                    start..<min(start + FacebookJSONExport.messagesPerFile, messages.count)]
                try sink.add(
                    "your_instagram_activity/messages/inbox/\(folder)/message_\(part).json",
                    MetaJSONWriter.thread(
                        title: thread.title, participants: [thread.title, SyntheticCorpus.owner],
                        messages: slice, threadPath: "inbox/\(folder)"))
                part += 1
            }
        }
        return events
    }
}
