/// A part of an X archive that yields one kind of timeline item, named for coverage reports.
enum TwitterSection: Hashable, Comparable, CaseIterable {
    /// `account.js`, `profile.js`, `screen-name-change.js`.
    case profile
    /// `tweets.js` / `tweet.js` and every `-partN` file, and `note-tweet.js`.
    case posts
    case communityPosts
    /// `deleted-tweets.js` and the deleted tweets known only from `deleted-tweet-headers.js`.
    case deletedPosts
    /// Tweets known only from `tweet-headers.js` (their text is not in the archive).
    case postHeaders
    case likes
    case directMessages
    case groupMessages
    /// Messages known only from the headers files (their text is not in the archive).
    case messageHeaders
    /// `message-event.js`: encrypted X Chat, whose content the archive cannot show.
    case encryptedChat
    case followers
    case following

    /// The name shown in coverage.
    var title: String {
        switch self {
        case .profile: "Profile"
        case .posts: "Posts"
        case .communityPosts: "Posts in communities"
        case .deletedPosts: "Deleted posts"
        case .postHeaders: "Posts known only from headers (no text in the archive)"
        case .likes: "Likes (the archive gives no time)"
        case .directMessages: "Direct messages"
        case .groupMessages: "Direct messages: groups"
        case .messageHeaders: "Direct messages known only from headers (no text in the archive)"
        case .encryptedChat: "X Chat (encrypted; content not in the archive)"
        case .followers: "Followers (ids only, no time)"
        case .following: "Following (ids only, no time)"
        }
    }

    static func < (lhs: TwitterSection, rhs: TwitterSection) -> Bool {
        let order = Self.allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}
