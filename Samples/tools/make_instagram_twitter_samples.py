#!/usr/bin/env python3
"""Generate Rebecca Hale's Instagram JSON export and X archive, with their answer keys.

    python3 Samples/tools/make_instagram_twitter_samples.py           # (re)write the files below
    python3 Samples/tools/make_instagram_twitter_samples.py --check   # exit 1 if they differ

Writes, under Samples/:
  instagram-beckyhale-2025-03-14/                 an unpacked Instagram "Download Your
                                                  Information" JSON export (2024-2025 layout) of
                                                  the fictional teacher Rebecca Hale (@becky.hale)
  instagram-beckyhale-2025-03-14.answer-key.json  its answer key, machine-readable
  twitter-beckyhale-2025-03-14.zip                her X archive (@beckyhale), zipped as X does
  twitter-beckyhale-2025-03-14.answer-key.json    its answer key
  README.md                                       only the parts between this script's markers

Everything is invented; no real person is named. The school, the staff calendar and the roster
come from larkfield.py (shared with make_facebook_sample.py, which writes school.yaml and
pupils.csv); the Meta JSON writer and the tiny JPEG encoder are make_facebook_sample.py's. The
script is deterministic (no clock, no randomness: ids are digests of fixed seeds or derived from
the item's time) and uses the standard library only.

How the files mimic the platforms (FORMATS.md sections 2 and 3):
  * Instagram: Meta's mojibake (each UTF-8 byte written as one \\u00XX escape), 2-space
    indentation, epoch seconds (messages: milliseconds), newest first; posts_1.json,
    followers_1.json and post_comments_1.json are bare arrays, the other lists are wrapped;
    people are handles, except in direct messages, where they are display names.
  * X: every data file is `window.YTD.<type>.partN = [ ... ]` in X's pretty style (" : " after
    keys, empty arrays as "[ ]"), proper UTF-8, numbers as strings, `full_text` HTML-escaped;
    tweets are split over tweets.js and tweets-part1.js, out of date order; tweet and message
    ids are snowflakes that encode their own creation time; direct messages, followers and
    following name accounts by id only, and the only link from Ollie's id to his handle is the
    mention entity of one of Rebecca's tweets.

Each item is declared once with its Europe/London wall-clock time and the findings it should
(and should not) produce. The script converts the time with zoneinfo, checks every
working-hours verdict against larkfield.working_verdict and every pupil or ex-pupil expectation
against the roster (on roll at the time, age at the time), writes the files, reads them back
(Instagram: json.loads plus the latin-1 -> UTF-8 repair; X: the text after '=' is JSON), and
renders the answer keys from the same data.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

sys.dont_write_bytecode = True   # keep __pycache__ out of Samples/tools
sys.path.insert(0, str(Path(__file__).resolve().parent))
import larkfield as L  # noqa: E402
import make_facebook_sample as FB  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent
OWNER = L.REBECCA.name
IG_EXPORT = "instagram-beckyhale-2025-03-14"
X_ARCHIVE = "twitter-beckyhale-2025-03-14.zip"
IG_KEY = f"{IG_EXPORT}.answer-key.json"
X_KEY = "twitter-beckyhale-2025-03-14.answer-key.json"
IG_HANDLE = L.REBECCA.accounts["instagram"]
X_HANDLE = L.REBECCA.accounts["twitter"]

CONTACT_RULES = ("pupil-contact", "ex-pupil-contact")
Expect = FB.Expect
digits = FB.digits


# --- Items and expectations --------------------------------------------------------------------


@dataclass
class Item:
    key: str
    file: str
    activity: str
    local: str | None             # Europe/London wall clock "YYYY-MM-DD HH:MM:SS[.mmm]"
    obj: dict
    owner: bool = True            # made by Rebecca
    counterparty: str | None = None   # how the export names the other person (handle or name)
    pupil: str | None = None      # the roster pupil that person is, by name (checked below)
    expect: list = field(default_factory=list)
    must_not: list = field(default_factory=list)
    note: str = ""
    exempt: str = ""              # why a pupil counterparty is not a contact finding
    section: str = ""             # the importer's coverage section
    imported: bool = True         # False for files the audit reads but does not import
    pointer: str = ""             # filled in when the file is assembled

    @property
    def moment(self) -> datetime | None:
        if self.local is None:
            return None
        naive = datetime.fromisoformat(self.local)
        aware = naive.replace(tzinfo=L.LONDON)
        back = datetime.fromtimestamp(aware.timestamp(), L.LONDON).replace(tzinfo=None)
        assert back == naive and aware.fold == 0, f"{self.key}: {self.local} is not a unique time"
        return aware

    @property
    def epoch(self) -> int:
        return int(self.moment.timestamp())

    @property
    def epoch_ms(self) -> int:
        return round(self.moment.timestamp() * 1000)


def ts(local: str) -> int:
    return int(datetime.fromisoformat(local).replace(tzinfo=L.LONDON).timestamp())


# === Instagram ===================================================================================

IG: list[Item] = []
IG_PROFILE = "personal_information/personal_information/personal_information.json"
IG_POSTS = "your_instagram_activity/content/posts_1.json"
IG_STORIES = "your_instagram_activity/content/stories.json"
IG_COMMENTS = "your_instagram_activity/comments/post_comments_1.json"
IG_LIKES = "your_instagram_activity/likes/liked_posts.json"
IG_INBOX = "your_instagram_activity/messages/inbox"
IG_REQUESTS = "your_instagram_activity/messages/message_requests"
IG_CONNECTIONS = "connections/followers_and_following"
IG_FOLLOWERS = f"{IG_CONNECTIONS}/followers_1.json"
IG_FOLLOWING = f"{IG_CONNECTIONS}/following.json"
IG_CLOSE = f"{IG_CONNECTIONS}/close_friends.json"
IG_SENT = f"{IG_CONNECTIONS}/pending_follow_requests.json"
IG_RECEIVED = f"{IG_CONNECTIONS}/follow_requests_you've_received.json"
IG_UNFOLLOWED = f"{IG_CONNECTIONS}/recently_unfollowed_profiles.json"
IG_SEARCHES = "logged_information/recent_searches/word_or_phrase_searches.json"

# Tiny pictures (make_facebook_sample's palette); one JPEG per media item.
PICTURES = {
    "display": ["yyrryyrr", "rrggrrgg", "yyrryyrr", "kkkkkkkk"],
    "chess": ["wkwkwkwk", "kwkwkwkw", "wkwkwkwk", "kwkwkwkw", "gggggggg"],
    "trophy": ["ssssssss", "sssyysss", "ssyyyyss", "sssyysss", "ssskksss", "gggggggg"],
    "walk": ["ssssssss", "sssswwss", "gggsssgg", "gggggggg", "kgkgkgkg"],
    "coffee": ["pppppppp", "ppkkkkpp", "ppkkkkpw", "ppkkkkpp", "pppppppp"],
    "cake": FB.PICTURES["cake"],
    "classroom": ["wwwwwwww", "wbbwwbbw", "wbbwwbbw", "kkkkkkkk", "cccccccc"],
    "sunset": ["rrrrrrrr", "ryyyyyyr", "yyyyyyyy", "kkkkkkkk"],
    "profile": ["ssssssss", "sscccsss", "scpppcss", "sspppsss", "srrrrrss"],
}
IG_MEDIA: dict[str, str] = {}     # archive path -> picture name


def ig_media(name: str, local: str, caption: str, folder: str = "posts") -> dict:
    seed = f"ig:{folder}:{name}:{local}"
    month = local[:7].replace("-", "")
    uri = (f"media/{folder}/{month}/{digits(seed + 'a', 8)}_{digits(seed + 'b', 17)}_"
           f"{digits(seed + 'c', 19)}_n_{digits(seed + 'd', 17)}.jpg")
    IG_MEDIA[uri] = name
    return {"uri": uri, "creation_timestamp": ts(local),
            "media_metadata": {"photo_metadata": {"exif_data": [
                {"latitude": 53.38, "longitude": -1.47}]}},
            "title": caption}


def ig_post(key, local, caption, pictures, **kw) -> Item:
    if len(pictures) == 1:
        obj = {"media": [ig_media(pictures[0], local, caption)]}
    else:   # a carousel: the caption and time are the post's, the media titles are empty
        obj = {"media": [ig_media(p, local, "") for p in pictures],
               "title": caption, "creation_timestamp": ts(local)}
    item = Item(key, IG_POSTS, "post", local, obj, section="Posts", **kw)
    IG.append(item)
    return item


ig_post("P01", "2024-09-07 10:12:33", "First weekend of the new school year \u2615\uFE0F "
        "Slow morning before the planning starts", ["coffee"])
ig_post("P02", "2024-09-17 09:41:20", "Autumn display board is UP \U0001F342\U0001F341 "
        "Year 5 you did brilliantly", ["display", "classroom"],
        expect=[Expect("working-hours"), Expect("child-identification")],
        note="A carousel: one post with two photos. 08:41 UTC (BST), so a check in UTC would "
             "still catch it. The photos show a display board, no children, but the tool cannot "
             "see pictures: photos captioned with school activity ('Year 5') on a school day are "
             "flagged (medium severity, low confidence) for a reviewer to look at and dismiss.")
ig_post("P03", "2024-10-09 12:15:00", "Lunchtime walk round the field \U0001F33F", ["walk"],
        note="Exactly 12:15:00, the first minute of her lunch: allowed.")
ig_post("P04", "2024-11-14 13:15:00", "Back to it \U0001F4DA", ["classroom"],
        expect=[Expect("working-hours")],
        note="Exactly 13:15:00, the end of her lunch: a breach (GMT).")
ig_post("P05", "2024-11-25 15:29:59", "Nearly home time \U0001F305", ["sunset"],
        expect=[Expect("working-hours")],
        note="One second before her 15:30 end: still working time.")
ig_post("P06", "2025-01-14 15:30:00", "And breathe \U0001F9D8\u200D\u2640\uFE0F", ["sunset"],
        note="Exactly 15:30:00, the end of her day: not working time.")
ig_post("P07", "2025-02-06 11:00:00", "Jury service: day 4. The crossword is winning \u270F\uFE0F",
        ["coffee"], note="Thursday in term, but a recorded absence.")
ig_post("P08", "2025-03-03 07:59:59", "Monday car park sunrise \U0001F304", ["sunset"],
        note="One second before her 08:00 start: not working time.")
ig_post("P09", "2024-12-08 20:30:00", "Christmas cake test run with @grace.thompson.pt "
        "\U0001F384\U0001F370", ["cake"], counterparty="grace.thompson.pt",
        must_not=["pupil-contact", "child-identification"],
        note="Mentions an adult friend: Grace Thompson is not the pupil Grace Patel.")
ig_post("P10", "2025-01-18 17:45:12", "So proud of @ollie.bennett2013 and the Larkfield chess "
        "team, county champions \U0001F3C6\u265F\uFE0F", ["chess", "trophy"],
        counterparty="ollie.bennett2013", pupil="Ollie Bennett",
        expect=[Expect("child-identification"), Expect("pupil-contact", activity="mention")],
        note="Photos of the pupils' chess team, naming a pupil by his handle (known account in "
             "pupils.csv). The mention is a counterparty of the post (Instagram keeps no "
             "separate mention list).")


def ig_story(key, local, picture, caption="", **kw) -> Item:
    item = Item(key, IG_STORIES, "post", local,
                ig_media(picture, local, caption, folder="stories"), section="Stories", **kw)
    IG.append(item)
    return item


ig_story("S01", "2024-12-11 10:05:00", "classroom", "Nativity rehearsal chaos \U0001F31F",
         expect=[Expect("working-hours"), Expect("child-identification")],
         note="A story posted during lessons (GMT). A school nativity photo on a school day: "
              "child-identification for a reviewer to look at the picture.")
ig_story("S02", "2025-02-22 11:30:40", "walk", "Half term hike \u26F0\uFE0F",
         note="Saturday of half term.")


def ig_comment(key, local, media_owner, text, **kw) -> Item:
    obj = {"media_list_data": [{"uri": ""}],
           "string_map_data": {"Comment": {"value": text},
                               "Media Owner": {"value": media_owner},
                               "Time": {"timestamp": ts(local)}}}
    item = Item(key, IG_COMMENTS, "comment", local, obj, counterparty=media_owner,
                section="Comments on posts", **kw)
    IG.append(item)
    return item


ig_comment("C01", "2024-10-20 18:40:05", "ollie.bennett2013", "Well done Ollie! \U0001F44F",
           pupil="Ollie Bennett", expect=[Expect("pupil-contact")],
           note="A comment on a current pupil's post.")
ig_comment("C02", "2024-10-15 14:02:10", "siobhan.nibhriain", "Gorgeous! Where is this? \U0001F60D",
           expect=[Expect("working-hours")], note="On an adult friend's post, during lessons.")
ig_comment("C03", "2024-11-30 21:12:48", "grace.thompson.pt",
           "@siobhan.nibhriain you have to come next time!", must_not=["pupil-contact"],
           note="On an adult's post, mentioning another adult.")
ig_comment("C04", "2025-01-26 16:05:31", "zoe.fairfax", "Happy birthday lovely \U0001F382",
           must_not=["pupil-contact"],
           note="Zo\u00eb Fairfax is an adult, not the pupil Zo\u00eb Kowalczyk.")


def ig_like(key, local, account, code, **kw) -> Item:
    obj = {"title": account, "string_list_data": [
        {"href": f"https://www.instagram.com/p/{code}/", "value": "\U0001F44D",
         "timestamp": ts(local)}]}
    item = Item(key, IG_LIKES, "reaction", local, obj, counterparty=account,
                section="Liked posts", **kw)
    IG.append(item)
    return item


ig_like("L01", "2024-11-16 19:30:22", "ollie.bennett2013", "DCc0wZbNx3q", pupil="Ollie Bennett",
        expect=[Expect("pupil-contact")], note="She liked a current pupil's post.")
ig_like("L02", "2024-11-20 10:30:00", "grace.thompson.pt", "DCmq2RtoP8a",
        expect=[Expect("working-hours")], must_not=["pupil-contact"],
        note="A like is access too (GMT); Grace Thompson is an adult.")
ig_like("L03", "2025-02-01 09:15:57", "larkfieldpta", "DFkL0b2sVwE",
        note="The school PTA's post, Saturday.")


@dataclass
class Thread:
    folder: str
    title: str
    participants: list
    base: str = IG_INBOX
    path: str = ""

    def __post_init__(self):
        self.path = f"{self.base}/{self.folder}/message_1.json"


IG_THREADS: list[Thread] = []


def ig_thread(slug, title, participants, base=IG_INBOX) -> Thread:
    thread = Thread(f"{slug}_{digits('igthread:' + slug, 17)}", title, participants, base)
    IG_THREADS.append(thread)
    return thread


def ig_message(thread, key, local, sender, content, **kw) -> Item:
    obj = {"sender_name": sender, "timestamp_ms": 0, "content": content,
           "is_geoblocked_for_viewer": False, "is_unsent_image_by_messenger_kid_parent": False}
    folder = thread.base.rsplit("/", 1)[1]
    item = Item(key, thread.path, "message", local, obj, owner=(sender == OWNER),
                section=f"Messages: {folder}", **kw)
    obj["timestamp_ms"] = item.epoch_ms
    IG.append(item)
    return item


IG_PUPIL_THREAD = ("A message in a thread with a current pupil in which Rebecca took part: "
                   "contact in either direction.")
ollie_ig = ig_thread("olliebennett2013", "Ollie Bennett", ["Ollie Bennett", OWNER])
ig_message(ollie_ig, "M01", "2024-11-16 19:40:31.406", "Ollie Bennett",
           "hi miss its ollie!! can u follow me back \U0001F600", counterparty="Ollie Bennett",
           pupil="Ollie Bennett", expect=[Expect("pupil-contact")], note=IG_PUPIL_THREAD)
ig_message(ollie_ig, "M02", "2024-11-16 19:52:09.118", OWNER,
           "Hi Ollie! I don\u2019t follow pupils on here, sorry. See you on Monday \U0001F642",
           counterparty="Ollie Bennett", pupil="Ollie Bennett", expect=[Expect("pupil-contact")],
           note="Her reply to a current pupil.")
siobhan_ig = ig_thread("siobhannibhriain", "Siobh\u00e1n N\u00ed Bhriain",
                       ["Siobh\u00e1n N\u00ed Bhriain", OWNER])
ig_message(siobhan_ig, "M03", "2025-01-21 10:14:02.250", "Siobh\u00e1n N\u00ed Bhriain",
           "Are we still on for Saturday? \U0001F957", counterparty="Siobh\u00e1n N\u00ed Bhriain",
           note="Received during her working time: no working-hours finding. The sender's "
                "name is written in Meta's mojibake and must read \"Siobh\u00e1n N\u00ed "
                "Bhriain\".")
ig_message(siobhan_ig, "M04", "2025-01-21 10:20:45.733", OWNER,
           "Yes!! \U0001F942 sneaking this in before maths", counterparty="Siobh\u00e1n N\u00ed Bhriain",
           expect=[Expect("working-hours")], note="Her reply, during lessons (GMT).")
ruby_ig = ig_thread("rubysinclair14", "Ruby Sinclair", ["Ruby Sinclair", OWNER], IG_REQUESTS)
ig_message(ruby_ig, "M05", "2025-02-08 18:22:40.951", "Ruby Sinclair",
           "miss is this ur account?? \U0001F440", counterparty="Ruby Sinclair",
           pupil="Ruby Sinclair", must_not=["pupil-contact"],
           exempt="A message request from a pupil that Rebecca never accepted or answered.",
           note="Still in message requests: Rebecca took no part in the thread.")


def ig_account(key, file, listkey, activity, handle, local, section, **kw) -> Item:
    obj = {"title": "", "media_list_data": [], "string_list_data": [
        {"href": f"https://www.instagram.com/{handle}", "value": handle, "timestamp": ts(local)}]}
    item = Item(key, file, activity, local, obj, counterparty=handle, section=section, **kw)
    item.listkey = listkey
    IG.append(item)
    return item


def follower(key, handle, local, **kw):
    return ig_account(key, IG_FOLLOWERS, "", "follower", handle, local, "Followers",
                      owner=False, **kw)


def following(key, handle, local, **kw):
    return ig_account(key, IG_FOLLOWING, "relationships_following", "follow", handle, local,
                      "Following", **kw)


follower("W01", "ollie.bennett2013", "2024-11-16 19:35:50", pupil="Ollie Bennett",
         expect=[Expect("pupil-contact")],
         note="Her account is private (profile: Private Account True), so every follower was "
              "approved by her: she let a current pupil into her area.")
follower("W02", "siobhan.nibhriain", "2019-04-13 20:11:09", note="Adult friend.")
follower("W03", "grace.thompson.pt", "2018-07-02 18:40:26", must_not=["pupil-contact"],
         note="Adult with a pupil's first name (Grace Patel).")
follower("W04", "marek.kowalczyk", "2022-05-14 12:03:44", must_not=["pupil-contact"],
         note="An adult sharing a pupil's surname.")

following("G01", "zoe.kowalczyk2014", "2024-09-29 17:52:18", pupil="Zo\u00eb Kowalczyk",
          expect=[Expect("pupil-contact")],
          note="She follows a current pupil. The handle is not in the roster: it is the "
               "pupil's name and birth year (DOB 22/04/2014), written without the diaeresis.")
following("G02", "olliebennett_joinery", "2024-06-08 10:20:00", must_not=["pupil-contact"],
          note="A handle like the pupil's, but an adult joiner's business account.")
following("G03", "grace.thompson.pt", "2018-07-02 18:41:03", must_not=["pupil-contact"],
          note="Adult friend.")
following("G04", "larkfieldpta", "2023-09-10 18:50:12", note="The school PTA.")
following("G05", "siobhan.nibhriain", "2019-04-13 20:12:30", note="Adult friend.")
ig_account("K01", IG_CLOSE, "relationships_close_friends", "friend", "siobhan.nibhriain",
           "2021-03-20 21:05:16", "Close friends", note="Adult friend on her close friends list.")
ig_account("K02", IG_CLOSE, "relationships_close_friends", "friend", "grace.thompson.pt",
           "2021-03-20 21:05:40", "Close friends", must_not=["pupil-contact"],
           note="Adult friend on her close friends list.")
ig_account("Q01", IG_SENT, "relationships_follow_requests_sent", "friend-request-sent",
           "hannah.brooks.runs", "2025-02-15 20:14:05", "Follow requests sent",
           note="A pending request to follow an adult's private account.")
ig_account("Q02", IG_RECEIVED, "relationships_follow_requests_received",
           "friend-request-received", "noahfletcher2014", "2025-01-05 16:40:12",
           "Follow requests received", owner=False, pupil="Noah Fletcher",
           must_not=["pupil-contact"],
           exempt="A request from a pupil that Rebecca has not accepted: still pending.",
           note="Pending request from a current pupil's account (name and birth year, DOB "
                "03/10/2014): no action by Rebecca, no finding.")
ig_account("X01", IG_UNFOLLOWED, "relationships_unfollowed_users", "follow",
           "stevebarker_fit", "2024-08-03 09:12:44", "Recently unfollowed",
           note="She unfollowed an adult (a follow that ended).")

IG_SEARCH_OBJ = {"string_map_data": {"Search": {"value": "padley gorge parking"},
                                     "Time": {"timestamp": ts("2024-10-27 19:02:11")}}}
IG.append(Item("H01", IG_SEARCHES, "search", "2024-10-27 19:02:11", IG_SEARCH_OBJ,
               imported=False, note="A file the audit reads but does not import."))

IG_PROFILE_MEDIA = "media/other/" + digits("ig:profile", 17) + "_" + digits("ig:profile2", 17) + ".jpg"
IG_MEDIA[IG_PROFILE_MEDIA] = "profile"
IG_PROFILE_OBJ = {"profile_user": [{
    "title": "",
    "media_map_data": {"Profile Photo": {"uri": IG_PROFILE_MEDIA,
                                         "creation_timestamp": ts("2022-06-18 11:02:40"),
                                         "title": ""}},
    "string_map_data": {
        "Email": {"href": "", "value": "becky.hale88@example.com", "timestamp": 0},
        "Phone Confirmed": {"href": "", "value": "False", "timestamp": 0},
        "Username": {"href": "", "value": IG_HANDLE, "timestamp": 0},
        "Name": {"href": "", "value": OWNER, "timestamp": 0},
        "Bio": {"href": "", "value": "Teacher \U0001F34E | Sheffield | walks, bakes & "
                                     "caf\u00e9s \u2615\uFE0F", "timestamp": 0},
        "Gender": {"href": "", "value": "female", "timestamp": 0},
        "Date of birth": {"href": "", "value": "1988-06-17", "timestamp": 0},
        "Private Account": {"href": "", "value": "True", "timestamp": 0},
    }}]}
IG.append(Item("U01", IG_PROFILE, "profile", None, IG_PROFILE_OBJ, section="Profile",
               must_not=["age-misrepresentation"],
               note="Adult profile: born 17 June 1988; a private account. Its Name and "
                    "Username are the archive's owner."))


def newest_first(items):
    return sorted(items, key=lambda i: i.epoch, reverse=True)


def ig_files() -> dict[str, object]:
    """Every JSON file of the Instagram export: path -> document. Fills in each pointer."""
    by_file: dict[str, list[Item]] = {}
    for item in IG:
        by_file.setdefault(item.file, []).append(item)

    def place(items, key):
        for index, item in enumerate(items):
            item.pointer = f"/{key}/{index}" if key else f"/{index}"
        return [i.obj for i in items]

    files: dict[str, object] = {}
    files[IG_POSTS] = place(newest_first(by_file[IG_POSTS]), "")
    files[IG_STORIES] = {"ig_stories": place(newest_first(by_file[IG_STORIES]), "ig_stories")}
    files[IG_COMMENTS] = place(newest_first(by_file[IG_COMMENTS]), "")
    files[IG_LIKES] = {"likes_media_likes": place(newest_first(by_file[IG_LIKES]),
                                                  "likes_media_likes")}
    files[IG_FOLLOWERS] = place(newest_first(by_file[IG_FOLLOWERS]), "")
    for path in (IG_FOLLOWING, IG_CLOSE, IG_SENT, IG_RECEIVED, IG_UNFOLLOWED):
        key = by_file[path][0].listkey
        files[path] = {key: place(newest_first(by_file[path]), key)}
    files[IG_SEARCHES] = {"searches_keyword": place(by_file[IG_SEARCHES], "searches_keyword")}
    for thread in IG_THREADS:
        files[thread.path] = {
            "participants": [{"name": n} for n in thread.participants],
            "messages": place(newest_first(by_file[thread.path]), "messages"),
            "title": thread.title,
            "is_still_participant": True,
            "thread_path": f"{thread.base.rsplit('/', 1)[1]}/{thread.folder}",
            "magic_words": [],
        }
    (profile,) = by_file[IG_PROFILE]
    profile.pointer = "/profile_user/0"
    files[IG_PROFILE] = profile.obj
    return files


def write_instagram(root: Path):
    if root.exists():
        shutil.rmtree(root)
    for rel, doc in ig_files().items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = FB.meta_json(doc)
        path.write_bytes(text.encode("ascii"))            # Meta: ASCII only, no final newline
        assert FB.repaired(json.loads(text)) == doc, f"round trip failed for {rel}"
    for uri, picture in IG_MEDIA.items():
        (root / uri).parent.mkdir(parents=True, exist_ok=True)
        (root / uri).write_bytes(FB.tiny_jpeg(PICTURES[picture]))


# === X ===========================================================================================

X: list[Item] = []
X_OWNER_ID = "612458733"          # an account made in 2012: a pre-snowflake 9-digit id
X_CREATED = "2012-06-02T19:24:51.000Z"
TWEETS = "data/tweets.js"
TWEETS_PART1 = "data/tweets-part1.js"
LIKES = "data/like.js"
DMS = "data/direct-messages.js"
FOLLOWERS = "data/follower.js"
FOLLOWING = "data/following.js"
ACCOUNT = "data/account.js"
PROFILE = "data/profile.js"
MANIFEST = "data/manifest.js"
VIEWER = "Your archive.html"
X_MEDIA: dict[str, str] = {}      # archive path -> picture name

SNOWFLAKE_EPOCH_MS = 1288834974657


def snowflake(local: str, seed: str) -> str:
    """An id whose snowflake bits encode the given time, as X's ids do."""
    moment = datetime.fromisoformat(local).replace(tzinfo=L.LONDON)
    ms = round(moment.timestamp() * 1000)
    return str(((ms - SNOWFLAKE_EPOCH_MS) << 22) | (int(digits(seed, 9)) % (1 << 22)))


