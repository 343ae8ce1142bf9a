/// A part of a Facebook export that yields one kind of timeline item, named for coverage reports.
enum FacebookSection: Hashable, Comparable {
    case profile
    /// `your_posts*_N.json`: the owner's posts, including posts on other people's timelines.
    case posts
    /// `your_uncategorized_photos.json`, `your_videos.json`, `album/<n>.json`.
    case uploads
    /// `other_people's_posts_to_your_timeline.json`.
    case postsByOthers
    case groupPosts
    case comments
    case groupComments
    case reactions
    case storyReactions
    /// A Messenger folder: `inbox`, `archived_threads`, `filtered_threads`, `message_requests`,
    /// `e2ee_cutover`, or another name found in the path.
    case messenger(String)
    /// The flat, camelCase download of end-to-end-encrypted chats (FORMATS.md §1.10).
    case encryptedMessenger
    case friends
    case sentRequests
    case receivedRequests
    case rejectedRequests
    case removedFriends
    case following
    case followers

    /// The name shown in coverage ("Messenger: inbox").
    var title: String {
        switch self {
        case .profile: "Profile"
        case .posts: "Posts"
        case .uploads: "Posts: uploaded photos and videos"
        case .postsByOthers: "Posts by others on your timeline"
        case .groupPosts: "Posts in groups"
        case .comments: "Comments"
        case .groupComments: "Comments in groups"
        case .reactions: "Reactions"
        case .storyReactions: "Story reactions"
        case .messenger(let folder): "Messenger: \(folder)"
        case .encryptedMessenger: "Messenger: end-to-end encrypted chats (secure storage download)"
        case .friends: "Friends"
        case .sentRequests: "Friend requests sent"
        case .receivedRequests: "Friend requests received"
        case .rejectedRequests: "Friend requests rejected"
        case .removedFriends: "Removed friends"
        case .following: "Following"
        case .followers: "Followers"
        }
    }

    /// The sections whose entries are activity-log entries, by the top-level key that holds them
    /// (every era's spelling, FORMATS.md §1.1).
    static let entryKeys: [String: FacebookSection] = [
        "comments_v2": .comments, "comments": .comments,
        "group_comments_v2": .groupComments, "group_comments": .groupComments,
        "reactions_v2": .reactions, "reactions": .reactions,
        "stories_feedback_v2": .storyReactions, "stories_feedback": .storyReactions,
        "group_posts_v2": .groupPosts, "group_posts": .groupPosts,
        "wall_posts_sent_to_you_v2": .postsByOthers, "wall_posts_sent_to_you": .postsByOthers,
    ]

    /// The connection sections by the top-level key that holds them.
    static let connectionKeys: [String: FacebookSection] = [
        "friends_v2": .friends, "friends": .friends,
        "sent_requests_v2": .sentRequests, "sent_requests": .sentRequests,
        "received_requests_v2": .receivedRequests, "received_requests": .receivedRequests,
        "rejected_requests_v2": .rejectedRequests, "rejected_requests": .rejectedRequests,
        "deleted_friends_v2": .removedFriends, "deleted_friends": .removedFriends,
        "following_v3": .following, "following_v2": .following, "following": .following,
        "followers_v3": .followers, "followers_v2": .followers, "followers": .followers,
    ]

    /// The keys of uploaded-media lists.
    static let uploadKeys: Set<String> = ["other_photos_v2", "other_photos", "videos_v2", "videos"]

    /// The keys of the profile object.
    static let profileKeys = ["profile_v2", "profile"]

    private var order: Int {
        switch self {
        case .profile: 0
        case .posts: 1
        case .uploads: 2
        case .postsByOthers: 3
        case .groupPosts: 4
        case .comments: 5
        case .groupComments: 6
        case .reactions: 7
        case .storyReactions: 8
        case .messenger: 9
        case .encryptedMessenger: 10
        case .friends: 11
        case .sentRequests: 12
        case .receivedRequests: 13
        case .rejectedRequests: 14
        case .removedFriends: 15
        case .following: 16
        case .followers: 17
        }
    }

    static func < (lhs: FacebookSection, rhs: FacebookSection) -> Bool {
        if lhs.order != rhs.order { return lhs.order < rhs.order }
        return lhs.title < rhs.title
    }
}
