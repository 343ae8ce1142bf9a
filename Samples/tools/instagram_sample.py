"""Rebecca Hale's Instagram export (@becky.hale), HTML format, with its answer key.

Written by make_facebook_sample.py (which owns --check); standard library only, deterministic.

A small 2024-2025 layout export (FORMATS.md 2.1, 2.9): profile, posts (one of them a carousel),
a story, comments, likes, two direct-message threads, following, followers and follow requests.
Instagram writes its HTML dates as "Nov 16, 2024 7:02 pm": the account's local time (Europe/London
here), minutes only, no zone. Accounts in lists are usernames; people in messages are display
names. The planted items: a DM thread with the pupil Ollie Bennett (roster known account
instagram:ollie.bennett2013), her follow of that account, a post and a comment in working time;
the decoys: adults who share a first name with pupils (Grace Thompson, Zoë Fairfax), a post in
her lunch break, a received follow request she never acted on.
"""

from __future__ import annotations

import json
import shutil
import struct
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import larkfield as L
import meta_html as H

EXPORT = "instagram-beckyhale-2025-03-14-html"
KEY_JSON = f"{EXPORT}.answer-key.json"
USERNAME = "becky.hale"
DISPLAY_NAME = "Becky Hale"

PROFILE = "personal_information/personal_information/personal_information.html"
POSTS = "your_instagram_activity/content/posts_1.html"
STORIES = "your_instagram_activity/content/stories.html"
COMMENTS = "your_instagram_activity/comments/post_comments_1.html"
LIKES = "your_instagram_activity/likes/liked_posts.html"
INBOX = "your_instagram_activity/messages/inbox"
FOLLOWING = "connections/followers_and_following/following.html"
FOLLOWERS = "connections/followers_and_following/followers_1.html"
PENDING = "connections/followers_and_following/pending_follow_requests.html"
RECEIVED = "connections/followers_and_following/follow_requests_you_ve_received.html"
LOGO = "files/Instagram-Logo.png"

TITLES = {
    PROFILE: "Personal information", POSTS: "Posts", STORIES: "Stories",
    COMMENTS: "Comments", LIKES: "Liked posts", FOLLOWING: "Accounts you follow",
    FOLLOWERS: "Followers", PENDING: "Pending follow requests",
    RECEIVED: "Follow requests you've received",
}


@dataclass
class Expect:
    rule: str
    status: str = "open"


@dataclass
class Item:
    key: str
    file: str
    activity: str
    local: str | None                 # Europe/London wall clock "YYYY-MM-DD HH:MM"
    owner: bool = True
    counterparty: str | None = None   # a display name (messages) or a username (lists)
    expect: list = field(default_factory=list)
    must_not: list = field(default_factory=list)
    note: str = ""
    data: dict = field(default_factory=dict)
    pointer: str = ""
    position: int = 0                 # the record's place on its page, set when pages are built

    @property
    def moment(self) -> datetime | None:
        if self.local is None:
            return None
        naive = datetime.fromisoformat(self.local)
        aware = naive.replace(tzinfo=L.LONDON)
        back = datetime.fromtimestamp(aware.timestamp(), L.LONDON).replace(tzinfo=None)
        assert back == naive, f"{self.key}: {self.local} is not a unique London time"
        return aware


ITEMS: list[Item] = []


def add(key, file, activity, local, **kw) -> Item:
    item = Item(key, file, activity, local, **kw)
    ITEMS.append(item)
    return item


def pupil_for(counterparty: str | None):
    """The roster pupil a display name or a known Instagram username refers to."""
    if counterparty is None:
        return None
    pupil = L.find_pupil(counterparty)
    if pupil:
        return pupil
    for p in L.PUPILS:
        accounts = dict(a.split(":", 1) for a in p.accounts.split(";") if ":" in a)
        if accounts.get("instagram") == counterparty:
            return p
    return None


# --- Items -------------------------------------------------------------------------------------

add("IU01", PROFILE, "profile", None, note="Her profile: username becky.hale, shown as Becky Hale.")

MEDIA = "media/posts/202411"
add("IP01", POSTS, "post", "2024-11-12 10:32",
    data={"caption": "Autumn leaves display finished \U0001F342 Year 5 worked so hard on these",
          "media": [f"{MEDIA}/17912345678901234.jpg"]},
    expect=[Expect("working-hours"), Expect("child-identification")],
    note="Posted at 10:32 on a Tuesday in term: her working time. The photo shows the display, "
         "no children, but the tool cannot see pictures: a photo captioned with school activity "
         "('Year 5') on a school day is flagged (medium, low confidence) for a reviewer to check.")
