/// An X (Twitter) archive as downloaded since 2022: `data/tweets.js` and `data/tweets-part1.js`,
/// `data/direct-messages.js`, the account and profile, and `data/manifest.js`.
enum TwitterArchiveExport {
    private static let ollieID = "1834970860880763526"

    /// Writes the archive's files into `sink`: `tweets` tweets (four fifths in `tweets.js`, the
    /// rest in `tweets-part1.js`) and `directMessages` messages in about `conversations`
    /// conversations of heavy-tailed sizes.
    /// - Returns: the number of timeline events written.
    static func write(
        tweets: Int, directMessages: Int, conversations: Int, into sink: ExportSink,
        using random: inout SeededGenerator
    ) throws -> Int {
        try sink.add("Your archive.html", text("<html><body>Your X archive</body></html>"))
        try sink.add(
            "data/account.js",
            text(
                """
                window.YTD.account.part0 = [
                  {
                    "account" : {
                      "email" : "becky.hale88@example.com",
                      "createdVia" : "web",
                      "username" : "beckyhale",
                      "accountId" : "612458733",
                      "createdAt" : "2012-06-02T19:24:51.000Z",
                      "accountDisplayName" : "Becky Hale"
                    }
                  }
                ]
                """))
        try sink.add(
            "data/profile.js",
            text(
                """
                window.YTD.profile.part0 = [
                  {
                    "profile" : {
                      "description" : {
                        "bio" : "Primary teacher in Sheffield. Views my own. Walks, bakes, cafés ☕",
                        "website" : "",
                        "location" : "Sheffield, England"
                      },
                      "avatarMediaUrl" : "https://pbs.twimg.com/profile_images/1402811735110365184/Qm2kT0vb.jpg"
                    }
                  }
                ]
                """))
        let firstPart = tweets * 4 / 5
        let times = (0..<tweets).map { _ in SyntheticConversation.instant(using: &random) }.sorted(
            by: >)
        try sink.add(
            "data/tweets.js", tweetFile(part: 0, times: times[0..<firstPart], using: &random))
        try sink.add(
            "data/tweets-part1.js", tweetFile(part: 1, times: times[firstPart...], using: &random))
        let conversationsWritten = try writeDirectMessages(
            directMessages, conversations: conversations, into: sink, using: &random)
        try sink.add(
            "data/manifest.js",
            manifest(tweets: (firstPart, tweets - firstPart), conversations: conversationsWritten))
        return tweets + directMessages
    }

    private static func text(_ string: String) -> ByteBuffer {
        var out = ByteBuffer()
        out.write(string)
        return out
    }

    private static func tweetFile(
        part: Int, times: ArraySlice<Int64>, using random: inout SeededGenerator
    ) -> ByteBuffer {
        var out = ByteBuffer(capacity: times.count * 1100)
        out.write("window.YTD.tweets.part\(part) = [\n")
        var first = true
        for milliseconds in times {
            let id = String(
                1_500_000_000_000_000_000 + Int(milliseconds) * 1000 + random.below(1000))
            let time = CivilTime(utcMilliseconds: milliseconds)
            let editable = CivilTime(utcMilliseconds: milliseconds + 3_600_000)
            let mentionsOllie = random.chance(oneIn: 2500)
            var body =
                random.chance(oneIn: 400)
                ? SyntheticCorpus.noteworthy(using: &random)
                : SyntheticCorpus.chatter(using: &random)
            if mentionsOllie { body = "@olliebtweets well done on your swimming gala today!" }
            let mentions =
                mentionsOllie
                ? "[\n          {\n            \"name\" : \"Ollie B\",\n            \"screen_name\" : \"olliebtweets\",\n            \"indices\" : [\n              \"0\",\n              \"13\"\n            ],\n            \"id_str\" : \"\(ollieID)\",\n            \"id\" : \"\(ollieID)\"\n          }\n        ]"
                : "[ ]"
            out.write(first ? "  {\n" : ",\n  {\n")
            first = false
            out.write(
                """
                    "tweet" : {
                      "edit_info" : {
                        "initial" : {
                          "editTweetIds" : [
                            "\(id)"
                          ],
                          "editableUntil" : "\(iso(editable))",
                          "editsRemaining" : "5",
                          "isEditEligible" : true
                        }
                      },
                      "retweeted" : false,
                      "source" : "<a href=\\"http://twitter.com/download/iphone\\" rel=\\"nofollow\\">Twitter for iPhone</a>",
                      "entities" : {
                        "hashtags" : [ ],
                        "symbols" : [ ],
                        "user_mentions" : \(mentions),
                        "urls" : [ ]
                      },
                      "display_text_range" : [
                        "0",
                        "\(body.count)"
                      ],
                      "favorite_count" : "\(random.below(20))",
                      "id_str" : "\(id)",
                      "truncated" : false,
                      "retweet_count" : "0",
                      "id" : "\(id)",
                      "created_at" : "\(CivilTime.weekdayNames[time.weekday]) \(CivilTime.monthNames[time.month - 1]) \(CivilTime.twoDigits(time.day)) \(CivilTime.twoDigits(time.hour)):\(CivilTime.twoDigits(time.minute)):\(CivilTime.twoDigits(time.second)) +0000 \(time.year)",
                      "favorited" : false,
                      "full_text" : 
                """)
            out.writeJSONString(body, metaEscaped: false)
            out.write(",\n      \"lang\" : \"en\"\n    }\n  }")
        }
        out.write("\n]")
        return out
    }

