import AuditModel

/// Incident keys and phrases shared by the content rules, whose incidents are single items.
///
/// A content finding is judged on the words of one item, so each item is its own incident. The
/// key is the item's school-local day and its id ("2024-11-20 3f9a…"), or "undated" and the id;
/// the day lets the incident title say when, and the id keeps two items of one day apart.
public enum ContentIncidentKey {
    /// The incident key of `item`, made on school-local `day`.
    public static func make(for item: TimelineItem, on day: LocalDay?) -> String {
        "\(day?.description ?? "undated") \(item.id.rawValue)"
    }

    /// " on Wednesday 20 November 2024" for a key made by ``make(for:on:)``, or "" when the key
    /// has no day.
    public static func dayPhrase(of key: String) -> String {
        guard let first = key.split(separator: " ").first, let day = LocalDay(iso: String(first))
        else { return "" }
        return " on \(day.longDescription)"
    }

    /// Where the item was written, for explanations: "a Facebook post", "a Facebook message in
    /// the conversation 'Prosecco Club'".
    public static func describe(_ item: TimelineItem) -> String {
        var phrase = "\(item.platform.withIndefiniteArticle) \(item.kind.displayName)"
        if item.kind == .message, let conversation = item.conversation {
            phrase += " in the conversation '\(conversation)'"
        }
        return phrase
    }
}
