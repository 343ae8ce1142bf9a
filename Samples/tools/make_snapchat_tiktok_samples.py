#!/usr/bin/env python3
"""Writes Rebecca Hale's Snapchat and TikTok downloads, their answer keys and their README
sections (entirely fictional; see Samples/README.md).

Snapchat: `snapchat-beckyhale-2025-03-14/`, the "My Data" download unpacked, in the current
(2023+) JSON layout: `json/account.json`, `json/friends.json`, `json/chat_history.json` and
`json/snap_history.json` keyed by conversation, plus a location file that is not imported
(docs/formats/snapchat.md). TikTok: `tiktok-beckyhale-2025-03-14.zip` holding
`user_data_tiktok.json` in the 2025 layout of the real sample in
shared/formats/samples/tiktok (docs/formats/tiktok.md). Times are UTC strings, as both write.

Every working-time verdict comes from larkfield.working_verdict and every pupil from the
roster, so the answer keys agree with the school and roster the other samples use.

Run from anywhere: python3 Samples/tools/make_snapchat_tiktok_samples.py
"""
from __future__ import annotations

import json
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import larkfield as L  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent
SNAP = "snapchat-beckyhale-2025-03-14"
TIKTOK = "tiktok-beckyhale-2025-03-14.zip"
# Fixed zip entry time, so the zip's bytes (and its SHA-256) do not change between runs.
ZIP_TIME = (2025, 3, 14, 9, 12, 0)


def utc(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)


def snap_time(text: str) -> str:
    return f"{text} UTC"


def micro(text: str) -> int:
    return int(utc(text).timestamp() * 1000)  # Snapchat's "microseconds" field holds milliseconds


class Key:
    """An answer key: one entry per item, with the findings it must and must not give."""

    def __init__(self, export: str, note: str):
        self.export = export
        self.note = note
        self.items: list[dict] = []

    def add(self, key, file, pointer, activity, when, counterparty, expected, must_not, why,
            owner_authored=True):
        local = None
        verdict = None
        if when is not None:
            moment = utc(when)
            local = moment.astimezone(L.LONDON).strftime("%a %Y-%m-%d %H:%M:%S %Z")
            verdict = L.working_verdict(L.REBECCA, moment)[1]
        self.items.append({
            "key": key, "file": file, "pointer": pointer, "activity": activity,
            "owner_authored": owner_authored,
            "occurred_at": utc(when).strftime("%Y-%m-%dT%H:%M:%SZ") if when else None,
            "local_time": local, "working_time": verdict, "counterparty": counterparty,
            "expected": expected, "must_not": must_not, "why": why,
        })

    def write(self, path: Path):
        document = {
            "export": self.export, "staff": "Rebecca Hale", "school": "Larkfield Primary School",
            "matching": "A finding matches an entry when its source file equals `file` and its "
                        "locator equals `pointer`; `rule` must be equal and the status open. Items "
                        "not listed with `expected` rules must produce no finding.",
            "note": self.note, "items": self.items,
        }
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def markdown(self, title: str) -> str:
        rules = ["working-hours", "pupil-contact", "ex-pupil-contact", "confidential-disclosure",
                 "child-identification", "abusive-content", "age-misrepresentation"]
        total = sum(len(i["expected"]) for i in self.items)
        out = [f"Export: `{self.export}`. {len(self.items)} items; **{total} expected findings**:", "",
               "| rule | expected findings | keys |", "|---|---|---|"]
        for rule in rules:
            keys = [i["key"] for i in self.items if rule in i["expected"]]
            out.append(f"| `{rule}` | {len(keys)} | {', '.join(keys) or '-'} |")
        out.append("")
        files: dict[str, list[dict]] = {}
        for item in self.items:
            files.setdefault(item["file"], []).append(item)
        for file, items in files.items():
            out += ["", f"#### `{file}`", "",
                    "| key | pointer | local time (Europe/London) | activity | counterparty | expected findings | must not | why |",
                    "|---|---|---|---|---|---|---|---|"]
            for i in items:
                expected = "<br>".join(f"**{r}**" for r in i["expected"]) or "none"
                out.append(f"| {i['key']} | `{i['pointer']}` | {i['local_time'] or 'no time'} | "
                           f"{i['activity']} | {i['counterparty'] or '-'} | {expected} | "
                           f"{', '.join(i['must_not']) or '-'} | {i['why']} |")
        return "\n".join(out)