@dataclass
class Account:
    handle: str
    name: str
    id: str
    pupil: str | None = None


def account(handle, name, created_local, pupil=None) -> Account:
    return Account(handle, name, snowflake(created_local, "account:" + handle), pupil)


OLLIE = account("olliebtweets", "Ollie \u265F\uFE0F", "2024-09-14 16:02:00", pupil="Ollie Bennett")
HATTIE = account("hattie_ellis11", "Harriet Ellis", "2024-01-03 11:30:00", pupil="Harriet Ellis")
GRACE = account("gracethompsonPT", "Grace Thompson PT", "2016-02-11 09:00:00")
OLLIE_B = account("ollieb_tweets", "Ollie Barnes \U0001F35E", "2019-05-05 08:00:00")
SCHOOL = account("LarkfieldPS", "Larkfield Primary School", "2015-09-01 09:00:00")
PRIYA_ID = "1205518826416439296"   # Priya Shah: never mentioned, so the archive cannot name her
STRANGER_ID = "1456021798343397376"
PAGE_ID = "95731075"               # a walking club: id only, never mentioned


def x_escape(text: str) -> str:
    """X writes full_text HTML-escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def tweet(key, local, text, *, mentions=(), reply_to=None, media=None, file=TWEETS, **kw) -> Item:
    tweet_id = snowflake(local, "tweet:" + key)
    created = datetime.fromisoformat(local).replace(tzinfo=L.LONDON).astimezone(timezone.utc)
    entity_mentions = []
    for who in mentions:
        start = text.index("@" + who.handle)
        entity_mentions.append({"name": who.name, "screen_name": who.handle,
                                "indices": [str(start), str(start + 1 + len(who.handle))],
                                "id_str": who.id, "id": who.id})
    entities = {"hashtags": [], "symbols": [], "user_mentions": entity_mentions, "urls": []}
    body = {
        "edit_info": {"initial": {
            "editTweetIds": [tweet_id],
            "editableUntil": (created.replace(microsecond=0).timestamp() + 3600),
            "editsRemaining": "5", "isEditEligible": True}},
        "retweeted": False,
        "source": "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">"
                  "Twitter for iPhone</a>",
        "entities": entities,
        "display_text_range": ["0", str(len(text))],
        "favorite_count": digits("fav:" + key, 1),
        "id_str": tweet_id,
        "truncated": False,
        "retweet_count": "0",
        "id": tweet_id,
        "created_at": created.strftime("%a %b %d %H:%M:%S +0000 %Y"),
        "favorited": False,
        "full_text": x_escape(text),
        "lang": "en",
    }
    until = datetime.fromtimestamp(body["edit_info"]["initial"]["editableUntil"], timezone.utc)
    body["edit_info"]["initial"]["editableUntil"] = until.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if reply_to is not None:
        body["in_reply_to_status_id_str"] = snowflake(local, "parent:" + key)
        body["in_reply_to_status_id"] = body["in_reply_to_status_id_str"]
        body["in_reply_to_user_id"] = reply_to.id
        body["in_reply_to_user_id_str"] = reply_to.id
        body["in_reply_to_screen_name"] = reply_to.handle
    if media:
        media_id = snowflake(local, "media:" + key)
        media_key = FB.digits("mkey:" + key, 6) + "XoAAkq" + key
        media_url = f"https://pbs.twimg.com/media/{media_key}.jpg"
        short = "https://t.co/" + hashlib.sha256(key.encode()).hexdigest()[:10]
        body["full_text"] += " " + short
        item_media = {
            "expanded_url": f"https://twitter.com/{X_HANDLE}/status/{tweet_id}/photo/1",
            "indices": [str(len(text) + 1), str(len(text) + 1 + len(short))],
            "url": short, "media_url": media_url.replace("https:", "http:"),
            "id_str": media_id, "id": media_id, "media_url_https": media_url,
            "sizes": {"thumb": {"w": "150", "h": "150", "resize": "crop"},
                      "large": {"w": "64", "h": "40", "resize": "fit"}},
            "type": "photo", "display_url": "pic.twitter.com/" + short.rsplit("/", 1)[1]}
        entities["media"] = [item_media]
        body["extended_entities"] = {"media": [item_media]}
        path = f"data/tweets_media/{tweet_id}-{media_key}.jpg"
        X_MEDIA[path] = media
    people = ([reply_to] if reply_to else []) + [m for m in mentions if m is not reply_to]
    first = people[0] if people else None
    item = Item(key, file, "post", local, {"tweet": body}, section="Posts",
                counterparty=("@" + first.handle) if first else None,
                pupil=first.pupil if first else None, **kw)
    X.append(item)
    return item


tweet("T01", "2024-09-05 10:30:00", "Year 5 are absolute stars already \u2B50 Best start to a "
      "year I\u2019ve had", expect=[Expect("working-hours")], note="During lessons (BST).")
tweet("T02", "2024-09-09 12:15:00", "Lunch. Sandwich. Silence. \U0001F96A",
      note="Exactly 12:15:00, the first minute of her lunch: allowed.")
tweet("T03", "2024-09-10 13:15:00", "Lunch over, phonics time \U0001F524",
      expect=[Expect("working-hours")], note="Exactly 13:15:00, the end of her lunch: a breach.",
      file=TWEETS_PART1)
tweet("T04", "2024-10-02 08:00:00", "Wednesday. Coffee #2 & it\u2019s 8am <3",
      expect=[Expect("working-hours")],
      note="Exactly 08:00:00, her start: a breach. The text has '&' and '<' that X writes as "
           "&amp; and &lt;.")
tweet("T05", "2024-10-03 15:30:00", "Home time \U0001F3E0", note="Exactly 15:30:00: not working "
      "time.", file=TWEETS_PART1)
tweet("T06", "2024-10-04 10:00:00", "Fridays off are the best invention of the century",
      note="Friday is not one of her working days.")
tweet("T07", "2024-10-12 18:20:41", "Huge well done to @olliebtweets on winning the Sheffield "
      "junior chess cup! \U0001F3C6\u265F\uFE0F", mentions=[OLLIE],
      expect=[Expect("pupil-contact", activity="mention")],
      note="A mention of a current pupil (his handle is a known account in pupils.csv). The "
           "mention entity is the only place in the archive that links Ollie's account id to "
           "his handle: the direct messages and following.js name him by id only.",
      file=TWEETS_PART1)
tweet("T08", "2024-11-03 19:05:12", "@hattie_ellis11 So proud of you Harriet, keep it up \U0001F4AA",
      reply_to=HATTIE, mentions=[HATTIE],
      expect=[Expect("ex-pupil-contact")],
      note="A reply to a former pupil aged 12 (DOB 01/12/2011, left 21/07/2023).")
tweet("T09", "2024-11-06 19:00:03", "RT @LarkfieldPS: Our Year 6 chess team are county champions! "
      "Well done everyone \U0001F3C6", mentions=[SCHOOL],
      note="A retweet of the school's account: the counterparty is the original author.",
      file=TWEETS_PART1)
tweet("T10", "2024-11-23 21:40:09", "Honestly Larkfield is a joke. The head is a complete waste "
      "of space and everyone knows it \U0001F921",
      expect=[Expect("abusive-content")],
      note="Abusive about the school and its headteacher (Saturday night).")
tweet("T11", "2024-11-30 08:45:27", "Brilliant parkrun with @gracethompsonPT this morning "
      "\U0001F3C3\u200D\u2640\uFE0F", mentions=[GRACE], must_not=["pupil-contact"],
      note="Mentions an adult: Grace Thompson is not the pupil Grace Patel.", file=TWEETS_PART1)
tweet("T12", "2024-12-01 11:02:55", "@ollieb_tweets best sourdough in Sheffield, no contest "
      "\U0001F35E", reply_to=OLLIE_B, mentions=[OLLIE_B], must_not=["pupil-contact"],
      note="A reply to an adult baker whose handle looks like the pupil's (@olliebtweets).")
tweet("T13", "2024-12-01 14:30:10", "Padley Gorge this morning \u2744\uFE0F", media="walk",
      note="A photo tweet; the photo is in data/tweets_media/ (a landscape, no people).",
      file=TWEETS_PART1)
tweet("T14", "2025-01-09 14:10:00", "Marking mountain \U0001F4DA send coffee",
      expect=[Expect("working-hours")], note="During lessons (GMT).")
tweet("T15", "2025-02-24 11:20:00", "First day back and the photocopier is broken again \U0001F643",
      expect=[Expect("working-hours")], note="During lessons (GMT).", file=TWEETS_PART1)
tweet("T16", "2025-02-04 10:30:00", "Jury service day 2. Bring a book, they said \U0001F4D6",
      note="Tuesday in term, but a recorded absence.")
tweet("T17", "2024-12-23 10:00:00", "Christmas holidays: day 3 of pyjamas \U0001F384",
      note="A Monday, in the holidays.", file=TWEETS_PART1)
tweet("T18", "2025-03-12 15:29:00", "One minute to home time and the fire alarm goes off "
      "\U0001F6A8", expect=[Expect("working-hours")], note="One minute before her 15:30 end.")


def like(key, seed_local, text, **kw) -> Item:
    tweet_id = snowflake(seed_local, "liked:" + key)
    obj = {"like": {"tweetId": tweet_id, "fullText": x_escape(text),
                    "expandedUrl": f"https://twitter.com/i/web/status/{tweet_id}"}}
    item = Item(key, LIKES, "reaction", None, obj, section="Likes (the archive gives no time)",
                **kw)
    item.liked_local = seed_local
    X.append(item)
    return item


LIKE_NOTE = ("No time: like.js records none, so it is never a working-hours finding; the tweet "
             "id gives only when the liked post was made ({}).")
like("K01", "2024-10-12 18:31:07", "@beckyhale thank u miss!! \U0001F601\u265F\uFE0F",
     note=LIKE_NOTE + " X's link (twitter.com/i/web/status/...) does not name the author; the "
          "text suggests Ollie's reply to T07, but the archive cannot show whose it is.")
like("K02", "2024-11-06 18:55:40", "Our Year 6 chess team are county champions! Well done "
     "everyone \U0001F3C6", note=LIKE_NOTE)
like("K03", "2025-01-09 13:58:21", "Teachers: what's your January survival snack? \U0001F36B",
     note=LIKE_NOTE)
like("K04", "2024-08-20 21:14:02", "Peak District walks for rainy days \U0001F327\uFE0F",
     note=LIKE_NOTE)


@dataclass
class Conversation:
    other: str                      # the other account's id
    messages: list = field(default_factory=list)

    @property
    def id(self) -> str:
        low, high = sorted([self.other, X_OWNER_ID], key=int)
        return f"{low}-{high}"


X_CONVERSATIONS: list[Conversation] = []


def dm(conversation, key, local, from_owner, text, **kw) -> Item:
    message_id = snowflake(local, "dm:" + key)
    created = datetime.fromisoformat(local).replace(tzinfo=L.LONDON).astimezone(timezone.utc)
    sender, recipient = ((X_OWNER_ID, conversation.other) if from_owner
                         else (conversation.other, X_OWNER_ID))
    obj = {"messageCreate": {
        "recipientId": recipient, "reactions": [], "urls": [], "text": text, "mediaUrls": [],
        "senderId": sender, "id": message_id,
        "createdAt": created.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "editHistory": []}}
    item = Item(key, DMS, "message", local, obj, owner=from_owner, section="Direct messages",
                **kw)
    conversation.messages.append(item)
    X.append(item)
    return item


X_PUPIL_THREAD = ("A direct message with a current pupil, in a conversation Rebecca took part "
                  "in. The archive names him only by account id; his handle comes from the "
                  "mention entity of T07 (and is his known account in pupils.csv).")
ollie_dm = Conversation(OLLIE.id)
X_CONVERSATIONS.append(ollie_dm)
dm(ollie_dm, "D01", "2024-10-12 19:45:18.204", False, "thank u for the tweet miss!! \U0001F601",
   counterparty=OLLIE.id, pupil="Ollie Bennett", expect=[Expect("pupil-contact")],
   note=X_PUPIL_THREAD)
dm(ollie_dm, "D02", "2024-10-12 19:51:02.377", True, "You earned it Ollie! See you on Monday "
   "\U0001F642", counterparty=OLLIE.id, pupil="Ollie Bennett", expect=[Expect("pupil-contact")],
   note=X_PUPIL_THREAD)
dm(ollie_dm, "D03", "2024-10-12 19:52:40.018", False, "\U0001F44D", counterparty=OLLIE.id,
   pupil="Ollie Bennett", expect=[Expect("pupil-contact")], note=X_PUPIL_THREAD)
priya_dm = Conversation(PRIYA_ID)
X_CONVERSATIONS.append(priya_dm)
dm(priya_dm, "D04", "2025-01-28 09:05:00.512", True, "Can you grab the laminator before "
   "assembly? \U0001F64F", counterparty=PRIYA_ID, expect=[Expect("working-hours")],
   note="To her colleague Priya Shah, whose id the archive never links to a handle (she is "
        "not mentioned in any tweet): the counterparty stays a bare id. Sent in working time.")
dm(priya_dm, "D05", "2025-01-28 09:07:31.990", False, "On it!", counterparty=PRIYA_ID,
   note="Received during her working time: no working-hours finding.")


def connection(key, file, wrapper, who_id, activity, **kw) -> Item:
    obj = {wrapper: {"accountId": who_id,
                     "userLink": f"https://twitter.com/intent/user?user_id={who_id}"}}
    section = "Followers (ids only, no time)" if wrapper == "follower" else \
        "Following (ids only, no time)"
    item = Item(key, file, activity, None, obj, counterparty=who_id, section=section, **kw)
    X.append(item)
    return item


connection("F01", FOLLOWERS, "follower", PRIYA_ID, "follower", owner=False,
           note="Her colleague, by id only; no time.")
connection("F02", FOLLOWERS, "follower", GRACE.id, "follower", owner=False,
           must_not=["pupil-contact"],
           note="Resolves to @gracethompsonPT through the mention in T11; an adult.")
connection("F03", FOLLOWERS, "follower", STRANGER_ID, "follower", owner=False,
           note="An id the archive never links to a handle.")
connection("N01", FOLLOWING, "following", OLLIE.id, "follow", pupil="Ollie Bennett",
           expect=[Expect("pupil-contact")],
           note="She follows a current pupil. By id only: resolvable through T07's mention "
                "entity (@olliebtweets, a known account in pupils.csv). No time.")
connection("N02", FOLLOWING, "following", HATTIE.id, "follow", pupil="Harriet Ellis",
           expect=[Expect("ex-pupil-contact")],
           note="She follows a former pupil aged 13 at the export (DOB 01/12/2011); by id "
                "only, resolvable through T08. The archive gives no time, so the age is taken "
                "at the export date, 2025-03-14.")
connection("N03", FOLLOWING, "following", SCHOOL.id, "follow",
           note="The school's account; resolvable through the retweet T09.")
connection("N04", FOLLOWING, "following", PAGE_ID, "follow",
           note="A walking club, by id only.")

X_ACCOUNT_OBJ = {"account": {"email": "becky.hale88@example.com", "createdVia": "web",
                             "username": X_HANDLE, "accountId": X_OWNER_ID,
                             "createdAt": X_CREATED, "accountDisplayName": "Becky Hale"}}
X.append(Item("A01", ACCOUNT, "profile", None, X_ACCOUNT_OBJ, section="Profile",
              note="The owner: account id, username and display name."))
X_PROFILE_OBJ = {"profile": {"description": {"bio": "Primary teacher in Sheffield. Views my own. "
                                                    "Walks, bakes, caf\u00e9s \u2615",
                                             "website": "", "location": "Sheffield, England"},
                             "avatarMediaUrl": "https://pbs.twimg.com/profile_images/"
                                               "1402811735110365184/Qm2kT0vb.jpg"}}
X.append(Item("A02", PROFILE, "profile", None, X_PROFILE_OBJ, section="Profile",
              must_not=["age-misrepresentation"], note="An adult's public profile."))


def x_json(value, level: int = 0) -> str:
    """X's pretty style: 2-space indent, " : " after keys, "[ ]" for an empty array."""
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, dict):
        if not value:
            return "{ }"
        body = ",\n".join(f"{inner}{json.dumps(k, ensure_ascii=False)} : "
                          f"{x_json(v, level + 1)}" for k, v in value.items())
        return "{\n" + body + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[ ]"
        return "[\n" + ",\n".join(inner + x_json(v, level + 1) for v in value) + "\n" + pad + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    raise TypeError(type(value))


