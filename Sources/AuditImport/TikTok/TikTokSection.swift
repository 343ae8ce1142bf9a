/// The lists of a TikTok `user_data_tiktok.json` the importer reads, with every path each has
/// had (docs/formats/tiktok.md; TikTok renamed sections in 2024 and 2025).
enum TikTokSection: CaseIterable {
    case profile, following, followers, blocked, comments, liveComments, posts, likes, messages

    /// The key paths where the section has been found, newest first.
    var paths: [[String]] {
        switch self {
        case .profile:
            [
                ["Profile", "Profile Info", "ProfileMap"],
                ["Profile", "Profile Information", "ProfileMap"],
            ]
        case .following:
            [
                ["Your Activity", "Following", "Following"],
                ["Activity", "Following List", "Following"],
                ["Your Activity", "Following List", "Following"],
            ]
        case .followers:
            [
                ["Your Activity", "Follower", "FansList"],
                ["Activity", "Follower List", "FansList"],
                ["Your Activity", "Follower List", "FansList"],
            ]
        case .blocked:
            [
                ["App Settings", "Block List", "BlockList"],
                ["App Settings", "Block List", "BlockedUserList"],
            ]
        case .comments:
            [
                ["Comment", "Comments", "CommentsList"],
                ["Your Activity", "Comments", "CommentsList"],
                ["Activity", "Comments", "CommentsList"],
            ]
        case .liveComments: [["Tiktok Live", "Watch Live History", "WatchLiveMap"]]
        case .posts: [["Post", "Posts", "VideoList"], ["Video", "Videos", "VideoList"]]
        case .likes:
            [
                ["Your Activity", "Like List", "ItemFavoriteList"],
                ["Activity", "Like List", "ItemFavoriteList"],
            ]
        case .messages:
            [
                ["Direct Message", "Direct Messages", "ChatHistory"],
                ["Direct Messages", "Chat History", "ChatHistory"],
                ["Direct Message", "Direct Messages", "Chat History"],
            ]
        }
    }

    /// The coverage section's name.
    var title: String {
        switch self {
        case .profile: "TikTok: profile"
        case .following: "TikTok: following"
        case .followers: "TikTok: followers"
        case .blocked: "TikTok: blocked"
        case .comments: "TikTok: comments"
        case .liveComments: "TikTok: LIVE comments"
        case .posts: "TikTok: posts"
        case .likes: "TikTok: likes"
        case .messages: "TikTok: direct messages"
        }
    }

    /// Sections of the file (second-level keys) read and deliberately not imported, with why.
    static let notImported: [String: String] = [
        "Watch History": "videos watched: no interaction with another person",
        "Video Browsing History": "videos watched: no interaction with another person",
        "Searches": "searches: no interaction with another person",
        "Search History": "searches: no interaction with another person",
        "Login History": "logins: no interaction with another person",
        "Favorite Videos": "videos saved: no interaction with another person",
        "Favorite Sounds": "sounds saved: no interaction with another person",
        "Favorite Effects": "effects saved: no interaction with another person",
        "Favorite Hashtags": "hashtags saved: no interaction with another person",
        "Favorite Collection": "collections: no interaction with another person",
        "Favorite Comment": "comments saved: no interaction with another person",
        "Favorite Location": "places saved: no interaction with another person",
        "Share History": "videos shared (the recipient is not named): not imported",
        "Off TikTok Activity": "activity reported by other apps: not the owner's interaction",
        "Settings": "settings: no interaction with another person",
        "Status": "device status: no interaction with another person",
        "Recently Deleted Posts":
            "posts the owner deleted, kept for 30 days: not read by this version",
        "Hashtag": "hashtags used: no interaction with another person",
        "Autofill": "autofill details: no interaction with another person",
    ]
}
