/// A part of an Instagram export that yields one kind of timeline item, named for coverage reports.
enum InstagramJSONSection: Hashable, Comparable {
    case profile
    case profilePhotos
    /// `posts_N.json` (2021-2025 `content/`, 2025+ `media/`) and legacy `media.json` photos.
    case posts
    case archivedPosts
    case reels
    case igtv
    case stories
    case postComments
    case reelsComments
    case storyComments
    case likedPosts
    case likedComments
    /// Likes, poll answers, quiz answers, emoji sliders … on other people's stories.
    case storyInteractions
    /// A direct-message folder: `inbox`, `message_requests`, or the legacy `messages.json`.
    case messages(String)
    case followers
    case following
    case closeFriends
    case followRequestsSent
    case followRequestsReceived
    case unfollowed
    /// A flat file of the 2018-2020 layout that feeds several kinds of item, named for the
    /// file, so that every file is listed in one section only.
    case legacy(String)

    /// The name shown in coverage ("Messages: inbox").
    var title: String {
        switch self {
        case .profile: "Profile"
        case .profilePhotos: "Profile photos"
        case .posts: "Posts"
        case .archivedPosts: "Archived posts"
        case .reels: "Reels"
        case .igtv: "IGTV videos"
        case .stories: "Stories"
        case .postComments: "Comments on posts"
        case .reelsComments: "Comments on reels"
        case .storyComments: "Comments on stories"
        case .likedPosts: "Liked posts"
        case .likedComments: "Liked comments"
        case .storyInteractions: "Story interactions"
        case .messages(let folder): "Messages: \(folder)"
        case .followers: "Followers"
        case .following: "Following"
        case .closeFriends: "Close friends"
        case .followRequestsSent: "Follow requests sent"
        case .followRequestsReceived: "Follow requests received"
        case .unfollowed: "Recently unfollowed"
        case .legacy(let title): title
        }
    }

    /// Sections whose files hold posts, stories or profile pictures, by top-level key.
    static let mediaKeys: [String: InstagramJSONSection] = [
        "ig_stories": .stories, "ig_reels_media": .reels,
        "ig_archived_post_media": .archivedPosts, "ig_profile_picture": .profilePhotos,
        "ig_igtv_media": .igtv,
    ]

    /// Sections whose files hold generic records (§2.2), by top-level key.
    static let recordKeys: [String: InstagramJSONSection] = [
        "comments_media_comments": .postComments, "comments_reels_comments": .reelsComments,
        "comments_story_comments": .storyComments,
        "likes_media_likes": .likedPosts, "likes_comment_likes": .likedComments,
        "relationships_followers": .followers, "relationships_following": .following,
        "relationships_close_friends": .closeFriends,
        "relationships_follow_requests_sent": .followRequestsSent,
        "relationships_permanent_follow_requests": .followRequestsSent,
        "relationships_follow_requests_received": .followRequestsReceived,
        "relationships_unfollowed_users": .unfollowed,
    ]

    /// Record lists read and deliberately not imported, with what they are.
    static let notImportedKeys: [String: String] = [
        "relationships_blocked_users": "accounts the owner blocked",
        "relationships_restricted_users": "accounts the owner restricted",
        "relationships_dismissed_suggested_users": "suggested accounts the owner dismissed",
        "relationships_following_hashtags": "hashtags the owner follows",
        "relationships_hide_stories_from": "accounts the owner hides stories from",
        "relationships_feed_favorites": "accounts in the owner's feed favourites",
        "ig_secret_groups": "the list of secret message groups (their messages are in the threads)",
    ]

    /// The section a bare-array file belongs to, from its file name (lower case).
    static func arraySection(fileName: String) -> InstagramJSONSection? {
        func numbered(_ stem: String) -> Bool {
            guard fileName.hasPrefix(stem), fileName.hasSuffix(".json") else { return false }
            let middle = fileName.dropFirst(stem.count).dropLast(".json".count)
            return middle.isEmpty
                || (middle.hasPrefix("_") && middle.count > 1
                    && middle.dropFirst().allSatisfy(\.isNumber))
        }
        if numbered("posts") { return .posts }
        if numbered("followers") { return .followers }
        if numbered("following") { return .following }
        if numbered("post_comments") { return .postComments }
        if numbered("reels_comments") { return .reelsComments }
        if numbered("liked_posts") { return .likedPosts }
        if numbered("liked_comments") { return .likedComments }
        return nil
    }

    private var order: Int {
        switch self {
        case .profile: 0
        case .profilePhotos: 1
        case .posts: 2
        case .archivedPosts: 3
        case .reels: 4
        case .igtv: 5
        case .stories: 6
        case .postComments: 7
        case .reelsComments: 8
        case .storyComments: 9
        case .likedPosts: 10
        case .likedComments: 11
        case .storyInteractions: 12
        case .messages: 13
        case .followers: 14
        case .following: 15
        case .closeFriends: 16
        case .followRequestsSent: 17
        case .followRequestsReceived: 18
        case .unfollowed: 19
        case .legacy: 20
        }
    }

    static func < (lhs: InstagramJSONSection, rhs: InstagramJSONSection) -> Bool {
        if lhs.order != rhs.order { return lhs.order < rhs.order }
        return lhs.title < rhs.title
    }
}