def ytd(name: str, part: int, value) -> str:
    return f"window.YTD.{name}.part{part} = {x_json(value)}"


def x_files() -> dict[str, bytes]:
    """Every file of the X archive: path -> bytes. Fills in each item's pointer."""
    by_file: dict[str, list[Item]] = {}
    for item in X:
        by_file.setdefault(item.file, []).append(item)

    def place(items):
        for index, item in enumerate(items):
            item.pointer = f"/{index}"
        return [i.obj for i in items]

    texts: dict[str, str] = {}
    # Not in date order within or across the parts, as X writes them.
    for path, name, part in [(TWEETS, "tweets", 0), (TWEETS_PART1, "tweets", 1)]:
        items = sorted(by_file[path], key=lambda i: digits("order:" + i.key, 4))
        texts[path] = ytd(name, part, place(items))
    texts[LIKES] = ytd("like", 0, place(by_file[LIKES]))
    conversations = []
    for index, conversation in enumerate(X_CONVERSATIONS):
        messages = newest_first(conversation.messages)
        for position, item in enumerate(messages):
            item.pointer = f"/{index}/dmConversation/messages/{position}"
        conversations.append({"dmConversation": {"conversationId": conversation.id,
                                                 "messages": [m.obj for m in messages]}})
    texts[DMS] = ytd("direct_messages", 0, conversations)
    texts[FOLLOWERS] = ytd("follower", 0, place(by_file[FOLLOWERS]))
    texts[FOLLOWING] = ytd("following", 0, place(by_file[FOLLOWING]))
    texts[ACCOUNT] = ytd("account", 0, place(by_file[ACCOUNT]))
    texts[PROFILE] = ytd("profile", 0, place(by_file[PROFILE]))
    data_types = {}
    for path, name, kind, part in [
            (ACCOUNT, "account", "account", 0), (DMS, "direct_messages", "directMessages", 0),
            (FOLLOWERS, "follower", "follower", 0), (FOLLOWING, "following", "following", 0),
            (LIKES, "like", "like", 0), (PROFILE, "profile", "profile", 0),
            (TWEETS, "tweets", "tweets", 0), (TWEETS_PART1, "tweets", "tweets", 1)]:
        count = len(json.loads(texts[path].split("=", 1)[1]))
        if kind == "directMessages":
            count = sum(len(c.messages) for c in X_CONVERSATIONS)
        entry = {"fileName": path, "globalName": f"YTD.{name}.part{part}", "count": str(count)}
        data_types.setdefault(kind, {"files": []})["files"].append(entry)
    data_types["tweetsMedia"] = {"mediaDirectory": "data/tweets_media"}
    manifest = {"userInfo": {"accountId": X_OWNER_ID, "userName": X_HANDLE,
                             "displayName": "Becky Hale"},
                "archiveInfo": {"sizeBytes": "48213", "generationDate": "2025-03-14T07:41:09.516Z",
                                "isPartialArchive": False, "maxPartSizeBytes": "53687091200"},
                "readmeInfo": {"fileName": "data/README.txt", "directory": "data/",
                               "name": "README.txt"},
                "dataTypes": data_types}
    texts[MANIFEST] = "window.__THAR_CONFIG = " + x_json(manifest)
    texts[VIEWER] = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Your archive"
                     "</title></head>\n<body><p>Open this file in a browser to explore your "
                     "archive.</p></body></html>\n")
    files = {path: text.encode("utf-8") for path, text in texts.items()}
    for path, picture in X_MEDIA.items():
        files[path] = FB.tiny_jpeg(PICTURES[picture])
    # Read back: every data file is "window.<global> = <JSON>".
    for path, data in files.items():
        if path.endswith(".js"):
            json.loads(data.decode("utf-8").split("=", 1)[1])
    return files