add("IP02", POSTS, "post", "2024-10-19 14:05",
    data={"caption": "Padley Gorge with @zoe.fairfax \u2600\uFE0F",
          "media": ["media/posts/202410/17923456789012345.jpg",
                    "media/posts/202410/17934567890123456.jpg"]},
    counterparty="zoe.fairfax", must_not=["pupil-contact"],
    note="A carousel of two photos on a Saturday; mentions an adult friend who shares a first "
         "name with the pupil Zoë Kowalczyk.")
add("IP03", POSTS, "post", "2025-01-16 12:40",
    data={"caption": "Soup weather \U0001F963", "media": ["media/posts/202501/17945678901234567.jpg"]},
    must_not=["working-hours"], note="Inside her 12:15-13:15 lunch break: allowed.")
add("IS01", STORIES, "post", "2025-02-08 19:30",
    data={"caption": "Pizza night \U0001F355", "media": ["media/stories/202502/17956789012345678.jpg"]},
    note="A story on a Saturday evening.")

add("IC01", COMMENTS, "comment", "2024-11-09 20:15", counterparty="grace.thompson.88",
    data={"comment": "Gorgeous! \U0001F60D"}, must_not=["pupil-contact"],
    note="On an adult friend's post; Grace Thompson is not the pupil Grace Patel.")
add("IC02", COMMENTS, "comment", "2025-02-12 11:20", counterparty="zoe.fairfax",
    data={"comment": "Congratulations lovely!! x"}, expect=[Expect("working-hours")],
    note="11:20 on a Wednesday in term, during lessons.")

add("IL01", LIKES, "reaction", "2024-12-01 21:00", counterparty="larkfieldpta",
    data={"href": "https://www.instagram.com/p/DCx1Lark01/"}, note="The school PTA's post.")
add("IL02", LIKES, "reaction", "2025-03-01 10:05", counterparty="grace.thompson.88",
    data={"href": "https://www.instagram.com/p/DGt7Grace2/"}, must_not=["pupil-contact"],
    note="An adult friend's post, on a Saturday.")

OLLIE = f"{INBOX}/olliebennett2013_17848273561092845/message_1.html"
ZOE = f"{INBOX}/zoefairfax_17857364859201836/message_1.html"
THREADS = {OLLIE: "Ollie Bennett", ZOE: "Zo\u00eb Fairfax"}
PUPIL_THREAD = ("A direct-message thread with a current pupil in which Becky took part: contact "
                "in either direction.")
add("IM01", OLLIE, "message", "2024-12-07 18:40", owner=False, counterparty="Ollie Bennett",
    data={"sender": "Ollie Bennett", "text": "hi miss its ollie \U0001F600 is this ur insta"},
    expect=[Expect("pupil-contact")], note=PUPIL_THREAD)
add("IM02", OLLIE, "message", "2024-12-07 18:52", counterparty="Ollie Bennett",
    data={"sender": DISPLAY_NAME,
          "text": "Hi Ollie! Yes, but I can\u2019t chat to pupils on here. See you on Monday "
                  "\U0001F642"},
    expect=[Expect("pupil-contact")], note="Her reply to a current pupil.")
add("IM03", OLLIE, "message", "2024-12-07 18:53", owner=False, counterparty="Ollie Bennett",
    data={"sender": "Ollie Bennett", "text": "ok miss \U0001F44D"},
    expect=[Expect("pupil-contact")], note=PUPIL_THREAD)
add("IM04", ZOE, "message", "2025-01-18 17:02", owner=False, counterparty="Zo\u00eb Fairfax",
    data={"sender": "Zo\u00eb Fairfax", "text": "Walk tomorrow? \U0001F97E"},
    must_not=["pupil-contact"], note="An adult friend with a pupil's first name.")
add("IM05", ZOE, "message", "2025-01-18 17:10", counterparty="Zo\u00eb Fairfax",
    data={"sender": DISPLAY_NAME, "text": "Yes! 10am at the car park\nI'll bring flapjacks"},
    must_not=["pupil-contact"], note="Her reply, a two-line message, on a Saturday.")

