#!/usr/bin/env python3
"""Generate the Larkfield sample data and the Facebook sample export with its answer key.

    python3 Samples/tools/make_facebook_sample.py           # (re)write everything below
    python3 Samples/tools/make_facebook_sample.py --check   # exit 1 if the committed files differ

Writes, under Samples/:
  school.yaml, pupils.csv                       from larkfield.py (school, staff, roster)
  facebook-rebeccahale-2025-03-14/              an unpacked Facebook "Download Your Information"
                                                JSON export (2024-2026 layout) of the fictional
                                                teacher Rebecca Hale
  facebook-rebeccahale-2025-03-14.answer-key.json   the answer key, machine-readable
  README.md                                     only the part between the ANSWER KEY markers

Everything is invented; no real person is named. The script is deterministic (no clock, no
randomness: ids are digests of fixed seeds) and uses the standard library only.

How the export mimics Meta (FORMATS.md section 1):
  * every non-ASCII character is written as its UTF-8 bytes, one \\u00XX escape per byte
    ("Zoë" -> "Zo\\u00c3\\u00ab"), the "mojibake" every Meta JSON file has;
  * 2-space indentation, ": " after keys, empty arrays written as "[", a blank indented line, "]",
    no newline at the end of the file;
  * times are UTC epoch seconds (messages: epoch milliseconds), newest first, except one post
    deliberately out of order as Meta sometimes writes them.

Each item is declared once below with its Europe/London wall-clock time, its JSON object and the
findings it should (and should not) produce. The script converts the time with zoneinfo, checks
the declared working-hours verdict against larkfield.working_verdict, checks pupil and ex-pupil
expectations against the roster (on roll at the time, age at the time), writes the files, reads
them back (json.loads and the latin-1 -> UTF-8 repair must give back the intended text) and
renders the answer key from the same data.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import shutil
import struct
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

sys.dont_write_bytecode = True   # keep __pycache__ out of Samples/tools
sys.path.insert(0, str(Path(__file__).resolve().parent))
import larkfield as L  # noqa: E402
import instagram_sample as IG  # noqa: E402
import meta_html as H  # noqa: E402

OWNER = L.REBECCA.name
EXPORT = "facebook-rebeccahale-2025-03-14"
KEY_JSON = f"{EXPORT}.answer-key.json"
SAMPLES = Path(__file__).resolve().parent.parent

POSTS = "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json"
COMMENTS = "your_facebook_activity/comments_and_reactions/comments.json"
LIKES = "your_facebook_activity/comments_and_reactions/likes_and_reactions_1.json"
INBOX = "your_facebook_activity/messages/inbox"
FRIENDS = "connections/friends/your_friends.json"
SENT = "connections/friends/sent_friend_requests.json"
RECEIVED = "connections/friends/received_friend_requests.json"
REJECTED = "connections/friends/rejected_friend_requests.json"
REMOVED = "connections/friends/removed_friends.json"
FOLLOWERS = "connections/followers/people_who_followed_you.json"
FOLLOWING = "connections/followers/who_you've_followed.json"
SEARCH = "logged_information/search/your_search_history.json"
PROFILE = "personal_information/profile_information/profile_information.json"
MEDIA_DIR = "your_facebook_activity/posts/media/Mobileuploads_1153470285218764"

CONTACT_RULES = ("pupil-contact", "ex-pupil-contact")


def digits(seed: str, count: int) -> str:
    """A deterministic run of `count` digits (no leading zero) derived from `seed`."""
    number = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    return str(10 ** (count - 1) + number % (9 * 10 ** (count - 1)))


# --- Items and expectations --------------------------------------------------------------------


@dataclass
class Expect:
    rule: str
    status: str = "open"
    activity: str | None = None   # when the finding's activity differs from the item's
    sub: str = ""                 # a pointer below the item's, e.g. "/tags/0"


@dataclass
class Item:
    key: str
    file: str
    activity: str
    local: str | None             # Europe/London wall clock "YYYY-MM-DD HH:MM:SS[.mmm]"
    obj: dict
    owner: bool = True            # made by Rebecca (her post, her message, her request)
    counterparty: str | None = None
    expect: list = field(default_factory=list)
    must_not: list = field(default_factory=list)   # rules a tempting decoy must not trigger
    note: str = ""
    exempt: str = ""              # why a pupil counterparty is not a contact finding
    listkey: str | None = None    # the array the item sits in ("" = top-level array)
    pointer: str = ""             # filled in when the file is assembled

    @property
    def moment(self) -> datetime | None:
        if self.local is None:
            return None
        naive = datetime.fromisoformat(self.local)
        aware = naive.replace(tzinfo=L.LONDON)
        # Refuse wall-clock times that do not exist or exist twice (the DST changes).
        back = datetime.fromtimestamp(aware.timestamp(), L.LONDON).replace(tzinfo=None)
        assert back == naive and aware.fold == 0, f"{self.key}: {self.local} is not a unique time"
        return aware

    @property
    def epoch(self) -> int:
        return int(self.moment.timestamp())

    @property
    def epoch_ms(self) -> int:
        return round(self.moment.timestamp() * 1000)


ITEMS: list[Item] = []


def add(item: Item) -> Item:
    ITEMS.append(item)
    return item


def ts(local: str) -> int:
    return int(datetime.fromisoformat(local).replace(tzinfo=L.LONDON).timestamp())


# --- Posts -------------------------------------------------------------------------------------


def photo(name: str, local: str, caption: str | None) -> dict:
    """A media attachment in the 2024+ shape; `name` selects one of the JPEGs made below."""
    seed = f"photo:{name}"
    photo_id = digits(seed + "b", 16)
    filename = f"{digits(seed + 'a', 9)}_{photo_id}_{digits(seed + 'c', 19)}_n_{photo_id}.jpg"
    media = {
        "uri": f"{MEDIA_DIR}/{filename}",
        "creation_timestamp": ts(local),
        "media_metadata": {"photo_metadata": {"exif_data": [
            {"upload_ip": "203.0.113.45", "taken_timestamp": ts(local) - 1320}]}},
        "title": "Mobile uploads",
    }
    if caption:
        media["description"] = caption
    PHOTOS[name] = media["uri"]
    return {"media": media}


PHOTOS: dict[str, str] = {}


def post(key, local, text=None, *, title=None, attachments=None, tags=None, empty=False,
         update_only=False, **kw) -> Item:
    obj: dict = {"timestamp": ts(local)}
    if attachments:
        obj["attachments"] = [{"data": attachments}]
    if update_only:
        obj["data"] = [{"update_timestamp": ts(local)}]
    else:
        obj["data"] = ([{"post": text}] if text else []) + ([{}] if empty else [])
    obj["title"] = title or f"{OWNER} updated her status."
    if tags:
        obj["tags"] = [{"name": n} for n in tags]
    return add(Item(key, POSTS, "post", local, obj, listkey="", **kw))


post("P01", "2023-09-03 20:14:09",
     "New school year starts tomorrow. Year 5, here I come! \U0001F34E")
post("P02", "2023-10-11 20:02:51", update_only=True, title=f"{OWNER} shared a link.",
     attachments=[{"external_context": {"url": "https://www.bbc.co.uk/food/recipes"}}],
     note="Link share with no text (only update_timestamp), Wednesday evening.")
post("P03", "2024-02-07 19:40:33",
     "Parents\u2019 evening done. Lovely to see so many happy families \U0001F60A",
     note="Generic school-life post after work: names nobody.")
post("P04", "2024-02-17 16:20:05",
     "Trampoline park with my brother for his birthday. Mentally I\u2019m still 12 \U0001F938",
     must_not=["age-misrepresentation"],
     note="Figure of speech; her profile gives a 1988 birthday.")
post("P05", "2024-03-05 15:20:00",
     "Anyone know a good plumber in Sheffield? Boiler\u2019s packed in again \U0001F976",
     expect=[Expect("working-hours")], note="GMT working-hours breach.")
post("P06", "2024-03-07 08:45:17", "World Book Day! Came as the Gruffalo \U0001F42D",
     title=f"{OWNER} is at Larkfield Primary School.",
     attachments=[{"place": {"name": "Larkfield Primary School",
                             "coordinate": {"latitude": 53.3921, "longitude": -1.5177},
                             "address": "",
                             "url": "https://www.facebook.com/larkfieldprimaryschool"}}],
     expect=[Expect("working-hours")], note="Check-in at school, GMT.")
post("P07", "2024-03-10 15:05:44", "Mother\u2019s Day lemon drizzle for Mum \U0001F34B",
     title=f"{OWNER} added a new photo.",
     attachments=[photo("cake", "2024-03-10 15:05:44",
                        "Mother\u2019s Day lemon drizzle for Mum \U0001F34B")],
     note="Photo of a cake, Sunday. No children in it.")
post("P08", "2024-04-15 08:10:00", "First day of summer term. Let\u2019s go! \U0001F4AA",
     expect=[Expect("working-hours")],
     note="BST: 07:10 UTC, so a check done in UTC misses it; also before the school's default "
          "08:30 start, but inside Rebecca's 08:00 start.")
post("P09", "2024-05-02 11:30:26",
     "School\u2019s a polling station today, so a rare Thursday off. Don\u2019t forget to vote! "
     "\U0001F5F3\uFE0F")
post("P10", "2024-05-06 10:20:48", "Bank holiday AND sunshine?! \u2600\uFE0F",
     note="Not listed in school.yaml: it comes from the tool's built-in bank-holiday table.")
post("P11", "2024-05-16 15:45:00", "Done for the day, off to the garden centre \U0001F331",
     note="After her 15:30 end (the school default would run to 16:00); 14:45 UTC.")
post("P12", "2024-06-18 10:47:12", "Coffee number three and it\u2019s not even 11 \u2615",
     expect=[Expect("working-hours")], note="First of two breaches that day (BST).")
post("P13", "2024-06-18 14:05:33", "Every teacher should read this \U0001F447",
     title=f"{OWNER} shared a link.",
     attachments=[{"external_context": {"url": "https://www.bbc.co.uk/news/education",
                                        "name": "Family & Education - BBC News"}}],
     expect=[Expect("working-hours")], note="Second breach the same day; link share (BST).")
post("P14", "2024-06-27 16:40:09",
     "Year 5 sports day at Larkfield! So proud of every single one of them \U0001F3C5",
     title=f"{OWNER} added a new photo.",
     attachments=[photo("sportsday", "2024-06-27 16:40:09",
                        "Year 5 sports day at Larkfield! So proud of every single one of them "
                        "\U0001F3C5")],
     tags=["Tyler Greaves"], counterparty="Tyler Greaves",
     expect=[Expect("child-identification"),
             Expect("pupil-contact", activity="tag", sub="/tags/0")],
     note="Photo of pupils at a school event, posted after work, tagging a pupil (Year 5 then).")
post("P15", "2024-07-20 22:10:37", "End of term drinks with these two legends \U0001F942",
     tags=["Grace Thompson", "Siobh\u00e1n N\u00ed Bhriain"], must_not=["pupil-contact"],
     note="Tags two adult friends; Grace Thompson is not the pupil Grace Patel.")
post("P16", "2024-08-18 09:30:12", "Happy birthday lovely! Have the best day \U0001F382",
     title=f"{OWNER} wrote on Zo\u00eb Fairfax's timeline.", counterparty="Zo\u00eb Fairfax",
     must_not=["pupil-contact"],
     note="Timeline post to an adult friend; Zo\u00eb Fairfax is not the pupil Zo\u00eb Kowalczyk.")
post("P17", "2024-09-02 10:30:00",
     "INSET day: safeguarding training today, then classroom set-up for my new Year 5s \U0001F4DA",
     expect=[Expect("working-hours")], must_not=["confidential-disclosure"],
     note="INSET day just outside term is a working day. \"Safeguarding training\" discloses "
          "nothing.")
post("P18", "2024-10-09 13:15:00", "Lunch duty done, back to the marking mountain \U0001F4DD",
     expect=[Expect("working-hours")], note="Exactly 13:15:00, the end of her lunch: a breach.")
post("P19", "2024-10-29 11:15:40", "Half term walk at Padley Gorge \U0001F342",
     note="Clocks went back on 27 Oct: GMT.")
post("P20", "2024-11-13 12:15:00", "Lunchtime! Leftover curry for the win \U0001F35B",
     note="Exactly 12:15:00, the first minute of her lunch: allowed.")
post("P21", "2024-11-22 11:00:21", "Day off and it\u2019s snowing \u2744\uFE0F Hot chocolate time",
     note="A school day, but not hers (part-time).")
post("P22", "2024-11-25 12:40:00",
     "Ofsted call came in today for Larkfield, inspection Tuesday\u2014can't tell anyone yet!",
     expect=[Expect("confidential-disclosure")],
     note="Inspection notice before it is public. Posted inside her lunch, so no working-hours "
          "finding.")
post("P23", "2024-12-07 21:18:52",
     "Whitfield is a useless idiot. Three years of his \u201cvision\u201d and we still can\u2019t "
     "get a working photocopier.", empty=True,
     expect=[Expect("abusive-content")],
     note="About the headteacher, Mark Whitfield (by surname). A data array with an empty {} "
          "element, as 2024+ exports have.")
post("P24", "2024-12-14 16:45:03", "This traffic is bloody awful. Parkway at a standstill again "
     "\U0001F644", must_not=["abusive-content"], note="Rude word, but about traffic.")
post("P25", "2025-01-16 15:30:00", "Home time! Staff meeting cancelled \U0001F389",
     note="Exactly 15:30:00, the end of her day: not working time.")
post("P26", "2025-01-27 08:00:00",
     "Monday. Frost on the windscreen and the car park already full \U0001F976",
     expect=[Expect("working-hours")], note="Exactly 08:00:00, her start: a breach (GMT).")
post("P27", "2025-02-04 10:45:19",
     "Jury service day 2: lots of waiting around with a crossword \u270F\uFE0F")

# --- Comments ----------------------------------------------------------------------------------


def comment(key, local, title, text=None, *, gif=None, **kw) -> Item:
    obj: dict = {"timestamp": ts(local)}
    if text is not None:
        obj["data"] = [{"comment": {"timestamp": ts(local), "comment": text, "author": OWNER}}]
    if gif:
        obj["attachments"] = [{"data": [{"external_context": {"url": gif}}]}]
    obj["title"] = title
    return add(Item(key, COMMENTS, "comment", local, obj, listkey="comments_v2", **kw))


comment("C01", "2024-01-11 11:05:44", f"{OWNER} commented on Priya Shah's post.",
        "Congratulations!! So happy for you both \U0001F389", counterparty="Priya Shah",
        expect=[Expect("working-hours")], note="Comment to a colleague during lessons (GMT).")
comment("C02", "2024-03-10 15:20:00", f"{OWNER} commented on her own post.",
        "Recipe\u2019s from Mary Berry, the more zest the better!", note="On her own post P07.")
comment("C03", "2024-04-27 20:12:10",
        f"{OWNER} replied to Siobh\u00e1n N\u00ed Bhriain's comment.",
        "Agreed, it was gorgeous \U0001F60D", counterparty="Siobh\u00e1n N\u00ed Bhriain",
        note="Adult friend.")
comment("C04", "2024-09-15 18:30:12", f"{OWNER} commented on Aoife O'Connor's photo.",
        "Gorgeous pony, Aoife! \U0001F434", counterparty="Aoife O'Connor",
        expect=[Expect("pupil-contact")], note="Comment on a current pupil's photo.")
comment("C05", "2024-10-19 21:40:02", f"{OWNER} commented on Zo\u00eb Fairfax's photo.",
        counterparty="Zo\u00eb Fairfax", must_not=["pupil-contact"],
        note="Entry with no data (only timestamp and title), as Meta sometimes writes; adult.")
comment("C06", "2024-11-19 12:05:09", f"{OWNER} commented on Grace Thompson's post.",
        "Haha this is so you \U0001F602", counterparty="Grace Thompson",
        expect=[Expect("working-hours")], must_not=["pupil-contact"],
        note="12:05 is inside the school's default 12:00-13:00 lunch but before Rebecca's "
             "12:15 lunch: a breach for her. Grace Thompson is an adult.")
comment("C07", "2024-12-31 23:55:41", f"{OWNER} commented on Grace Thompson's photo.", "",
        gif="https://media.giphy.com/media/3o6fJ1BM7R2EBRDnxK/giphy.gif",
        counterparty="Grace Thompson", must_not=["pupil-contact"],
        note="GIF-only comment (empty text), New Year's Eve.")
comment("C08", "2025-01-29 19:45:27",
        f"{OWNER} commented on Larkfield Primary School PTA's post.",
        "Thank you to all our amazing volunteers at the quiz night! \U0001F64C",
        counterparty="Larkfield Primary School PTA", note="School PTA page, evening.")

# --- Reactions (2024+ numbered file, older item shape; FORMATS.md 1.6) --------------------------


def reaction(key, local, title, kind="LIKE", **kw) -> Item:
    obj = {"timestamp": ts(local),
           "data": [{"reaction": {"reaction": kind, "actor": OWNER}}],
           "title": title}
    return add(Item(key, LIKES, "reaction", local, obj, listkey="", **kw))


reaction("R01", "2024-03-13 10:12:30", f"{OWNER} likes Grace Thompson's photo.",
         counterparty="Grace Thompson", expect=[Expect("working-hours")],
         must_not=["pupil-contact"], note="A like is access too (GMT).")
reaction("R02", "2024-05-18 19:22:05", f"{OWNER} reacted to Siobh\u00e1n N\u00ed Bhriain's post.",
         "LOVE", counterparty="Siobh\u00e1n N\u00ed Bhriain")
reaction("R03", "2024-07-19 13:00:14", f"{OWNER} likes Mark Whitfield's post.",
         counterparty="Mark Whitfield", note="Last day of the summer term.")
reaction("R04", "2024-09-29 17:48:50", f"{OWNER} reacted to Zoe Kowalczyk's photo.", "LOVE",
         counterparty="Zoe Kowalczyk", expect=[Expect("pupil-contact")],
         note="Reaction to a current pupil's photo; name written without the diaeresis.")
reaction("R05", "2024-12-20 21:03:11", f"{OWNER} likes Larkfield Primary School PTA's post.",
         counterparty="Larkfield Primary School PTA")
reaction("R06", "2025-02-24 19:30:40", f"{OWNER} reacted to Priya Shah's post.", "HAHA",
         counterparty="Priya Shah")

# --- Messenger ---------------------------------------------------------------------------------


@dataclass
class Thread:
    folder: str
    title: str
    participants: list
    path: str = ""

    def __post_init__(self):
        self.path = f"{INBOX}/{self.folder}/message_1.json"


THREADS: list[Thread] = []


def thread(slug: str, title: str, participants: list) -> Thread:
    t = Thread(f"{slug}_{digits('thread:' + slug, 16)}", title, participants)
    THREADS.append(t)
    return t


def message(t: Thread, key, local, sender, content, *, reactions=None, **kw) -> Item:
    obj: dict = {"sender_name": sender, "timestamp_ms": 0, "content": content}
    if reactions:
        obj["reactions"] = [{"reaction": r, "actor": a} for r, a in reactions]
    obj["is_geoblocked_for_viewer"] = False
    obj["is_unsent_image_by_messenger_kid_parent"] = False
    item = add(Item(key, t.path, "message", local, obj, owner=(sender == OWNER),
                    listkey="messages", **kw))
    obj["timestamp_ms"] = item.epoch_ms
    return item


ollie = thread("olliebennett", "Ollie Bennett", ["Ollie Bennett", OWNER])
jordan = thread("jordanreece", "Jordan Reece", ["Jordan Reece", OWNER])
group = thread("proseccoclub", "Prosecco Club \U0001F942",
               [OWNER, "Grace Thompson", "Siobh\u00e1n N\u00ed Bhriain", "Zo\u00eb Fairfax"])
priya = thread("priyashah", "Priya Shah", ["Priya Shah", OWNER])

PUPIL_THREAD = ("A message in a thread with a current pupil in which Rebecca took part: "
                "contact in either direction.")
EX_PUPIL_THREAD = ("Thread with a former pupil aged 16 (DOB 15/01/2008) in which Rebecca took "
                   "part: contact in either direction.")
message(ollie, "M01", "2024-11-16 19:02:14.318", "Ollie Bennett",
        "hi miss hale its ollie from your class last year \U0001F600",
        counterparty="Ollie Bennett", expect=[Expect("pupil-contact")], note=PUPIL_THREAD)
message(ollie, "M02", "2024-11-16 19:10:40.902", OWNER,
        "Hi Ollie! Hope Year 6 is going well. You shouldn\u2019t really message me on here "
        "though, see you at school \U0001F642", counterparty="Ollie Bennett",
        expect=[Expect("pupil-contact")], note="Her reply to a current pupil.")
message(ollie, "M03", "2024-11-16 19:11:58.047", "Ollie Bennett", "ok sorry miss \U0001F44D",
        counterparty="Ollie Bennett", expect=[Expect("pupil-contact")], note=PUPIL_THREAD)

message(jordan, "M04", "2024-11-10 20:31:07.554", "Jordan Reece",
        "Miss Hale!! Its Jordan Reece, you were my year 5 teacher \U0001F602",
        counterparty="Jordan Reece", expect=[Expect("ex-pupil-contact")], note=EX_PUPIL_THREAD)
message(jordan, "M05", "2024-11-10 20:45:19.230", OWNER,
        "Jordan! Lovely to hear from you. How\u2019s Year 11 going? GCSEs soon!",
        counterparty="Jordan Reece", expect=[Expect("ex-pupil-contact")], note=EX_PUPIL_THREAD)
message(jordan, "M06", "2024-11-10 20:47:02.771", "Jordan Reece", "mocks next week \U0001F62C",
        counterparty="Jordan Reece", expect=[Expect("ex-pupil-contact")], note=EX_PUPIL_THREAD)
message(jordan, "M07", "2024-11-10 20:49:36.115", OWNER,
        "You\u2019ll smash them. Good luck! \U0001F340",
        counterparty="Jordan Reece", expect=[Expect("ex-pupil-contact")], note=EX_PUPIL_THREAD)

message(group, "M08", "2024-03-14 10:31:05.412", "Grace Thompson", "Friday drinks? \U0001F377",
        note="Received during her working time: someone else's message is no evidence that she "
             "was on Facebook, so no working-hours finding.")
message(group, "M09", "2024-03-14 10:40:22.960", OWNER,
        "Yes please!! Sneaking this in between phonics groups \U0001F648",
        expect=[Expect("working-hours")], note="Her reply, during lessons (GMT).")
message(group, "M10", "2024-03-14 18:02:44.003", "Siobh\u00e1n N\u00ed Bhriain",
        "Grand so, I\u2019ll book the table for 7", note="Received, evening.")
message(group, "M11", "2024-11-20 20:14:31.689", OWNER,
        "Rough day. Poor Freddie Turner in my class, social services were in again and his EHCP "
        "still isn\u2019t sorted. Breaks my heart \U0001F494",
        expect=[Expect("confidential-disclosure")], must_not=["pupil-contact"],
        note="Names a current pupil (Frederick \"Freddie\" Turner) with a safeguarding and SEN "
             "matter to friends outside school. The pupil is not in the chat, so it is a "
             "disclosure, not contact.")
message(group, "M12", "2024-11-20 20:20:09.140", "Zo\u00eb Fairfax",
        "Oh bless him. You\u2019re a star, Becks \u2764\uFE0F", must_not=["pupil-contact"],
        note="Received from an adult friend.")
message(group, "M13", "2024-12-14 11:03:52.876", OWNER,
        "Dad\u2019s insisting on saying grace before dinner tomorrow so I\u2019ll be late, save me "
        "a seat \U0001F602", must_not=["pupil-contact"],
        note="\"grace\" is not the pupil Grace Patel.")
message(group, "M14", "2024-12-14 11:05:10.221", "Grace Thompson", "Haha classic \U0001F602",
        reactions=[("\U0001F606", OWNER)], must_not=["pupil-contact"],
        note="Received; carries Rebecca's reaction (no time of its own).")

message(priya, "M15", "2024-09-17 10:02:47.500", "Priya Shah",
        "Can you swap playground duty with me on Thursday? x", counterparty="Priya Shah",
        note="Received during her working time: no working-hours finding.")
message(priya, "M16", "2024-09-17 12:31:10.338", OWNER, "Yes no problem \U0001F44D",
        counterparty="Priya Shah")
message(priya, "M17", "2025-03-13 08:20:03.614", OWNER,
        "Running 10 mins late, can you start the register? \U0001F64F", counterparty="Priya Shah",
        expect=[Expect("working-hours")], note="08:20 on a Thursday in term (GMT).")

# --- Connections -------------------------------------------------------------------------------


def connection(key, file, listkey, activity, name, local, **kw) -> Item:
    obj = {"name": name} if local is None else {"name": name, "timestamp": ts(local)}
    return add(Item(key, file, activity, local, obj, counterparty=name, listkey=listkey, **kw))


def friend(key, name, local, **kw):
    return connection(key, FRIENDS, "friends_v2", "friend", name, local, **kw)


friend("F01", "Zoe Kowalczyk", "2024-09-22 20:05:51", expect=[Expect("pupil-contact")],
       note="Friendship with a current pupil (Zo\u00eb Kowalczyk, written without the "
            "diaeresis).")
friend("F02", "Maisie Hale", "2024-08-10 15:20:13",
       expect=[Expect("pupil-contact", status="declared")],
       note="Her niece, on roll, declared in school.yaml: a finding with status declared.")
friend("F03", "Callum Price", "2024-10-12 19:40:26", must_not=["ex-pupil-contact"],
       exempt="Former pupil, aged 19 at the time (DOB 10/03/2005).",
       note="Former pupil who was already an adult.")
friend("F04", "Megan Doyle", "2024-10-15 19:00:00", must_not=["ex-pupil-contact"],
       exempt="Former pupil on her 18th birthday (DOB 15/10/2006): 18, not under 18.",
       note="Boundary: the friendship starts on the day she turns 18.")
friend("F05", "Priya Shah", "2023-09-10 18:44:02", note="Colleague.")
friend("F06", "Mark Whitfield", "2021-09-05 17:30:45", note="Headteacher.")
friend("F07", "Anna-Lena M\u00fcller", "2018-08-04 11:12:40", note="Adult friend.")
friend("F08", "Zo\u00eb Fairfax", "2016-03-19 21:05:09", must_not=["pupil-contact"],
       note="Adult friend with a pupil's first name (Zo\u00eb).")
friend("F09", "Jos\u00e9 \u00c1lvarez", "2014-07-26 16:48:31", note="Adult friend.")
friend("F10", "Siobh\u00e1n N\u00ed Bhriain", "2012-11-03 20:31:56", note="Adult friend.")
friend("F11", "Bj\u00f6rn S\u00f8rensen", "2011-06-18 14:22:03", note="Adult friend.")
friend("F12", "Grace Thompson", "2010-02-14 19:57:12", must_not=["pupil-contact"],
       note="Adult friend with a pupil's first name (Grace Patel).")
friend("F13", "Tom Hale", "2008-04-06 12:03:33", note="Her brother.")

connection("S01", SENT, "sent_requests_v2", "friend-request-sent", "Hannah Brooks",
           "2025-02-15 20:10:44", note="Adult.")
connection("S02", SENT, "sent_requests_v2", "friend-request-sent", "Harvey Collins",
           "2024-10-05 21:14:37", expect=[Expect("pupil-contact")],
           note="She asked a current pupil to be friends: the policy forbids requesting access "
                "to a pupil's area, accepted or not.")
connection("S03", SENT, "sent_requests_v2", "friend-request-sent", "Lily-Mae Dawson",
           "2024-07-28 20:02:55", expect=[Expect("ex-pupil-contact")],
           note="Request to a former pupil aged 15 (DOB 20/06/2009).")

connection("Q01", RECEIVED, "received_requests_v2", "friend-request-received", "Ruby Sinclair",
           "2025-02-09 17:45:20", owner=False, must_not=["pupil-contact"],
           exempt="A request from a pupil that Rebecca never accepted: still pending.",
           note="Pending request from a current pupil: no action by Rebecca, no finding.")
connection("Q02", RECEIVED, "received_requests_v2", "friend-request-received", "Declan O'Neill",
           "2025-01-04 13:26:08", owner=False, note="Adult.")
connection("Q03", RECEIVED, "received_requests_v2", "friend-request-received", "Kevin Marsh",
           "2024-12-28 18:40:51", owner=False, note="Adult.")

connection("X01", REJECTED, "rejected_requests_v2", "friend-request-received", "Noah Fletcher",
           "2024-12-01 10:15:08", must_not=["pupil-contact"],
           exempt="A request from a pupil that Rebecca declined.",
           note="Rejected request from a current pupil: the right response, no finding.")
connection("X02", REJECTED, "rejected_requests_v2", "friend-request-received", "Craig Dunn",
           "2024-06-02 09:31:27", note="Adult.")

connection("D01", REMOVED, "deleted_friends_v2", "friend", "Gemma Lowe", "2024-01-20 22:07:15",
           note="Adult, unfriended.")
connection("D02", REMOVED, "deleted_friends_v2", "friend", "Steve Barker", "2023-11-05 19:12:48",
           note="Adult, unfriended.")

connection("W01", FOLLOWERS, "followers_v3", "follower", "Marek Kowalczyk", None, owner=False,
           must_not=["pupil-contact"],
           note="An adult sharing a pupil's surname; followers have no time.")
connection("W02", FOLLOWERS, "followers_v3", "follower", "Dawn Ellison", None, owner=False,
           note="Adult; no time.")
connection("W03", FOLLOWERS, "followers_v3", "follower", "Jamie O'Hara", None, owner=False,
           note="Adult; no time.")

connection("G01", FOLLOWING, "following_v3", "follow", "Chlo\u00e9 Martin", "2025-01-11 11:20:33",
           expect=[Expect("pupil-contact")], note="She follows a current pupil (Year 4).")
connection("G02", FOLLOWING, "following_v3", "follow", "Larkfield Primary School PTA",
           "2023-09-10 18:46:20", note="The school's PTA page.")
connection("G03", FOLLOWING, "following_v3", "follow", "Peak District Walks",
           "2023-04-08 09:55:02", note="A page.")
connection("G04", FOLLOWING, "following_v3", "follow", "BBC Bitesize", "2022-01-15 20:18:37",
           note="A page.")
connection("G05", FOLLOWING, "following_v3", "follow", "Twinkl", "2021-10-02 10:04:51",
           note="A page.")

# --- Search history (a file the audit does not need) -------------------------------------------


def search(key, local, text, **kw):
    obj = {"timestamp": ts(local), "attachments": [{"data": [{"text": f'"{text}"'}]}],
           "data": [{"text": text}], "title": "You searched Facebook"}
    return add(Item(key, SEARCH, "search", local, obj, listkey="searches_v2", **kw))


search("H01", "2024-10-20 18:12:09", "slow cooker chilli", note="A file the audit does not need.")
search("H02", "2024-10-28 21:30:55", "padley gorge parking", note="A file the audit does not need.")

# --- Profile -----------------------------------------------------------------------------------

PROFILE_OBJ = {"profile_v2": {
    "name": {"full_name": OWNER, "first_name": "Rebecca", "middle_name": "", "last_name": "Hale"},
    "emails": {"emails": ["becky.hale88@example.com"], "previous_emails": [],
               "pending_emails": [], "ad_account_emails": []},
    "birthday": {"year": 1988, "month": 6, "day": 17},
    "gender": {"gender_option": "FEMALE", "pronoun": "FEMALE"},
    "previous_names": [],
    "other_names": [{"name": "Becky Hale", "type": "Nickname",
                     "timestamp": ts("2012-05-19 21:14:02")}],
    "current_city": {"name": "Sheffield, United Kingdom", "timestamp": ts("2016-08-27 10:40:11")},
    "hometown": {"name": "Chesterfield, Derbyshire", "timestamp": 0},
    "relationship": {"status": "In a relationship", "partner": "Ciar\u00e1n Walsh",
                     "timestamp": ts("2019-02-14 20:00:41")},
    "family_members": [
        {"name": "Tom Hale", "relation": "Brother", "timestamp": ts("2010-01-03 16:21:07")},
        {"name": "Maisie Hale", "relation": "Niece", "timestamp": ts("2017-08-02 19:45:30")},
    ],
    "education_experiences": [
        {"name": "Sheffield Hallam University", "start_timestamp": ts("2006-09-25 09:00:00"),
         "end_timestamp": ts("2010-06-30 12:00:00"), "graduated": True,
         "concentrations": ["Primary Education with QTS"], "school_type": "College",
         "timestamp": ts("2010-07-04 18:22:19")},
    ],
    "work_experiences": [
        {"employer": "Larkfield Primary School", "title": "Class Teacher",
         "location": "Sheffield, United Kingdom", "start_timestamp": ts("2014-09-01 09:00:00"),
         "timestamp": ts("2014-09-07 20:11:45")},
    ],
    "blood_info": {"blood_donor_status": "unregistered"},
    "websites": [],
    "phone_numbers": [],
    "username": "rebecca.hale.3317",
    "registration_timestamp": ts("2008-03-02 19:24:51"),
    "profile_uri": "https://www.facebook.com/rebecca.hale.3317",
}}
add(Item("U01", PROFILE, "profile", None, PROFILE_OBJ, listkey=None,
         must_not=["age-misrepresentation"],
         note="Adult profile: born 17 June 1988. Lists the niece Maisie Hale as family."))

# --- Checks against the school data ------------------------------------------------------------


def check_items():
    keys = [i.key for i in ITEMS]
    assert len(set(keys)) == len(keys), "duplicate item key"
    declared = {name for name, _ in L.REBECCA.declared_links}
    for item in ITEMS:
        rules = {e.rule for e in item.expect}
        assert not rules & set(item.must_not), item.key
        moment = item.moment
        # Working hours: only her own actions, and exactly when the calendar says so.
        if moment is not None:
            working, _ = L.working_verdict(L.REBECCA, moment)
            if "working-hours" in rules:
                assert item.owner and working, f"{item.key}: expected a breach, not one"
            elif item.owner and item.file != PROFILE:
                assert not working, f"{item.key}: unexpected working time {item.local}"
        # Contact: the roster decides who is a pupil, on roll or not, and how old.
        pupil = L.find_pupil(item.counterparty) if item.counterparty else None
        contact = [e for e in item.expect if e.rule in CONTACT_RULES]
        if pupil is None:
            assert not contact, f"{item.key}: contact expected but no pupil"
            continue
        day = moment.date() if moment else None
        if contact:
            (e,) = contact
            if e.rule == "pupil-contact":
                assert pupil.on_roll(day), f"{item.key}: {pupil.name} not on roll on {day}"
            else:
                assert not pupil.on_roll(day) and L.age_on(pupil, day) < 18, item.key
            assert (e.status == "declared") == (pupil.name in declared), item.key
        else:
            assert item.exempt, f"{item.key}: pupil {pupil.name} without expectation or reason"
            if not pupil.on_roll(day):
                assert L.age_on(pupil, day) >= 18, item.key
    # Freddie Turner, named in M11, must be a current pupil for the disclosure to mean anything.
    assert L.find_pupil("Freddie Turner").on_roll(datetime(2024, 11, 20).date())
    assert L.find_pupil("Tyler Greaves").on_roll(datetime(2024, 6, 27).date())
    assert L.find_pupil("Grace Thompson") is None and L.find_pupil("Zo\u00eb Fairfax") is None
    assert L.find_pupil("Marek Kowalczyk") is None


# --- Meta-style JSON ---------------------------------------------------------------------------


def mojibake(text: str) -> str:
    """What Meta writes: each UTF-8 byte of the text as one code point."""
    return text.encode("utf-8").decode("latin-1")


def repair(text: str) -> str:
    """FORMATS.md 1.2: the fix an importer applies."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def meta_json(value, level: int = 0) -> str:
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        body = ",\n".join(f"{inner}{json.dumps(mojibake(k))}: {meta_json(v, level + 1)}"
                          for k, v in value.items())
        return "{\n" + body + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[\n" + inner + "\n" + pad + "]"
        return "[\n" + ",\n".join(inner + meta_json(v, level + 1) for v in value) + "\n" + pad + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(mojibake(value), ensure_ascii=True)
    raise TypeError(type(value))