ZIP_TIME = (2025, 3, 14, 7, 41, 10)


def write_zip(path: Path, files: dict[str, bytes]):
    with zipfile.ZipFile(path, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])


# === Checks against the school data ================================================================


def check_items(items: list[Item], profile_files: set[str]):
    keys = [i.key for i in items]
    assert len(set(keys)) == len(keys), "duplicate item key"
    declared = {name for name, _ in L.REBECCA.declared_links}
    export_day = datetime(2025, 3, 14).date()
    for item in items:
        rules = {e.rule for e in item.expect}
        assert not rules & set(item.must_not), item.key
        moment = item.moment
        if moment is not None:
            working, _ = L.working_verdict(L.REBECCA, moment)
            if "working-hours" in rules:
                assert item.owner and working, f"{item.key}: expected a breach, not one"
            elif item.owner and item.file not in profile_files and item.imported:
                assert not working, f"{item.key}: unexpected working time {item.local}"
        pupil = L.find_pupil(item.pupil) if item.pupil else None
        assert (item.pupil is None) == (pupil is None), f"{item.key}: unknown pupil {item.pupil}"
        contact = [e for e in item.expect if e.rule in CONTACT_RULES]
        if pupil is None:
            assert not contact, f"{item.key}: contact expected but no pupil"
            continue
        day = moment.date() if moment else export_day
        if contact:
            (e,) = contact
            if e.rule == "pupil-contact":
                assert pupil.on_roll(day), f"{item.key}: {pupil.name} not on roll on {day}"
            else:
                assert not pupil.on_roll(day) and L.age_on(pupil, day) < 18, item.key
            assert (e.status == "declared") == (pupil.name in declared), item.key
        else:
            assert item.exempt, f"{item.key}: pupil {pupil.name} without expectation or reason"
    # The decoys really are not pupils.
    for name in ("Grace Thompson", "Zo\u00eb Fairfax", "Marek Kowalczyk", "Ollie Barnes",
                 "Siobh\u00e1n N\u00ed Bhriain"):
        assert L.find_pupil(name) is None, name
    zoe = L.find_pupil("Zo\u00eb Kowalczyk")
    assert zoe.dob.year == 2014 and "zoe.kowalczyk2014" == f"zoe.kowalczyk{zoe.dob.year}"
    assert L.find_pupil("Noah Fletcher").dob.year == 2014
    ollie = L.find_pupil("Ollie Bennett")
    assert "instagram:ollie.bennett2013" in ollie.accounts
    assert f"twitter:{OLLIE.handle}" in ollie.accounts
    # Ollie's X id appears in exactly one tweet, as a mention entity: the only link to a handle.
    linking = [i for i in X if i.file in (TWEETS, TWEETS_PART1)
               and OLLIE.id in json.dumps(i.obj)]
    assert [i.key for i in linking] == ["T07"], linking


