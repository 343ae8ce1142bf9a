/// A media file, link or place attached to a timeline item.
public struct Attachment: Codable, Sendable, Hashable {
    /// What the attachment is.
    public enum Kind: String, Codable, Sendable {
        case photo, video, audio, gif, file, sticker, link, place, other

        /// Whether the attachment is a picture or film (what child-identification looks at).
        public var isVisualMedia: Bool { self == .photo || self == .video || self == .gif }
    }

    public var kind: Kind
    /// The path inside the archive (media) or the URL (links), as the export wrote it.
    public var uri: String?
    /// A caption, album name or link title.
    public var caption: String?

    public init(kind: Kind, uri: String? = nil, caption: String? = nil) {
        self.kind = kind
        self.uri = uri.flatMap { $0.isEmpty ? nil : $0 }
        self.caption = caption.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Guesses the kind of a media file from its extension.
    public static func kind(ofMediaPath path: String) -> Kind {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "jpg", "jpeg", "png", "webp", "heic", "bmp", "tif", "tiff": return .photo
        case "gif": return .gif
        case "mp4", "mov", "m4v", "avi", "webm", "3gp", "mkv": return .video
        case "mp3", "m4a", "aac", "ogg", "opus", "wav", "amr": return .audio
        default: return .file
        }
    }
}