def esc(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


# --- Snapchat ----------------------------------------------------------------------------------

def snapchat() -> Key:
    root = SAMPLES / SNAP
    (root / "json").mkdir(parents=True, exist_ok=True)
    key = Key(SNAP + "/", "Snapchat \"My Data\" download, current JSON layout (chats and snaps "
                          "keyed by conversation). Times are UTC strings.")
    account = {
        "Basic Information": {
            "Username": "beckyhale.snaps", "Name": "Becky Hale",
            "Creation Date": "2016-04-02 10:11:12 UTC", "Registration IP": "192.0.2.44",
            "Country": "GB", "Last Active": "2025-03-13"},
        "Device Information": {"Make": "Apple", "Model ID": "iPhone14,5", "Model Name": "iPhone 13",
                               "Language": "en-GB", "OS Type": "iOS", "OS Version": "18.3",
                               "Connection Type": "WIFI"},
        "Device History": [],
        "Login History": [{"IP": "192.0.2.44", "Country": "GB", "Created": "2025-03-13 20:01:02 UTC",
                           "Status": "success", "Device": "iPhone 13"}],
    }
    key.add("SA01", "json/account.json", "/Basic Information", "profile", None, None, [], [],
            "Her profile: username beckyhale.snaps, shown as Becky Hale. Names the archive's owner.")

    def friend(username, display, created, modified, source):
        return {"Username": username, "Display Name": display,
                "Creation Timestamp": snap_time(created), "Last Modified Timestamp": snap_time(modified),
                "Source": source}

    friends = {
        "Friends": [
            friend("olliebsnaps", "Ollie B", "2024-11-23 19:05:11", "2024-11-23 19:05:11", "Added by Search"),
            friend("zoefairfax", "Zoë Fairfax", "2021-05-02 11:50:00", "2021-05-02 11:50:00", "Added by Phone"),
            friend("teamsnapchat", "Team Snapchat", "2016-04-02 10:11:12", "2016-04-02 10:11:12", ""),
        ],
        "Friend Requests Sent": [
            friend("harvey.c14", "Harvey Collins", "2025-01-14 10:20:05", "2025-01-14 10:20:05", "Added by Quick Add"),
        ],
        "Blocked Users": [
            friend("jordan.reece08", "Jordan Reece", "2022-05-14 17:00:00", "2024-06-10 18:42:00", "Added by Search"),
        ],
        "Deleted Friends": [
            friend("lilymae.d", "Lily-Mae Dawson", "2019-08-10 15:02:00", "2023-03-01 20:00:00", "Added by Username"),
        ],
        "Hidden Friend Suggestions": [],
        "Ignored Snapchatters": [],
        "Pending Requests": [
            friend("tyler.greaves", "Tyler Greaves", "2025-02-22 10:30:00", "2025-02-22 10:30:00", "Added by Quick Add"),
        ],
        "Shortcuts": [],
    }
    f = "json/friends.json"
    key.add("SF01", f, "/Friends/0", "friend", "2024-11-23 19:05:11", "olliebsnaps (Ollie Bennett, roster G373247318101, by known account)",
            ["pupil-contact"], [], "Friends with a current pupil since a Saturday evening; the roster lists olliebsnaps as his Snapchat account.", owner_authored=False)
    key.add("SF02", f, "/Friends/1", "friend", "2021-05-02 11:50:00", "zoefairfax (Zoë Fairfax)", [], ["pupil-contact"],
            "An adult friend who shares a first name with the pupil Zoë Kowalczyk.", owner_authored=False)
    key.add("SF03", f, "/Friends/2", "friend", "2016-04-02 10:11:12", "teamsnapchat", [], [],
            "Snapchat's own account, a friend of every account since it was made.", owner_authored=False)
    key.add("SR01", f, "/Friend Requests Sent/0", "friend-request-sent", "2025-01-14 10:20:05",
            "harvey.c14 (Harvey Collins, roster K373247318103, by display name)", ["working-hours", "pupil-contact"], [],
            "She sent a current pupil a friend request, during lessons on a Tuesday in term.")
    key.add("SB01", f, "/Blocked Users/0", "friend (blocked)", "2024-06-10 18:42:00",
            "jordan.reece08 (Jordan Reece, roster R373247312101, former pupil)", [], ["ex-pupil-contact"],
            "She blocked a former pupil aged 16: blocking is not contact.")
    key.add("SD01", f, "/Deleted Friends/0", "friend (removed)", "2023-03-01 20:00:00",
            "lilymae.d (Lily-Mae Dawson, roster C373247313101, former pupil)", ["ex-pupil-contact"], [],
            "Friends with a former pupil until she deleted the friendship on 1 March 2023, when Lily-Mae was 13.")
    key.add("SP01", f, "/Pending Requests/0", "friend-request-received", "2025-02-22 10:30:00",
            "tyler.greaves (Tyler Greaves, roster A886206118214)", [], ["pupil-contact"],
            "A request from a current pupil she has not accepted: not a breach.", owner_authored=False)

    def chat(sender, is_sender, created, media, content, title=None, media_ids=""):
        return {"From": sender, "Media Type": media, "Created": snap_time(created),
                "Content": content, "Conversation Title": title, "IsSender": is_sender,
                "Created(microseconds)": micro(created), "IsSaved": True, "Media IDs": media_ids}

    group = "5f1b3c2e-9a7d-4e2b-8c1f-2d3e4f5a6b7c"
    chats = {
        "olliebsnaps": [
            chat("olliebsnaps", False, "2024-11-23 19:10:02", "TEXT", "miss can u help with the maths homework"),
            chat("beckyhale.snaps", True, "2024-11-23 19:12:40", "TEXT", "Of course Ollie - bring it on Monday and we'll go through it"),
            chat("olliebsnaps", False, "2024-11-23 19:13:05", "MEDIA", None, media_ids="b~EiQSFWFYRmhrc1dlY2ZLeVhSZU9aNkRnMTIBAA"),
        ],
        "zoefairfax": [
            chat("beckyhale.snaps", True, "2025-01-15 09:40:00", "TEXT", "Running late for tonight, save me a seat"),
            chat("zoefairfax", False, "2025-01-15 09:41:30", "TEXT", "Will do x"),
        ],
        group: [
            chat("zoefairfax", False, "2025-02-08 18:02:00", "TEXT", "Next month: Circe?", title="Book club"),
            chat("beckyhale.snaps", True, "2025-02-08 18:05:45", "TEXT", "Yes please! Honestly Mark Whitfield is a useless idiot this term", title="Book club"),
        ],
    }
    f = "json/chat_history.json"
    key.add("SC01", f, "/olliebsnaps/0", "message, received", "2024-11-23 19:10:02", "olliebsnaps (Ollie Bennett)",
            ["pupil-contact"], [], "A saved chat from a current pupil, in a conversation she replied in.", owner_authored=False)
    key.add("SC02", f, "/olliebsnaps/1", "message", "2024-11-23 19:12:40", "olliebsnaps (Ollie Bennett)",
            ["pupil-contact"], [], "Her reply to a current pupil, on a Saturday evening.")
    key.add("SC03", f, "/olliebsnaps/2", "message, received (media)", "2024-11-23 19:13:05", "olliebsnaps (Ollie Bennett)",
            ["pupil-contact"], [], "A saved picture from the pupil; the download holds no chat_media file for it.", owner_authored=False)
    key.add("SC04", f, "/zoefairfax/0", "message", "2025-01-15 09:40:00", "zoefairfax (Zoë Fairfax)",
            ["working-hours"], ["pupil-contact"], "Sent to an adult friend during lessons on a Wednesday in term.")
    key.add("SC05", f, "/zoefairfax/1", "message, received", "2025-01-15 09:41:30", "zoefairfax (Zoë Fairfax)",
            [], ["working-hours", "pupil-contact"], "Received: says nothing about her own use.", owner_authored=False)
    key.add("SC06", f, f"/{group}/0", "message, received", "2025-02-08 18:02:00", "zoefairfax (group 'Book club')",
            [], [], "A friend's message in a group chat, on a Saturday.", owner_authored=False)
    key.add("SC07", f, f"/{group}/1", "message", "2025-02-08 18:05:45", "zoefairfax (group 'Book club')",
            ["abusive-content"], [], "She calls the headteacher, Mark Whitfield, a 'useless idiot' (a term school.yaml adds to the abusive list).")

    def snap(sender, is_sender, created, media):
        return {"From": sender, "Media Type": media, "Created": snap_time(created),
                "Conversation Title": None, "IsSender": is_sender, "Created(microseconds)": micro(created)}

    snaps = {
        "olliebsnaps": [
            snap("beckyhale.snaps", True, "2024-12-14 18:30:00", "IMAGE"),
            snap("olliebsnaps", False, "2024-12-14 18:45:10", "VIDEO"),
        ],
        "zoefairfax": [
            snap("beckyhale.snaps", True, "2025-03-11 11:05:00", "IMAGE"),
        ],
    }
    f = "json/snap_history.json"
    key.add("SS01", f, "/olliebsnaps/0", "message (snap sent)", "2024-12-14 18:30:00", "olliebsnaps (Ollie Bennett)",
            ["pupil-contact"], [], "She sent a current pupil a photo snap; its content is never in the download.")
    key.add("SS02", f, "/olliebsnaps/1", "message (snap received)", "2024-12-14 18:45:10", "olliebsnaps (Ollie Bennett)",
            ["pupil-contact"], [], "A video snap back from the pupil, in a conversation she took part in.", owner_authored=False)
    key.add("SS03", f, "/zoefairfax/0", "message (snap sent)", "2025-03-11 11:05:00", "zoefairfax (Zoë Fairfax)",
            ["working-hours"], ["pupil-contact"], "A snap sent during lessons on a Tuesday in term.")
    location = {"Frequent Locations": [], "Latest Location": [], "Home, School & Work": {},
                "Location History": []}
    for name, content in [("account.json", account), ("friends.json", friends),
                          ("chat_history.json", chats), ("snap_history.json", snaps),
                          ("location_history.json", location)]:
        (root / "json" / name).write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return key


# --- TikTok ------------------------------------------------------------------------------------

def tiktok() -> Key:
    key = Key(TIKTOK, "TikTok download, JSON, 2025 layout; dates are UTC strings without a zone.")
    f = "user_data_tiktok.json"
    data = {
        "App Settings": {
            "Block List": {"App": 1, "BlockList": [{"Date": "2024-09-14 20:10:00", "UserName": "kev.marsh"}]},
            "Settings": {"App": 1, "SettingsMap": {"App Language": "English", "Private Account": "Enabled"}},
        },
        "Comment": {"Comments": {"App": 1, "CommentsList": [
            {"date": "2025-02-12 10:15:22", "comment": "Love this recipe, making it tonight!", "photo": "N/A", "url": ""},
            {"date": "2024-12-07 15:30:00", "comment": "Gorgeous walk!", "photo": "N/A", "url": ""},
            {"date": "2024-12-14 19:05:00", "comment": "@ollie.bennett.13 brilliant cake, well done!", "photo": "N/A", "url": ""},
        ]}},
        "Direct Message": {"Direct Messages": {"ChatHistory": {
            "Chat History with hattie.ellis11:": [
                {"Date": "2025-01-25 16:10:00", "From": "hattie.ellis11", "Content": "Miss!! is that u??"},
                {"Date": "2025-01-25 16:12:30", "From": "beckyhale.reads", "Content": "Hi Harriet! Yes it's me - hope Year 8 is going well"},
            ],
            "Chat History with zoefairfax:": [
                {"Date": "2025-03-10 13:30:00", "From": "beckyhale.reads", "Content": "https://www.tiktokv.com/share/video/7480000000000000001/"},
            ],
        }}},
        "Income Plus Wallet Transactions": {"Transaction History": {"TransactionsList": None}},
        "Post": {"Posts": {"VideoList": [
            {"Date": "2024-11-18 16:45:00", "Link": "https://p16-sign-va.tiktokcdn.com/tos-maliva-p-0068/bakesale~tplv-photomode.jpeg",
             "Likes": "14", "WhoCanView": "Everyone", "AllowComments": "Yes", "AllowStitches": "Yes",
             "AllowDuets": "Yes", "AllowStickers": "Yes", "AllowSharingToStory": "Yes",
             "ContentDisclosure": "", "AIGeneratedContent": "No", "Sound": "original sound - beckyhale.reads",
             "Location": "N/A", "Title": "Year 5 bake sale at Larkfield today - so proud of them all",
             "AddYoursText": "", "CoverImage": ""},
        ]}, "Recently Deleted Posts": {"PostList": []}},
        "Profile": {"Profile Info": {"App": 1, "ProfileMap": {
            "PlatformInfo": [], "bioDescription": "Books, walks and baking", "birthDate": "17-Jun-1988",
            "displayName": "Becky Hale", "emailAddress": "MASKED", "followerCount": 1,
            "followingCount": 3, "likesReceived": "14", "profilePhoto": "", "telephoneNumber": "MASKED",
            "userName": "beckyhale.reads"}}},
        "Tiktok Live": {"Watch Live History": {"WatchLiveMap": {
            "7481000000000000001": {"Comments": [{"CommentTime": "2025-03-13 14:00:00", "CommentContent": "hello from the staffroom!", "RawTime": 1741874400}],
                                    "Questions": None, "WatchTime": "2025-03-13 13:58:10", "Link": ""}}}},
        "Your Activity": {
            "Follower": {"App": 1, "IsFastLane": False, "FansList": [
                {"Date": "2024-12-01 17:20:00", "UserName": "ollie.bennett.13"},
            ]},
            "Following": {"App": 1, "IsFastLane": False, "Following": [
                {"Date": "2025-01-25 16:02:11", "UserName": "hattie.ellis11"},
                {"Date": "2023-09-10 18:02:00", "UserName": "larkfieldpta"},
                {"Date": "2024-03-02 11:00:00", "UserName": "bakewithkev"},
            ]},
            "Like List": {"App": 1, "ItemFavoriteList": [
                {"date": "2025-03-01 10:05:00", "link": "https://www.tiktokv.com/share/video/7476000000000000002/"},
            ]},
            "Watch History": {"VideoList": [
                {"Date": "2025-03-12 21:00:00", "Link": "https://www.tiktokv.com/share/video/7480000000000000003/"},
            ]},
            "Searches": {"SearchList": [{"Date": "2025-03-12 20:58:00", "SearchTerm": "sourdough"}]},
        },
    }
    key.add("TU01", f, "/Profile/Profile Info/ProfileMap", "profile", None, None, [], ["age-misrepresentation"],
            "Her profile: beckyhale.reads, Becky Hale, birthday 17 June 1988 (an adult).")
    key.add("TB01", f, "/App Settings/Block List/BlockList/0", "follow (blocked)", "2024-09-14 20:10:00", "kev.marsh",
            [], [], "An adult she blocked.")
    key.add("TC01", f, "/Comment/Comments/CommentsList/0", "comment", "2025-02-12 10:15:22", None,
            ["working-hours"], [], "A comment during lessons on a Wednesday in term.")
    key.add("TC02", f, "/Comment/Comments/CommentsList/1", "comment", "2024-12-07 15:30:00", None, [], [],
            "A comment on a Saturday.")
    key.add("TC03", f, "/Comment/Comments/CommentsList/2", "comment", "2024-12-14 19:05:00",
            "ollie.bennett.13 (Ollie Bennett, roster G373247318101, by known account)", ["pupil-contact"], [],
            "A comment addressed to a current pupil by his TikTok handle, on a Saturday evening; the download does not say whose video it was on.")
    key.add("TD01", f, "/Direct Message/Direct Messages/ChatHistory/Chat History with hattie.ellis11:/0", "message, received",
            "2025-01-25 16:10:00", "hattie.ellis11 (Harriet Ellis, roster K373247316101, former pupil, by known account)",
            ["ex-pupil-contact"], [], "A direct message from a former pupil aged 13, in a chat she replied in.", owner_authored=False)
    key.add("TD02", f, "/Direct Message/Direct Messages/ChatHistory/Chat History with hattie.ellis11:/1", "message",
            "2025-01-25 16:12:30", "hattie.ellis11 (Harriet Ellis)", ["ex-pupil-contact"], [],
            "Her reply to a former pupil aged 13, on a Saturday.")
    key.add("TD03", f, "/Direct Message/Direct Messages/ChatHistory/Chat History with zoefairfax:/0", "message",
            "2025-03-10 13:30:00", "zoefairfax (Zoë Fairfax)", ["working-hours"], ["pupil-contact"],
            "A shared video sent to an adult friend at 13:30 on a Monday in term, after her lunch break.")
    key.add("TP01", f, "/Post/Posts/VideoList/0", "post", "2024-11-18 16:45:00", None, ["child-identification"], ["working-hours"],
            "A photo post after her working day naming her class and the school: the tool cannot see the picture, so it is flagged for a reviewer.")
    key.add("TL01", f, "/Tiktok Live/Watch Live History/WatchLiveMap/7481000000000000001/Comments/0", "comment",
            "2025-03-13 14:00:00", None, ["working-hours"], [], "A comment in someone's LIVE during lessons on a Thursday in term.")
    key.add("TW01", f, "/Your Activity/Follower/FansList/0", "follower, received", "2024-12-01 17:20:00",
            "ollie.bennett.13 (Ollie Bennett, roster G373247318101, by known account)", ["pupil-contact"], [],
            "A current pupil follows her (her account is private, so she let him): contact either way.", owner_authored=False)
    key.add("TF01", f, "/Your Activity/Following/Following/0", "follow", "2025-01-25 16:02:11",
            "hattie.ellis11 (Harriet Ellis, former pupil)", ["ex-pupil-contact"], [], "She follows a former pupil aged 13.")
    key.add("TF02", f, "/Your Activity/Following/Following/1", "follow", "2023-09-10 18:02:00", "larkfieldpta", [], [],
            "The school PTA's account.")
    key.add("TF03", f, "/Your Activity/Following/Following/2", "follow", "2024-03-02 11:00:00", "bakewithkev", [], [],
            "A baking account, on a Saturday.")
    key.add("TK01", f, "/Your Activity/Like List/ItemFavoriteList/0", "reaction", "2025-03-01 10:05:00", None, [], [],
            "A like on a Saturday.")
    with zipfile.ZipFile(SAMPLES / TIKTOK, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(f, date_time=ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        archive.writestr(info, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return key


def replace_section(readme: str, name: str, body: str, heading: str = "") -> str:
    begin = f"<!-- BEGIN {name} ANSWER KEY (generated) -->"
    end = f"<!-- END {name} ANSWER KEY -->"
    if begin in readme:
        start = readme.index(begin)
        stop = readme.index(end) + len(end)
        return readme[:start] + begin + "\n" + body + "\n" + end + readme[stop:]
    return readme.rstrip("\n") + "\n" + heading + begin + "\n" + body + "\n" + end + "\n"


def main():
    snap_key = snapchat()
    snap_key.write(SAMPLES / f"{SNAP}.answer-key.json")
    tiktok_key = tiktok()
    tiktok_key.write(SAMPLES / "tiktok-beckyhale-2025-03-14.answer-key.json")
    readme_path = SAMPLES / "README.md"
    readme = readme_path.read_text(encoding="utf-8")
    readme = replace_section(readme, "SNAPCHAT", snap_key.markdown("Snapchat"))
    readme = replace_section(readme, "TIKTOK", tiktok_key.markdown("TikTok"), "\n### TikTok answer key\n\n")
    readme_path.write_text(readme, encoding="utf-8")


if __name__ == "__main__":
    main()