add("IG01", FOLLOWING, "follow", "2024-12-07 18:55", counterparty="ollie.bennett2013",
    expect=[Expect("pupil-contact")],
    note="She follows a current pupil's account (the roster's known account for Ollie Bennett).")
add("IG02", FOLLOWING, "follow", "2023-09-10 19:02", counterparty="larkfieldpta",
    note="The school PTA's account.")
add("IG03", FOLLOWING, "follow", "2021-05-02 11:48", counterparty="zoe.fairfax",
    must_not=["pupil-contact"], note="Adult friend.")
add("IG04", FOLLOWING, "follow", "2020-08-15 16:20", counterparty="grace.thompson.88",
    must_not=["pupil-contact"], note="Adult friend.")
add("IF01", FOLLOWERS, "follower", "2021-05-02 12:03", owner=False, counterparty="zoe.fairfax",
    note="Adult friend.")
add("IF02", FOLLOWERS, "follower", "2020-08-15 18:41", owner=False,
    counterparty="grace.thompson.88", note="Adult friend.")
add("IF03", FOLLOWERS, "follower", "2023-09-11 07:55", owner=False, counterparty="larkfieldpta",
    note="The school PTA's account.")
add("IR01", PENDING, "friend-request-sent", "2025-02-22 20:31", counterparty="jamie.ohara",
    note="A follow request she sent to an adult's private account, not yet accepted.")
add("IQ01", RECEIVED, "friend-request-received", "2025-03-02 09:14", owner=False,
    counterparty="kev.marsh", note="A request from an adult that she has not acted on.")


def check_items():
    keys = [i.key for i in ITEMS]
    assert len(set(keys)) == len(keys), "duplicate item key"
    for item in ITEMS:
        rules = {e.rule for e in item.expect}
        assert not rules & set(item.must_not), item.key
        moment = item.moment
        if moment is not None:
            working, _ = L.working_verdict(L.REBECCA, moment)
            if "working-hours" in rules:
                assert item.owner and working, f"{item.key}: expected a breach, not one"
            elif item.owner:
                assert not working, f"{item.key}: unexpected working time {item.local}"
        pupil = pupil_for(item.counterparty)
        if "pupil-contact" in rules:
            assert pupil and pupil.on_roll(moment.date()), f"{item.key}: not a pupil on roll"
        else:
            assert pupil is None, f"{item.key}: a pupil without an expectation"


# --- Pages -------------------------------------------------------------------------------------


def date_text(item: Item) -> str:
    return H.instagram_date(item.moment)


def profile_page_records() -> list[H.El]:
    rows = [("Username", USERNAME), ("Name", DISPLAY_NAME),
            ("Email address", "becky.hale88@example.com"),
            ("Bio", "Teacher \U0001F34E Peak District walks \U0001F97E Views my own"),
            ("Gender", "Female"), ("Date of birth", "1988-06-17"), ("Private account", "True")]
    return [H.El("div", {"class": H.IG_BLOCK},
                 H.El("div", {"class": "_3-95 _a6-p"},
                      H.El("table", {"style": "table-layout: fixed;"},
                           *[H.El("tr", {}, H.El("td", {"colspan": "2", "class": "_2pin _a6_q"},
                                                 label, H.El("div", {}, H.El("div", {}, value))))
                             for label, value in rows])), key="IU01")]


def record(item: Item) -> H.El:
    d = item.data
    if item.file in (POSTS, STORIES):
        return H.instagram_record(item.key, d["caption"], [H.instagram_media(u) for u in d["media"]],
                                  date_text(item))
    if item.file == COMMENTS:
        return H.instagram_map_entry(item.key, [("Comment", d["comment"], False),
                                                ("Media Owner", item.counterparty, False),
                                                ("Time", date_text(item), True)])
    if item.file == LIKES:
        return H.instagram_list_entry(item.key, item.counterparty, d["href"], None,
                                      "\U0001F44D", date_text(item))
    if item.file in THREADS:
        return H.instagram_message(item.key, d["sender"], d["text"], date_text(item))
    if item.file == FOLLOWING:   # the 2025 shape: username as title, /_u/ link
        return H.instagram_list_entry(item.key, item.counterparty,
                                      f"https://www.instagram.com/_u/{item.counterparty}", None,
                                      None, date_text(item))
    # followers and requests: the older shape, the username as the link's text
    return H.instagram_list_entry(item.key, None,
                                  f"https://www.instagram.com/{item.counterparty}",
                                  item.counterparty, None, date_text(item))