# === Answer keys =================================================================================


def key_entries(items: list[Item], order: list[str]) -> list[dict]:
    def position(item):
        parts = [int(p) if p.isdigit() else 0 for p in item.pointer.split("/")[1:]]
        return order.index(item.file), parts

    entries = []
    for item in sorted(items, key=position):
        moment = item.moment
        spec = "milliseconds" if item.local and "." in item.local else "seconds"
        working = L.working_verdict(L.REBECCA, moment) if moment else None
        pupil = L.find_pupil(item.pupil) if item.pupil else None
        liked = getattr(item, "liked_local", None)
        if liked:
            made = datetime.fromisoformat(liked).replace(tzinfo=L.LONDON).astimezone(timezone.utc)
            item.note = item.note.format(made.strftime("%Y-%m-%d %H:%M:%S UTC"))
        entries.append({
            "key": item.key,
            "file": item.file,
            "pointer": item.pointer,
            "activity": item.activity,
            "owner_authored": item.owner,
            "imported": item.imported,
            "section": item.section if item.imported else None,
            "occurred_at": moment.astimezone(timezone.utc).isoformat(timespec=spec)
            .replace("+00:00", "Z") if moment else None,
            "local_time": moment.isoformat(timespec=spec) if moment else None,
            "counterparty": ({"as_in_export": item.counterparty,
                              "roster_id": pupil.upn if pupil else None,
                              "pupil": pupil.name if pupil else None}
                             if item.counterparty else None),
            "expected": [{"rule": e.rule, "status": e.status,
                          "activity": e.activity or item.activity,
                          "locator": item.pointer + e.sub} for e in item.expect],
            "must_not": item.must_not,
            "calendar": working[1] if working else None,
            "note": " ".join(x for x in (item.note, item.exempt) if x),
        })
    return entries


