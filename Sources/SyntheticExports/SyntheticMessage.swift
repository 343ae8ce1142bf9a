/// One message of a synthetic conversation.
struct SyntheticMessage {
    /// Who sent it (the owner's name for her own messages).
    var sender: String
    /// Milliseconds since 1970, UTC.
    var milliseconds: Int64
    var text: String
}

/// The times and texts of synthetic conversations.
enum SyntheticConversation {
    /// 2023-09-01 00:00 UTC: the start of the period the sample school's terms cover.
    static let start: Int64 = 1_693_526_400
    /// 2025-03-13 00:00 UTC: the day before the export date.
    static let end: Int64 = 1_741_824_000

    /// A time in the period: mostly evenings and early mornings; one in `workingOneIn` in the
    /// school day (which the working-hours rule looks at).
    static func instant(workingOneIn: Int = 400, using random: inout SeededGenerator) -> Int64 {
        let days = Int((end - start) / 86_400)
        let day = start + Int64(random.below(days)) * 86_400
        let hour: Int
        if random.chance(oneIn: workingOneIn) {
            hour = 9 + random.below(5)
        } else {
            hour = [6, 7, 17, 18, 19, 20, 21, 22][random.below(8)]
        }
        let seconds = Int64(hour * 3600 + random.below(3600))
        return (day + seconds) * 1000 + Int64(random.below(1000))
    }

    /// `count` messages between the owner and `others`, newest first (as Meta exports order
    /// them); a few carry text the content rules flag.
    static func messages(
        count: Int, others: [String], isPupil: Bool = false, using random: inout SeededGenerator
    ) -> [SyntheticMessage] {
        var messages: [SyntheticMessage] = []
        messages.reserveCapacity(count)
        for _ in 0..<count {
            let own = random.chance(oneIn: 2)
            let sender = own ? SyntheticCorpus.owner : random.pick(others)
            let text: String
            if isPupil && !own {
                text = random.pick(SyntheticCorpus.pupilLines)
            } else if own && random.chance(oneIn: 600) {
                text = SyntheticCorpus.noteworthy(using: &random)
            } else {
                text = SyntheticCorpus.chatter(using: &random)
            }
            messages.append(
                SyntheticMessage(
                    sender: sender, milliseconds: instant(using: &random), text: text))
        }
        messages.sort { ($0.milliseconds, $0.text) > ($1.milliseconds, $1.text) }
        return messages
    }

    /// A folder-safe thread name as Meta makes them: the title lower-cased without spaces or
    /// punctuation, then a long number.
    static func threadFolder(_ title: String, using random: inout SeededGenerator) -> String {
        let stem = title.lowercased().unicodeScalars.filter {
            ("a"..."z").contains($0) || ("0"..."9").contains($0)
        }
        var number = String(1 + random.below(9))
        for _ in 0..<15 { number += String(random.below(10)) }
        return String(String.UnicodeScalarView(stem)) + "_" + number
    }

    /// `count` thread sizes adding up to `total`, heavy-tailed as real inboxes are: by rank
    /// Zipf-like (the k-th largest about 1/k of the largest, jittered), so a few threads are
    /// huge (split over several files) and most are a few dozen messages; none is below
    /// `minimum`. The order is shuffled by the seed.
    static func heavyTailedSizes(
        total: Int, count: Int, minimum: Int = 2, using random: inout SeededGenerator
    ) -> [Int] {
        let count = max(1, min(count, total / max(1, minimum)))
        let weights = (1...count).map { rank in
            (0.5 + Double(random.below(1_000_000)) / 1_000_000) / Double(rank)
        }
        let sum = weights.reduce(0, +)
        var sizes = weights.map { max(minimum, Int(Double(total) * $0 / sum)) }
        // The largest absorbs the rounding, so the sizes add up to `total` exactly.
        let largest = sizes.indices.max { sizes[$0] < sizes[$1] } ?? 0
        sizes[largest] += total - sizes.reduce(0, +)
        for index in stride(from: sizes.count - 1, to: 0, by: -1) {
            sizes.swapAt(index, random.below(index + 1))
        }
        return sizes
    }
}