def pages() -> dict[str, tuple[str, dict[str, str]]]:
    by_file: dict[str, list[Item]] = {}
    for item in ITEMS:
        by_file.setdefault(item.file, []).append(item)
    result = {}
    for path, items in by_file.items():
        if path == PROFILE:
            records = profile_page_records()
        else:
            ordered = sorted(items, key=lambda i: i.moment, reverse=True)   # newest first
            for position, item in enumerate(ordered):
                item.position = position
            records = [record(i) for i in ordered]
        title = THREADS.get(path) or TITLES[path]
        result[path] = H.render(H.instagram_page(path, title, records))
    index = [H.El("div", {"class": H.IG_BLOCK}, H.El("a", {"href": p}, TITLES[p]))
             for p in TITLES]
    result["start_here.html"] = H.render(H.instagram_page("start_here.html", "Your information",
                                                          index))
    return result


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A small one-colour PNG (the logo every Instagram page shows)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def write_export(root: Path, jpeg) -> None:
    """Writes the export under `root`; `jpeg(name)` makes a small JPEG of a named picture."""
    if root.exists():
        shutil.rmtree(root)
    for rel, (page, keyed) in pages().items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(page, encoding="utf-8")
        for key, path in keyed.items():
            next(i for i in ITEMS if i.key == key).pointer = path
    (root / LOGO).parent.mkdir(parents=True, exist_ok=True)
    (root / LOGO).write_bytes(png(24, 8, (193, 53, 132)))
    pictures = {"IP01": ["leaves"], "IP02": ["gorge", "moor"], "IP03": ["soup"],
                "IS01": ["pizza"]}
    for item in ITEMS:
        for name, uri in zip(pictures.get(item.key, []), item.data.get("media", [])):
            (root / uri).parent.mkdir(parents=True, exist_ok=True)
            (root / uri).write_bytes(jpeg(name))


# --- Answer key --------------------------------------------------------------------------------


FILE_ORDER = [PROFILE, POSTS, STORIES, COMMENTS, LIKES, OLLIE, ZOE, FOLLOWING, FOLLOWERS,
              PENDING, RECEIVED]


def key_entries() -> list[dict]:
    entries = []
    for item in sorted(ITEMS, key=lambda i: (FILE_ORDER.index(i.file), i.position)):
        moment = item.moment
        working = L.working_verdict(L.REBECCA, moment) if moment else None
        pupil = pupil_for(item.counterparty)
        entries.append({
            "key": item.key,
            "file": item.file,
            "pointer": item.pointer,
            "activity": item.activity,
            "owner_authored": item.owner,
            "occurred_at": moment.astimezone(timezone.utc).isoformat(timespec="seconds")
            .replace("+00:00", "Z") if moment else None,
            "local_time": moment.isoformat(timespec="seconds") if moment else None,
            "time_basis": "inferred-local" if moment else "none",
            "counterparty": ({"name": item.counterparty,
                              "roster_id": pupil.upn if pupil else None}
                             if item.counterparty else None),
            "expected": [{"rule": e.rule, "status": e.status, "activity": item.activity,
                          "locator": item.pointer} for e in item.expect],
            "must_not": item.must_not,
            "calendar": working[1] if working else None,
            "note": item.note,
        })
    return entries


def roster_label(counterparty: str) -> str | None:
    pupil = pupil_for(counterparty)
    if pupil is None:
        return None
    via = "" if L.find_pupil(counterparty) else ", by known account"
    left = f", left {pupil.left:%d/%m/%Y}" if pupil.left else ", on roll"
    return f"roster {pupil.upn}{left}{via}"


def write_key(path: Path, entries: list[dict]) -> None:
    path.write_text(json.dumps(
        {"export": EXPORT, "staff": L.REBECCA.name, "school": L.SCHOOL_NAME,
         "account": USERNAME,
         "matching": "A finding matches an entry when its source file equals `file` and its "
                     "locator equals the expected `locator` (the record's element path); `rule` "
                     "and `status` must be equal. Items not listed under `expected` must produce "
                     "no finding. Every time is Instagram's zone-less wall-clock time read in "
                     "Europe/London, so findings on it must say the time is inferred.",
         "items": entries}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