RULES = ["working-hours", "pupil-contact", "pupil-contact (declared)", "ex-pupil-contact",
         "confidential-disclosure", "child-identification", "abusive-content",
         "age-misrepresentation"]


def markdown_key(root: str, entries, unparsed) -> str:
    def cell(text):
        return str(text).replace("|", "\\|")

    imported = [e for e in entries if e["imported"]]
    lines = []
    counts: dict[str, list[str]] = {}
    for e in entries:
        for x in e["expected"]:
            label = x["rule"] + ("" if x["status"] == "open" else f" ({x['status']})")
            counts.setdefault(label, []).append(e["key"])
    total = sum(len(v) for v in counts.values())
    lines.append(f"Archive: `{root}`. {len(imported)} items imported from "
                 f"{len({e['file'] for e in imported})} files; **{total} expected findings**:")
    lines.append("")
    lines.append("| rule | expected findings | keys |")
    lines.append("|---|---|---|")
    for rule in RULES:
        keys = sorted(counts.get(rule, []))
        lines.append(f"| `{rule}` | {len(keys)} | {', '.join(keys) or '-'} |")
    lines.append("")
    lines.append("Decoys that must **not** fire: "
                 + "; ".join(f"{e['key']} ({', '.join(e['must_not'])})"
                             for e in sorted(entries, key=lambda e: e["key"]) if e["must_not"])
                 + ".")
    lines.append("")
    lines.append("Files the importer lists as read but not imported (every other file is "
                 "imported or indexed as media): "
                 + "; ".join(f"`{u['file']}` ({u['why']})" for u in unparsed) + ".")
    current = None
    for e in entries:
        if e["file"] != current:
            current = e["file"]
            lines.append("")
            lines.append(f"#### `{current}`")
            lines.append("")
            lines.append("| key | pointer | local time (Europe/London) | activity | counterparty "
                         "| expected findings | must not | why |")
            lines.append("|---|---|---|---|---|---|---|---|")
        local = "no time" if e["local_time"] is None else (
            datetime.fromisoformat(e["local_time"]).strftime("%a %Y-%m-%d %H:%M:%S")
            + (e["local_time"][19:23] if "." in e["local_time"] else "")
            + (" BST" if e["local_time"].endswith("+01:00") else " GMT"))
        cp = e["counterparty"]
        party = "-" if cp is None else cp["as_in_export"] + (
            f" ({cp['pupil']}, roster {cp['roster_id']})" if cp["roster_id"] else "")
        activity = e["activity"] + ("" if e["owner_authored"] else ", received")
        if not e["imported"]:
            activity += " (not imported)"
        expected = "<br>".join(
            f"**{x['rule']}**" + ("" if x["status"] == "open" else f" ({x['status']})")
            + ("" if x["locator"] == e["pointer"] else f" at `{x['locator']}`")
            + ("" if x["activity"] == e["activity"] else f" as {x['activity']}")
            for x in e["expected"]) or "none"
        why = e["note"]
        if e["calendar"]:
            why = f"{e['calendar'][0].upper()}{e['calendar'][1:]}. {why}".strip()
        lines.append(f"| {e['key']} | `{e['pointer']}` | {local} | {cell(activity)} | "
                     f"{cell(party)} | {expected} | {', '.join(e['must_not']) or '-'} | "
                     f"{cell(why)} |")
    return "\n".join(lines) + "\n"