    private static func writeDirectMessages(
        _ total: Int, conversations: Int, into sink: ExportSink, using random: inout SeededGenerator
    ) throws -> Int {
        var out = ByteBuffer(capacity: total * 420)
        out.write("window.YTD.direct_messages.part0 = [\n")
        var sizes = SyntheticConversation.heavyTailedSizes(
            total: total, count: conversations, using: &random)
        sizes.append(5)
        for (index, size) in sizes.enumerated() {
            let other =
                index == sizes.count - 1
                ? ollieID : String(1_000_000_000 + random.below(900_000_000))
            let messages = SyntheticConversation.messages(
                count: size, others: [other], isPupil: other == ollieID, using: &random)
            out.write(index == 0 ? "  {\n" : ",\n  {\n")
            out.write(
                "    \"dmConversation\" : {\n      \"conversationId\" : \"\(SyntheticCorpus.twitterAccountID)-\(other)\",\n      \"messages\" : [\n"
            )
            for (position, message) in messages.enumerated() {
                let own = message.sender == SyntheticCorpus.owner
                let sender = own ? SyntheticCorpus.twitterAccountID : other
                let recipient = own ? other : SyntheticCorpus.twitterAccountID
                out.write(position == 0 ? "        {\n" : ",\n        {\n")
                out.write(
                    "          \"messageCreate\" : {\n            \"recipientId\" : \"\(recipient)\",\n            \"reactions\" : [ ],\n            \"urls\" : [ ],\n            \"text\" : "
                )
                out.writeJSONString(message.text, metaEscaped: false)
                out.write(
                    ",\n            \"mediaUrls\" : [ ],\n            \"senderId\" : \"\(sender)\",\n            \"id\" : \"\(1_600_000_000_000_000_000 + Int(message.milliseconds) * 100 + position % 100)\",\n            \"createdAt\" : \"\(iso(CivilTime(utcMilliseconds: message.milliseconds)))\",\n            \"editHistory\" : [ ]\n          }\n        }"
                )
            }
            out.write("\n      ]\n    }\n  }")
        }
        out.write("\n]")
        try sink.add("data/direct-messages.js", out)
        return sizes.count
    }

    private static func iso(_ time: CivilTime) -> String {
        let milliseconds = String(1000 + time.millisecond).dropFirst()
        return
            "\(time.year)-\(CivilTime.twoDigits(time.month))-\(CivilTime.twoDigits(time.day))T\(CivilTime.twoDigits(time.hour)):\(CivilTime.twoDigits(time.minute)):\(CivilTime.twoDigits(time.second)).\(milliseconds)Z"
    }

    private static func manifest(tweets: (Int, Int), conversations: Int) -> ByteBuffer {
        text(
            """
            window.__THAR_CONFIG = {
              "userInfo" : {
                "accountId" : "612458733",
                "userName" : "beckyhale",
                "displayName" : "Becky Hale"
              },
              "archiveInfo" : {
                "generationDate" : "2025-03-14T07:41:09.516Z",
                "isPartialArchive" : false,
                "maxPartSizeBytes" : "53687091200"
              },
              "dataTypes" : {
                "account" : {
                  "files" : [ { "fileName" : "data/account.js", "globalName" : "YTD.account.part0", "count" : "1" } ]
                },
                "directMessages" : {
                  "files" : [ { "fileName" : "data/direct-messages.js", "globalName" : "YTD.direct_messages.part0", "count" : "\(conversations)" } ]
                },
                "profile" : {
                  "files" : [ { "fileName" : "data/profile.js", "globalName" : "YTD.profile.part0", "count" : "1" } ]
                },
                "tweets" : {
                  "files" : [
                    { "fileName" : "data/tweets.js", "globalName" : "YTD.tweets.part0", "count" : "\(tweets.0)" },
                    { "fileName" : "data/tweets-part1.js", "globalName" : "YTD.tweets.part1", "count" : "\(tweets.1)" }
                  ]
                }
              }
            }
            """)
    }
}
