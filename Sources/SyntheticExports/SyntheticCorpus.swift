/// The people and phrases synthetic exports are made of: the fictional staff member Rebecca
/// Hale of Larkfield Primary School (Samples/school.yaml), her adult contacts, and pupils from
/// Samples/pupils.csv, so that an audit of the output has real work to do.
enum SyntheticCorpus {
    /// The export owner's name on Facebook, Instagram and WhatsApp.
    static let owner = "Rebecca Hale"
    static let instagramHandle = "becky.hale"
    static let twitterHandle = "beckyhale"
    static let twitterAccountID = "612458733"

    /// Pupils on the sample roster, as they would appear in a contact list.
    static let pupils = [
        "Ollie Bennett", "Harvey Collins", "Tyler Greaves", "Zoë Kowalczyk", "Ruby Sinclair",
        "Noah Fletcher", "Grace Patel", "Freddie Turner", "Isla McKenzie", "Alfie Robinson",
    ]
    /// Former pupils, some still under 18 (Samples/pupils.csv).
    static let formerPupils = ["Jordan Reece", "Harriet Ellis", "Lily-Mae Dawson"]
    /// Staff of the sample school.
    static let colleagues = ["Priya Shah", "Mark Whitfield"]

    private static let forenames = [
        "Sarah", "James", "Emma", "Dan", "Laura", "Chris", "Hannah", "Tom", "Sophie", "Matt",
        "Gemma", "Rob", "Kate", "Steve", "Claire", "Ben", "Nicola", "Pete", "Jo", "Mike",
        "Rachel", "Andy", "Lucy", "Gareth", "Amy", "Ciarán", "Siobhán", "Anna-Lena", "Kwame",
        "Yusuf",
    ]
    private static let surnames = [
        "Ashworth", "Barker", "Carver", "Dunmore", "Eastwood", "Fairbrother", "Gill", "Holroyd",
        "Ibbotson", "Jowett", "Kershaw", "Lambert", "Marsden", "Needham", "Oldroyd", "Pickles",
        "Quarmby", "Rushworth", "Sugden", "Thackray", "Uttley", "Varley", "Wainwright", "Yeadon",
    ]

    /// The `count` adult contacts of an archive, distinct, in a seed-determined order.
    static func adultContacts(_ count: Int, using random: inout SeededGenerator) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        while names.count < min(count, forenames.count * surnames.count) {
            let name = "\(random.pick(forenames)) \(random.pick(surnames))"
            if seen.insert(name).inserted { names.append(name) }
        }
        return names
    }

    private static let openers = [
        "Hiya", "Morning", "Evening all", "Ha", "Oh no", "Brilliant", "Honestly", "Right", "Ooh",
        "Thanks", "Aw", "Yes!", "Lol", "Sorry", "Cheers",
    ]
    private static let bodies = [
        "are we still on for the pub quiz on Friday", "the traffic on the Parkway was awful again",
        "I've finally finished the marking pile", "did you see the match last night",
        "can you send me that recipe for the lemon drizzle", "the dog has eaten another sock",
        "walk up Mam Tor on Sunday if the weather holds", "I'm shattered, early night for me",
        "happy birthday, hope you have a lovely day", "parents' evening went on forever",
        "new café on Ecclesall Road is really good", "we need to book the cottage for August",
        "my mum says hello", "running club is at 7 tomorrow", "the boiler has packed in again",
        "fancy a curry at the weekend", "just watched the final episode, no spoilers",
        "the car failed its MOT", "got tickets for the Crucible",
        "can't believe it's nearly half term",
        "remember to bring the gazebo", "planning for next week is done at last",
        "that was the best Sunday roast", "the garden is a jungle",
        "book club picked a 600 page one",
    ]
    private static let closers = [
        "x", "😂", "🙂", "👍", "☕", "🍰", "see you soon", "speak later", "ta", "love you",
        "!!", "haha", "🎉", "fingers crossed", "",
    ]

    /// Ordinary chat text.
    static func chatter(using random: inout SeededGenerator) -> String {
        var text = "\(random.pick(openers)), \(random.pick(bodies))"
        if random.chance(oneIn: 3) { text += " and \(random.pick(bodies))" }
        let closer = random.pick(closers)
        return closer.isEmpty ? text : "\(text) \(closer)"
    }

    /// Text that a content rule should notice: a pupil named with something confidential,
    /// an abusive remark about the school community, or a confidential school matter.
    static func noteworthy(using random: inout SeededGenerator) -> String {
        let pupil = ["Oliver Bennett", "Harvey Collins", "Grace Patel", "Noah Fletcher"][
            random.below(4)]
        switch random.below(4) {
        case 0: return "\(pupil) has been referred to social services again, awful week"
        case 1: return "the parents at Larkfield are useless idiots, honestly"
        case 2: return "Ofsted call came in this morning, keep it quiet until Monday"
        default: return "\(pupil) has an EHCP meeting tomorrow, his mum is in bits"
        }
    }

    /// What a pupil might write to a teacher.
    static let pupilLines = [
        "hi miss its me from your class 😀", "can u check my homework",
        "miss are we doing PE tomorrow",
        "thank u for the trip miss!!", "ok sorry miss 👍",
    ]
}