IG_UNPARSED = [
    {"file": IG_SEARCHES, "why": "searches: not an activity file this tool reads"},
]
X_UNPARSED = [
    {"file": MANIFEST, "why": "the archive's manifest: read for the owner, no items"},
    {"file": VIEWER, "why": "X's offline viewer, not account data"},
]

IG_ORDER = [IG_PROFILE, IG_POSTS, IG_STORIES, IG_COMMENTS, IG_LIKES] + [
    t.path for t in IG_THREADS] + [IG_FOLLOWERS, IG_FOLLOWING, IG_CLOSE, IG_SENT, IG_RECEIVED,
                                   IG_UNFOLLOWED, IG_SEARCHES]
X_ORDER = [ACCOUNT, PROFILE, TWEETS, TWEETS_PART1, LIKES, DMS, FOLLOWERS, FOLLOWING]


def answer_key(export: str, platform: str, handle: str, entries, unparsed, media) -> str:
    imported = [e for e in entries if e["imported"]]
    sections: dict[str, int] = {}
    for e in imported:
        sections[e["section"]] = sections.get(e["section"], 0) + 1
    return json.dumps({
        "export": export, "platform": platform, "staff": OWNER, "owner_handle": handle,
        "school": L.SCHOOL_NAME,
        "matching": "A finding matches an entry when its source file equals `file` and its "
                    "locator equals the expected `locator` (or lies beneath it); `rule` and "
                    "`status` must be equal. Items not listed under `expected` must produce no "
                    "finding.",
        "import": {"items": len(imported),
                   "items_without_time": sum(1 for e in imported if e["occurred_at"] is None),
                   "sections": dict(sorted(sections.items())),
                   "media_files": sorted(media),
                   "unparsed": unparsed},
        "items": entries}, ensure_ascii=False, indent=2) + "\n"