def repaired(value):
    if isinstance(value, dict):
        return {repair(k): repaired(v) for k, v in value.items()}
    if isinstance(value, list):
        return [repaired(v) for v in value]
    return repair(value) if isinstance(value, str) else value


# --- Tiny JPEGs --------------------------------------------------------------------------------

# Baseline JPEG, 4:4:4 YCbCr, every 8x8 block one flat colour, so only DC coefficients are coded
# (the AC table holds just end-of-block). A few hundred bytes; decodes in any viewer.
PALETTE = {
    "s": (135, 196, 235), "g": (76, 150, 60), "w": (245, 245, 245), "r": (200, 40, 40),
    "b": (40, 70, 190), "y": (240, 200, 60), "k": (60, 45, 35), "p": (230, 230, 225),
    "c": (238, 214, 120), "l": (250, 236, 150),
}
PICTURES = {
    # Sports day: sky, children in coloured bibs on the grass, a white lane line.
    "sportsday": ["ssssssssss", "ssssssssss", "sryssbsrss", "gkkggkgkgg", "gggggggggg",
                  "wwwwwwwwww", "gggggggggg"],
    # Lemon drizzle on a plate.
    "cake": ["pppppppp", "ppllllpp", "pllllllp", "pccccccp", "pccccccp", "ppwwwwpp", "pppppppp"],
    # Instagram (instagram_sample.py): a wall display of paper leaves, a gorge and moorland,
    # soup, pizza. No people in any of them.
    "leaves": ["wwwwwwww", "wrywrywr", "wyrwyrwy", "wwwwwwww", "kkkkkkkk"],
    "gorge": ["ssssssss", "gssssssg", "ggsbbsgg", "gggbbggg", "gggbbggg"],
    "moor": ["ssssssss", "ssssssss", "kkgggkkg", "gggggggg", "gggggggg"],
    "soup": ["pppppppp", "ppyyyypp", "pyyyyyyp", "ppyyyypp", "pppppppp"],
    "pizza": ["kkkkkkkk", "kcyrycyk", "kyrcyrck", "kcyrycyk", "kkkkkkkk"],
}
DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]   # ITU T.81 Annex K, luminance DC
DC_VALS = list(range(12))


