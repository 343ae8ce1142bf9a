import AuditModel
import AuditSchool

extension Pupil {
    /// Whether the pupil counts as a child of the school community on `day`.
    ///
    /// That is: on roll then, or a former pupil still under 18. Without a day (an item with no
    /// time), every pupil counts.
    ///
    /// A former pupil who has grown up is no longer a child the policy protects; a child not
    /// yet admitted is not yet a pupil.
    public func isChildOfCommunity(on day: LocalDay?) -> Bool {
        guard let day else { return true }
        if isOnRoll(on: day) { return true }
        return hasLeft(by: day) && isUnder18(on: day) == true
    }

    /// How the pupil stood on `day`, for explanations: "on roll at the time" or "a former pupil,
    /// aged 15 at the time".
    public func standing(on day: LocalDay?) -> String {
        guard let day else { return "on the roster" }
        if isOnRoll(on: day) { return "on roll at the time" }
        if hasLeft(by: day) {
            return "a former pupil" + (age(on: day).map { ", aged \($0) at the time" } ?? "")
        }
        return "not yet on roll at the time"
    }
}