MARKERS = {
    "instagram": ("<!-- BEGIN INSTAGRAM ANSWER KEY (generated) -->",
                  "<!-- END INSTAGRAM ANSWER KEY -->"),
    "twitter": ("<!-- BEGIN X ANSWER KEY (generated) -->", "<!-- END X ANSWER KEY -->"),
}


def write_readme(readme: Path, template: str, parts: dict[str, str]):
    text = template
    for name, body in parts.items():
        begin, end = MARKERS[name]
        head, rest = text.split(begin)
        _, tail = rest.split(end)
        text = head + begin + "\n" + body + end + tail
    readme.write_text(text, encoding="utf-8")


def generate(samples: Path, readme_template: str):
    write_instagram(samples / IG_EXPORT)
    x_data = x_files()
    write_zip(samples / X_ARCHIVE, x_data)
    ig_entries = key_entries(IG, IG_ORDER)
    x_entries = key_entries(X, X_ORDER)
    (samples / IG_KEY).write_text(answer_key(IG_EXPORT, "instagram", IG_HANDLE, ig_entries,
                                             IG_UNPARSED, IG_MEDIA), encoding="utf-8")
    (samples / X_KEY).write_text(answer_key(X_ARCHIVE, "twitter", X_HANDLE, x_entries,
                                            X_UNPARSED, X_MEDIA), encoding="utf-8")
    write_readme(samples / "README.md", readme_template, {
        "instagram": markdown_key(f"{IG_EXPORT}/", ig_entries, IG_UNPARSED),
        "twitter": markdown_key(X_ARCHIVE, x_entries, X_UNPARSED)})


def zip_contents(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="regenerate into a temporary folder and compare with Samples/")
    args = parser.parse_args()
    check_items(IG, {IG_PROFILE})
    check_items(X, {ACCOUNT, PROFILE})
    template = (SAMPLES / "README.md").read_text(encoding="utf-8")
    if not args.check:
        generate(SAMPLES, template)
        print(f"wrote {len(IG)} Instagram and {len(X)} X items; answer keys {IG_KEY}, {X_KEY}")
        return
    import filecmp
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), template)
        different = [n for n in (IG_KEY, X_KEY, "README.md")
                     if not filecmp.cmp(Path(tmp) / n, SAMPLES / n, False)]
        # The zip is compared by content: compressed bytes may differ between zlib versions.
        if zip_contents(Path(tmp) / X_ARCHIVE) != zip_contents(SAMPLES / X_ARCHIVE):
            different.append(X_ARCHIVE)

        def walk(c, prefix=""):
            found = [prefix + n for n in c.left_only + c.right_only + c.diff_files]
            for name, sub in c.subdirs.items():
                found += walk(sub, prefix + name + "/")
            return found

        cmp = filecmp.dircmp(Path(tmp) / IG_EXPORT, SAMPLES / IG_EXPORT)
        different += [f"{IG_EXPORT}/{n}" for n in walk(cmp)]
        if different:
            print("out of date: " + ", ".join(different))
            sys.exit(1)
        print("Samples/ matches the generator")


if __name__ == "__main__":
    main()
