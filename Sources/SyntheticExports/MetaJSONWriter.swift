/// Writes JSON the way Meta's exports do: two-space indentation, "key": value, non-ASCII text
/// as `\u00XX` escapes of its UTF-8 bytes.
enum MetaJSONWriter {
    /// A Messenger/Instagram thread file (`message_N.json`) holding `messages`, newest first.
    static func thread(
        title: String, participants: [String], messages: ArraySlice<SyntheticMessage>,
        threadPath: String
    ) -> ByteBuffer {
        var out = ByteBuffer(capacity: messages.count * 320 + 512)
        out.write("{\n  \"participants\": [\n")
        for (index, name) in participants.enumerated() {
            out.write("    {\n      \"name\": ")
            out.writeJSONString(name, metaEscaped: true)
            out.write(index == participants.count - 1 ? "\n    }\n" : "\n    },\n")
        }
        out.write("  ],\n  \"messages\": [\n")
        var first = true
        for message in messages {
            out.write(
                first ? "    {\n      \"sender_name\": " : ",\n    {\n      \"sender_name\": ")
            first = false
            out.writeJSONString(message.sender, metaEscaped: true)
            out.write(",\n      \"timestamp_ms\": ")
            out.write(String(message.milliseconds))
            out.write(",\n      \"content\": ")
            out.writeJSONString(message.text, metaEscaped: true)
            out.write(
                ",\n      \"is_geoblocked_for_viewer\": false,\n      \"is_unsent_image_by_messenger_kid_parent\": false\n    }"
            )
        }
        out.write("\n  ],\n  \"title\": ")
        out.writeJSONString(title, metaEscaped: true)
        out.write(",\n  \"is_still_participant\": true,\n  \"thread_path\": ")
        out.writeJSONString(threadPath, metaEscaped: true)
        out.write(",\n  \"magic_words\": [\n    \n  ]\n}")
        return out
    }

    /// A list of `{"name": …, "timestamp": …}` under `key` (friends, followers).
    static func people(_ key: String, _ people: [(name: String, seconds: Int64)]) -> ByteBuffer {
        var out = ByteBuffer()
        out.write("{\n  \"\(key)\": [\n")
        for (index, person) in people.enumerated() {
            out.write("    {\n      \"name\": ")
            out.writeJSONString(person.name, metaEscaped: true)
            out.write(",\n      \"timestamp\": \(person.seconds)\n    }")
            out.write(index == people.count - 1 ? "\n" : ",\n")
        }
        out.write("  ]\n}")
        return out
    }
}