def huffman_codes(bits, vals):
    codes, code, k = {}, 0, 0
    for length in range(1, 17):
        for _ in range(bits[length - 1]):
            codes[vals[k]] = (code, length)
            code, k = code + 1, k + 1
        code <<= 1
    return codes


def tiny_jpeg(rows: list[str]) -> bytes:
    height, width = 8 * len(rows), 8 * len(rows[0])
    segment = lambda marker, body: struct.pack(">HH", marker, len(body) + 2) + body  # noqa: E731
    out = b"\xff\xd8"
    out += segment(0xFFE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    out += segment(0xFFDB, b"\x00" + bytes([8] * 64))
    out += segment(0xFFC0, struct.pack(">BHHB", 8, height, width, 3)
                   + b"".join(bytes([cid, 0x11, 0]) for cid in (1, 2, 3)))
    out += segment(0xFFC4, b"\x00" + bytes(DC_BITS) + bytes(DC_VALS)
                   + b"\x10" + bytes([1] + [0] * 15) + b"\x00")
    out += segment(0xFFDA, b"\x03" + b"".join(bytes([cid, 0x00]) for cid in (1, 2, 3))
                   + b"\x00\x3f\x00")
    dc = huffman_codes(DC_BITS, DC_VALS)
    bitstring, previous = [], [0, 0, 0]
    for row in rows:
        for char in row:
            r, g, b = PALETTE[char]
            ycc = (0.299 * r + 0.587 * g + 0.114 * b,
                   128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
                   128 + 0.5 * r - 0.418688 * g - 0.081312 * b)
            for index, value in enumerate(ycc):
                level = round(value) - 128          # DC/8 with the quantiser 8
                diff, previous[index] = level - previous[index], level
                size = abs(diff).bit_length()
                code, length = dc[size]
                bitstring.append(format(code, f"0{length}b"))
                if size:
                    bitstring.append(format(diff if diff > 0 else diff + (1 << size) - 1,
                                            f"0{size}b"))
                bitstring.append("0")               # AC: end of block
    bits = "".join(bitstring)
    bits += "1" * (-len(bits) % 8)
    data = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
    out += data.replace(b"\xff", b"\xff\x00")
    return out + b"\xff\xd9"


# --- Assembly ----------------------------------------------------------------------------------


def newest_first(items):
    return sorted(items, key=lambda i: i.epoch, reverse=True)


def assemble() -> dict[str, object]:
    """Every JSON file of the export: path -> document. Fills in each item's pointer."""
    files: dict[str, object] = {}
    by_file: dict[str, list[Item]] = {}
    for item in ITEMS:
        by_file.setdefault(item.file, []).append(item)

    def place(items, key):
        for index, item in enumerate(items):
            item.pointer = f"/{key}/{index}" if key else f"/{index}"
        return [i.obj for i in items]

    # Posts: newest first, but Meta's files are not reliably sorted: put the oldest post fifth.
    posts = newest_first(by_file[POSTS])
    posts.insert(4, posts.pop())
    files[POSTS] = place(posts, "")
    files[COMMENTS] = {"comments_v2": place(newest_first(by_file[COMMENTS]), "comments_v2")}
    files[LIKES] = place(newest_first(by_file[LIKES]), "")
    for path, key in [(FRIENDS, "friends_v2"), (SENT, "sent_requests_v2"),
                      (RECEIVED, "received_requests_v2"), (REJECTED, "rejected_requests_v2"),
                      (REMOVED, "deleted_friends_v2"), (FOLLOWING, "following_v3"),
                      (SEARCH, "searches_v2")]:
        files[path] = {key: place(newest_first(by_file[path]), key)}
    files[FOLLOWERS] = {"followers_v3": place(by_file[FOLLOWERS], "followers_v3")}
    for t in THREADS:
        files[t.path] = {
            "participants": [{"name": n} for n in t.participants],
            "messages": place(newest_first(by_file[t.path]), "messages"),
            "title": t.title,
            "is_still_participant": True,
            "thread_path": f"inbox/{t.folder}",
            "magic_words": [],
        }
    (profile,) = by_file[PROFILE]
    profile.pointer = "/profile_v2"
    files[PROFILE] = profile.obj
    return files


def write_export(root: Path):
    if root.exists():
        shutil.rmtree(root)
    for rel, doc in assemble().items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = meta_json(doc)
        path.write_bytes(text.encode("ascii"))            # Meta: ASCII only, no final newline
        assert repaired(json.loads(text)) == doc, f"round trip failed for {rel}"
    for name, uri in PHOTOS.items():
        (root / uri).parent.mkdir(parents=True, exist_ok=True)
        (root / uri).write_bytes(tiny_jpeg(PICTURES[name]))


# --- The same export as HTML ------------------------------------------------------------------
#
# Facebook renders the same folder tree as HTML pages when the HTML format is chosen (FORMATS.md
# 1.11): the 2022+ layout, UTF-8 (no mojibake), dates localized for the account (en-GB here) in
# its local time, Europe/London, with no zone; seconds are shown, milliseconds are not. The page
# markup is built by meta_html.py. Two renderings are this generator's assumption, as no real
# page showing them was available: tagged people as a "Tags" label/value row and a check-in as
# "Place"/"Coordinates" rows (Meta's generic label/value table), and a reaction as the reaction's
# icon from static.xx.fbcdn.net (as a data-donation project's fixtures show it).

HTML_EXPORT = f"{EXPORT}-html"
HTML_KEY_JSON = f"{HTML_EXPORT}.answer-key.json"
EXPORTED_AT = datetime(2025, 3, 14, 9, 12, tzinfo=L.LONDON)

PAGE_TITLES = {
    POSTS: "Your posts, check-ins, photos and videos", COMMENTS: "Comments",
    LIKES: "Likes and reactions", FRIENDS: "Your friends", SENT: "Sent friend requests",
    RECEIVED: "Received friend requests", REJECTED: "Rejected friend requests",
    REMOVED: "Removed friends", FOLLOWERS: "People who followed you",
    FOLLOWING: "Who you've followed", SEARCH: "Your search history",
    PROFILE: "Profile information",
}


def html_path(json_path: str) -> str:
    """The HTML export's name for a JSON file: .html, and no apostrophes."""
    return json_path[:-len(".json")].replace("'", "_") + ".html"


def local_seconds(item: Item) -> datetime:
    """The item's time as HTML shows it: London wall clock, whole seconds."""
    return item.moment.replace(microsecond=0)


def html_date(item: Item) -> str:
    return H.facebook_en_gb(local_seconds(item))


def post_record(item: Item) -> H.El:
    obj, body = item.obj, []
    texts = [d["post"] for d in obj.get("data", []) if "post" in d]
    body += [H.facebook_text(t) for t in texts]
    for group in obj.get("attachments", []):
        for data in group["data"]:
            if "media" in data:
                body.append(H.facebook_media(data["media"]["uri"], data["media"].get("description")))
            elif "external_context" in data:
                body.append(H.facebook_link(data["external_context"]["url"],
                                            data["external_context"].get("name")))
            elif "place" in data:
                place = data["place"]
                rows = [("Place", H.El("a", {"target": "_blank", "href": place["url"]},
                                       place["name"]))]
                if place.get("address"):
                    rows.append(("Address", place["address"]))
                coordinate = place["coordinate"]
                rows.append(("Coordinates", f"{coordinate['latitude']}, {coordinate['longitude']}"))
                body.append(H.label_rows(rows))
    if obj.get("tags"):
        body.append(H.label_rows([("Tags", [t["name"] for t in obj["tags"]])]))
    for data in obj.get("data", []):
        if "update_timestamp" in data:
            body.append(H.El("div", {"class": "_2pin"}, H.El("div", {}, f"Updated {html_date(item)}"),
                             H.El("div", {}), H.El("div", {})))
    link = f"https://www.facebook.com/rebecca.hale.3317/posts/{digits('post:' + item.key, 16)}"
    return H.facebook_section(item.key, obj["title"], body, html_date(item), link)


def comment_record(item: Item) -> H.El:
    obj, body = item.obj, []
    for data in obj.get("data", []):
        if data["comment"]["comment"]:
            body.append(H.facebook_text(data["comment"]["comment"]))
    for group in obj.get("attachments", []):
        for data in group["data"]:
            body.append(H.facebook_link(data["external_context"]["url"], None))
    return H.facebook_section(item.key, obj["title"], body, html_date(item))


def reaction_record(item: Item) -> H.El:
    kind = item.obj["data"][0]["reaction"]["reaction"].lower()
    icon = H.El("div", {"class": "_2pin"}, H.El("div", {}, H.El("img", {
        "src": f"https://static.xx.fbcdn.net/rsrc.php/v3/yT/r/{kind}.png", "class": "_a6_n"})))
    return H.facebook_section(item.key, item.obj["title"], [icon], html_date(item))


def search_record(item: Item) -> H.El:
    text = item.obj["data"][0]["text"]
    return H.facebook_section(item.key, item.obj["title"], [H.facebook_text(f'"{text}"')],
                              html_date(item))


def profile_record(item: Item) -> H.El:
    p = item.obj["profile_v2"]
    born = p["birthday"]
    rows = [
        ("Name", p["name"]["full_name"]),
        ("Username", p["username"]),
        ("Date of birth", f"{born['day']} {H.FULL_MONTHS[born['month'] - 1]} {born['year']}"),
        ("Gender", p["gender"]["gender_option"].capitalize()),
        ("Current town/city", p["current_city"]["name"]),
        ("Home town", p["hometown"]["name"]),
        ("Email addresses", p["emails"]["emails"]),
        ("Relationship", f"{p['relationship']['status']} with {p['relationship']['partner']}"),
        ("Family members", [f"{m['name']} ({m['relation']})" for m in p["family_members"]]),
        ("Education", [e["name"] for e in p["education_experiences"]]),
        ("Work", [f"{w['title']} at {w['employer']}" for w in p["work_experiences"]]),
        ("Other names", [f"{n['name']} ({n['type']})" for n in p["other_names"]]),
        ("Profile address", p["profile_uri"]),
    ]
    return H.facebook_section(item.key, "Profile information", [H.label_rows(rows)], None)


def html_pages() -> dict[str, tuple[str, dict[str, str]]]:
    """Every page of the HTML export: path -> (html, element path of each item key)."""
    assemble()   # fills in the JSON pointers, which give each file's record order
    by_file: dict[str, list[Item]] = {}
    for item in ITEMS:
        by_file.setdefault(item.file, []).append(item)
    header = f"{OWNER} created on {H.facebook_header(EXPORTED_AT)}"
    pages = {}
    for path, items in by_file.items():
        items = sorted(items, key=lambda i: int(i.pointer.rsplit("/", 1)[1])
                       if i.pointer.rsplit("/", 1)[1].isdigit() else 0)
        thread = next((t for t in THREADS if t.path == path), None)
        if thread:
            title = thread.title
            records = [H.facebook_message(i.key, i.obj["sender_name"], i.obj.get("content"),
                                          html_date(i),
                                          [(r["reaction"], r["actor"])
                                           for r in i.obj.get("reactions", [])])
                       for i in items]
        else:
            title = PAGE_TITLES[path]
            make = {POSTS: post_record, COMMENTS: comment_record, LIKES: reaction_record,
                    SEARCH: search_record, PROFILE: profile_record}.get(path)
            if make:
                records = [make(i) for i in items]
            else:    # friends, requests, follows, followers: a name and (except followers) a date
                records = [H.facebook_section(i.key, i.obj["name"], [],
                                              html_date(i) if i.local else None) for i in items]
        page = html_path(path)
        pages[page] = H.render(H.facebook_page(page, title, header, records))
    return pages


def start_here_page() -> str:
    """The index page every HTML export has at its root, linking to the others."""
    links = [H.El("div", {"class": "_2pin"}, H.El("a", {"href": html_path(p)}, PAGE_TITLES[p]))
             for p in PAGE_TITLES]
    page = H.facebook_page("start_here.html", "Your information", 
                           f"{OWNER} created on {H.facebook_header(EXPORTED_AT)}",
                           [H.facebook_section("index", "Your information", links, None)])
    return H.render(page)[0]


def write_html_export(root: Path) -> dict[str, str]:
    """Writes the HTML export; returns the element path of every item key."""
    if root.exists():
        shutil.rmtree(root)
    paths: dict[str, str] = {}
    for rel, (page, keyed) in html_pages().items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(page, encoding="utf-8")
        paths.update(keyed)
    (root / "start_here.html").write_text(start_here_page(), encoding="utf-8")
    for name, uri in PHOTOS.items():
        (root / uri).parent.mkdir(parents=True, exist_ok=True)
        (root / uri).write_bytes(tiny_jpeg(PICTURES[name]))
    return paths


# --- Answer key --------------------------------------------------------------------------------


FILE_ORDER = [PROFILE, POSTS, COMMENTS, LIKES] + [t.path for t in THREADS] + [
    FRIENDS, SENT, RECEIVED, REJECTED, REMOVED, FOLLOWERS, FOLLOWING, SEARCH]


def file_order(item: Item):
    last = item.pointer.rsplit("/", 1)[1]
    return FILE_ORDER.index(item.file), int(last) if last.isdigit() else 0


def roster_id(name):
    pupil = L.find_pupil(name) if name else None
    return pupil.upn if pupil else None


def roster_label(name):
    pupil = L.find_pupil(name)
    left = f", left {pupil.left:%d/%m/%Y}" if pupil.left else ", on roll"
    return f"roster {pupil.upn}{left}"


def key_entries() -> list[dict]:
    entries = []
    for item in sorted(ITEMS, key=file_order):
        moment = item.moment
        spec = "milliseconds" if item.local and "." in item.local else "seconds"
        working = L.working_verdict(L.REBECCA, moment) if moment else None
        entry = {
            "key": item.key,
            "file": item.file,
            "pointer": item.pointer,
            "activity": item.activity,
            "owner_authored": item.owner,
            "occurred_at": moment.astimezone(timezone.utc).isoformat(timespec=spec)
            .replace("+00:00", "Z") if moment else None,
            "local_time": moment.isoformat(timespec=spec) if moment else None,
            "counterparty": ({"name": item.counterparty, "roster_id": roster_id(item.counterparty)}
                             if item.counterparty else None),
            "expected": [{"rule": e.rule, "status": e.status,
                          "activity": e.activity or item.activity,
                          "locator": item.pointer + e.sub} for e in item.expect],
            "must_not": item.must_not,
            "calendar": working[1] if working else None,
            "note": " ".join(x for x in (item.note, item.exempt) if x),
        }
        entries.append(entry)
    return entries


def markdown_key(entries, export: str = EXPORT, roster=None) -> str:
    roster = roster or roster_label
    def cell(text):
        return str(text).replace("|", "\\|")

    lines = []
    counts: dict[str, int] = {}
    for e in entries:
        for x in e["expected"]:
            label = x["rule"] + ("" if x["status"] == "open" else f" ({x['status']})")
            counts[label] = counts.get(label, 0) + 1
    total = sum(counts.values())
    lines.append(f"Export root: `{export}/`. {len(entries)} items in "
                 f"{len({e['file'] for e in entries})} files; **{total} expected findings**:")
    lines.append("")
    lines.append("| rule | expected findings | keys |")
    lines.append("|---|---|---|")
    for rule in ["working-hours", "pupil-contact", "pupil-contact (declared)", "ex-pupil-contact",
                 "confidential-disclosure", "child-identification", "abusive-content",
                 "age-misrepresentation"]:
        keys = [e["key"] for e in entries for x in e["expected"]
                if x["rule"] + ("" if x["status"] == "open" else f" ({x['status']})") == rule]
        lines.append(f"| `{rule}` | {len(keys)} | {', '.join(sorted(keys)) or '-'} |")
    lines.append("")
    lines.append("Decoys that must **not** fire: "
                 + "; ".join(f"{e['key']} ({', '.join(e['must_not'])})"
                             for e in sorted(entries, key=lambda e: e["key"]) if e["must_not"])
                 + ".")
    lines.append("")
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
        party = "-" if cp is None else cp["name"] + (f" ({roster(cp['name'])})"
                                                      if cp["roster_id"] else "")
        activity = e["activity"] + ("" if e["owner_authored"] else ", received")
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


BEGIN, END = "<!-- BEGIN ANSWER KEY (generated) -->", "<!-- END ANSWER KEY -->"
IG_BEGIN = "<!-- BEGIN INSTAGRAM HTML ANSWER KEY (generated) -->"
IG_END = "<!-- END INSTAGRAM HTML ANSWER KEY -->"


def replace_between(text: str, begin: str, end: str, body: str) -> str:
    head, rest = text.split(begin)
    _, tail = rest.split(end)
    return head + begin + "\n" + body + end + tail


def write_readme(readme: Path, template: str, entries, instagram_entries):
    text = replace_between(template, BEGIN, END, markdown_key(entries))
    text = replace_between(text, IG_BEGIN, IG_END,
                           markdown_key(instagram_entries, IG.EXPORT, IG.roster_label))
    readme.write_text(text, encoding="utf-8")


def html_key_entries(paths: dict[str, str]) -> list[dict]:
    """The answer key for the HTML export: the JSON key's items, cited by page and element path,
    with times to the second as the pages show them."""
    entries = []
    for entry in key_entries():
        item = next(i for i in ITEMS if i.key == entry["key"])
        entry = dict(entry, file=html_path(item.file), pointer=paths[item.key])
        if item.local:
            moment = local_seconds(item)
            entry["occurred_at"] = (moment.astimezone(timezone.utc).isoformat(timespec="seconds")
                                    .replace("+00:00", "Z"))
            entry["local_time"] = moment.isoformat(timespec="seconds")
        entry["time_basis"] = "inferred-local" if item.local else "none"
        entry["expected"] = [dict(x, locator=paths[item.key]) for x in entry["expected"]]
        entries.append(entry)
    return entries


MATCHING = ("A finding matches an entry when its source file equals `file` and its locator "
            "equals the expected `locator` (or lies beneath it); `rule` and `status` must be "
            "equal. Items not listed under `expected` must produce no finding.")


def write_key(path: Path, export: str, entries: list[dict], matching: str = MATCHING):
    path.write_text(json.dumps(
        {"export": export, "staff": OWNER, "school": L.SCHOOL_NAME, "matching": matching,
         "items": entries}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def generate(samples: Path, readme_template: str):
    L.write_school_yaml(samples / "school.yaml")
    L.write_roster_csv(samples / "pupils.csv")
    write_export(samples / EXPORT)
    entries = key_entries()
    write_key(samples / KEY_JSON, EXPORT, entries)
    paths = write_html_export(samples / HTML_EXPORT)
    write_key(samples / HTML_KEY_JSON, HTML_EXPORT, html_key_entries(paths),
              MATCHING + " The pages show wall-clock times without a zone: conduct-audit reads "
              "them in Europe/London, so every time is inferred (to the second; messages lose "
              "their milliseconds).")
    IG.write_export(samples / IG.EXPORT, lambda name: tiny_jpeg(PICTURES[name]))
    instagram_entries = IG.key_entries()
    IG.write_key(samples / IG.KEY_JSON, instagram_entries)
    write_readme(samples / "README.md", readme_template, entries, instagram_entries)


OUTPUT_FILES = ["school.yaml", "pupils.csv", KEY_JSON, HTML_KEY_JSON, IG.KEY_JSON, "README.md"]
OUTPUT_FOLDERS = [EXPORT, HTML_EXPORT, IG.EXPORT]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="regenerate into a temporary folder and compare with Samples/")
    args = parser.parse_args()
    check_items()
    IG.check_items()
    template = (SAMPLES / "README.md").read_text(encoding="utf-8")
    if not args.check:
        generate(SAMPLES, template)
        print(f"wrote {len(ITEMS)} Facebook items (JSON and HTML) and {len(IG.ITEMS)} Instagram "
              f"items; answer keys {KEY_JSON}, {HTML_KEY_JSON}, {IG.KEY_JSON}")
        return
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), template)
        different = [n for n in OUTPUT_FILES
                     if not filecmp.cmp(Path(tmp) / n, SAMPLES / n, False)]

        def walk(c, prefix=""):
            found = [prefix + n for n in c.left_only + c.right_only + c.diff_files]
            for name, sub in c.subdirs.items():
                found += walk(sub, prefix + name + "/")
            return found

        for folder in OUTPUT_FOLDERS:
            if not (SAMPLES / folder).is_dir():
                different.append(folder)
                continue
            different += [f"{folder}/{n}" for n in walk(filecmp.dircmp(Path(tmp) / folder,
                                                                        SAMPLES / folder))]
        if different:
            print("out of date: " + ", ".join(different))
            sys.exit(1)
        print("Samples/ matches the generator")


if __name__ == "__main__":
    main()
