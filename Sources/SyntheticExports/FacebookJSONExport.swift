/// A Facebook "Download your information" JSON export (2024–2025 layout).
enum FacebookJSONExport {
    /// Messages per `message_N.json`, as Facebook splits long threads.
    static let messagesPerFile = 10_000

    /// Writes the export's files into `sink`: `total` Messenger messages in about `threads`
    /// threads of heavy-tailed sizes (``SyntheticConversation/heavyTailedSizes(total:count:minimum:using:)``),
    /// every fifth a group, and `posts` posts.
    /// - Returns: the number of timeline events written.
    static func write(
        messages total: Int, threads threadCount: Int, posts: Int, into sink: ExportSink,
        using random: inout SeededGenerator
    ) throws -> Int {
        var events = 0
        try sink.add(
            "personal_information/profile_information/profile_information.json", profile())
        let adults = SyntheticCorpus.adultContacts(300, using: &random)
        var friends = adults.prefix(250).map {
            (name: $0, seconds: SyntheticConversation.instant(using: &random) / 1000)
        }
        // Pupils and former pupils among the friends: the pupil-contact rules' work.
        for name in SyntheticCorpus.pupils.prefix(3) + SyntheticCorpus.formerPupils {
            friends.append((name, SyntheticConversation.instant(using: &random) / 1000))
        }
        friends.sort { $0.seconds > $1.seconds }
        try sink.add(
            "connections/friends/your_friends.json", MetaJSONWriter.people("friends_v2", friends))
        events += friends.count

        var threads: [(title: String, others: [String], count: Int, isPupil: Bool)] = []
        for (index, size) in SyntheticConversation.heavyTailedSizes(
            total: total, count: threadCount, using: &random
        ).enumerated() {
            if index % 5 == 4 {
                let group = (0..<4).map { adults[(index * 7 + $0 * 13) % adults.count] }
                threads.append(("Prosecco Club \(index)", group, size, false))
            } else {
                let other = adults[index % adults.count]
                threads.append((other, [other], size, false))
            }
        }
        for name in [SyntheticCorpus.pupils[0], SyntheticCorpus.formerPupils[0]] {
            threads.append((name, [name], 6, true))
        }
        for thread in threads {
            let folder = SyntheticConversation.threadFolder(thread.title, using: &random)
            let messages = SyntheticConversation.messages(
                count: thread.count, others: thread.others, isPupil: thread.isPupil, using: &random)
            events += messages.count
            var part = 1
            for start in stride(from: 0, to: messages.count, by: messagesPerFile) {
                let slice = messages[start..<min(start + messagesPerFile, messages.count)]
                try sink.add(
                    "your_facebook_activity/messages/inbox/\(folder)/message_\(part).json",
                    MetaJSONWriter.thread(
                        title: thread.title, participants: thread.others + [SyntheticCorpus.owner],
                        messages: slice, threadPath: "inbox/\(folder)"))
                part += 1
            }
        }

        var out = ByteBuffer(capacity: posts * 200)
        out.write("[\n")
        for index in 0..<posts {
            let text =
                random.chance(oneIn: 300)
                ? SyntheticCorpus.noteworthy(using: &random)
                : SyntheticCorpus.chatter(using: &random)
            out.write(
                "  {\n    \"timestamp\": \(SyntheticConversation.instant(using: &random) / 1000)")
            out.write(",\n    \"data\": [\n      {\n        \"post\": ")
            out.writeJSONString(text, metaEscaped: true)
            out.write("\n      }\n    ],\n    \"title\": \"Rebecca Hale updated her status.\"\n  }")
            out.write(index == posts - 1 ? "\n" : ",\n")
        }
        out.write("]")
        try sink.add(
            "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json", out)
        return events + posts
    }

    private static func profile() -> ByteBuffer {
        var out = ByteBuffer()
        out.write(
            """
            {
              "profile_v2": {
                "name": {
                  "full_name": "Rebecca Hale",
                  "first_name": "Rebecca",
                  "middle_name": "",
                  "last_name": "Hale"
                },
                "emails": {
                  "emails": [
                    "becky.hale88@example.com"
                  ]
                },
                "birthday": {
                  "year": 1988,
                  "month": 6,
                  "day": 17
                },
                "username": "rebecca.hale.3317"
              }
            }
            """)
        return out
    }
}
