#!/usr/bin/env python3
"""Generate Rebecca Hale's two WhatsApp chat exports and their answer keys.

    python3 Samples/tools/make_whatsapp_samples.py           # (re)write the files below
    python3 Samples/tools/make_whatsapp_samples.py --check   # exit 1 if the committed files differ

Writes, under Samples/:
  whatsapp-chat-with-ollie-bennett.txt            iOS-style chat text: "[dd/MM/yyyy, HH:mm:ss]
                                                  Name: text", 24-hour clock, CRLF line ends,
                                                  U+200E marks; a chat with a current pupil
  whatsapp-year5-parents.zip                      Android-style "Export chat" zip with media:
                                                  "WhatsApp Chat with Year 5 Parents.txt"
                                                  ("dd/MM/yyyy, h:mm pm - Name: text", 12-hour
                                                  clock with U+202F before am/pm, LF) and one
                                                  small JPEG; a class parents' group
  whatsapp-*.answer-key.json                      one answer key per export
  README.md                                       only the part between the WHATSAPP markers

Everything is invented; no real person is named. Deterministic (no clock, no randomness); standard
library only. Times are written as the exporting phone shows them: Europe/London wall-clock time
with no zone. Each message is declared once below with that wall-clock time, and the script
converts it with zoneinfo (noting the autumn hour that happens twice), checks every working-hours
verdict against larkfield.working_verdict and every pupil expectation against the roster, writes
the files, reads them back, and renders the answer keys from the same data.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.dont_write_bytecode = True   # keep __pycache__ out of Samples/tools
sys.path.insert(0, str(Path(__file__).resolve().parent))
import larkfield as L  # noqa: E402
from make_facebook_sample import tiny_jpeg  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent
OWNER = L.REBECCA.name            # her WhatsApp profile name, as her own messages show it
LRM, NNBSP = "\u200e", "\u202f"

OLLIE_TXT = "whatsapp-chat-with-ollie-bennett.txt"
PARENTS_ZIP = "whatsapp-year5-parents.zip"
PARENTS_TXT = "WhatsApp Chat with Year 5 Parents.txt"
PHOTO = "IMG-20240919-WA0003.jpg"
# A reading book on a table: a flat-colour JPEG made by make_facebook_sample.tiny_jpeg.
BOOK = ["kkkkkkkk", "kbbbbbbk", "kbyyyybk", "kbbbbbbk", "kbwwwwbk", "kbbbbbbk", "kkkkkkkk"]
ZIP_TIME = (2024, 11, 20, 18, 30, 0)   # the moment the export was made, for the zip entries


# --- Lines -------------------------------------------------------------------------------------


@dataclass
class Expect:
    rule: str
    status: str = "open"


@dataclass
class Line:
    """One message or notice of a chat, as the exporting phone wrote it."""
    key: str | None                 # answer-key id; None for WhatsApp's notices (not items)
    local: str                      # Europe/London wall clock "YYYY-MM-DD HH:MM[:SS]"
    sender: str | None              # None: a notice without a sender
    text: list[str]                 # the message's lines as written (markers included)
    expect: list = field(default_factory=list)
    must_not: list = field(default_factory=list)
    note: str = ""
    media_line: bool = False        # iOS writes U+200E before the bracket of media lines
    # expected reading
    text_read: str | None = None    # the importer's text (None: derived from `text`)
    title: str | None = None
    attachment: dict | None = None
    number: int = 0                 # line number, filled in when the chat is written

    @property
    def naive(self) -> datetime:
        return datetime.fromisoformat(self.local)

    @property
    def moments(self) -> list[datetime]:
        """Every instant this wall-clock time can be in London (two in the repeated hour)."""
        found = []
        for fold in (0, 1):
            aware = self.naive.replace(tzinfo=L.LONDON, fold=fold)
            back = datetime.fromtimestamp(aware.timestamp(), L.LONDON).replace(tzinfo=None)
            assert back == self.naive, f"{self.key}: {self.local} does not exist in London"
            if aware.timestamp() not in [m.timestamp() for m in found]:
                found.append(aware)
        return sorted(found, key=lambda m: m.timestamp())

    @property
    def moment(self) -> datetime:
        return self.moments[0]     # the importer takes the earlier of two

    @property
    def is_ambiguous(self) -> bool:
        return len(self.moments) > 1

    @property
    def owner(self) -> bool:
        return self.sender == OWNER


@dataclass
class Chat:
    name: str
    file: str                       # the chat file inside the export ("" for a bare .txt)
    export: str                     # the export's file name under Samples/
    style: str                      # "ios" or "android"
    counterparty: str | None        # the pupil the chat is with, if any
    lines: list = field(default_factory=list)

    def add(self, *args, **kwargs) -> Line:
        line = Line(*args, **kwargs)
        self.lines.append(line)
        return line

    def header(self, line: Line) -> str:
        moment = line.naive
        if self.style == "ios":
            lead = LRM if line.media_line else ""
            return f"{lead}[{moment:%d/%m/%Y}, {moment:%H:%M:%S}]"
        hour = moment.hour % 12 or 12
        meridiem = "am" if moment.hour < 12 else "pm"
        return f"{moment:%d/%m/%Y}, {hour}:{moment:%M}{NNBSP}{meridiem} -"

    def render(self) -> str:
        out: list[str] = []
        for line in self.lines:
            line.number = len(out) + 1
            sender = line.sender
            if self.style == "android" and sender and sender.startswith("+"):
                sender = f"\u202a{sender}\u202c"   # Android wraps unsaved numbers in marks
            first = f"{sender}: {line.text[0]}" if sender else line.text[0]
            out.append(f"{self.header(line)} {first}")
            out.extend(line.text[1:])
        newline = "\r\n" if self.style == "ios" else "\n"
        return newline.join(out) + newline


# --- Chat 1: Ollie Bennett, a current pupil (iOS style, 24-hour clock) --------------------------

OLLIE = "Ollie Bennett"
ollie = Chat(OLLIE, OLLIE_TXT, OLLIE_TXT, "ios", counterparty=OLLIE)
PUPIL_THREAD = ("A message in a chat with a current pupil in which Rebecca took part: contact in "
                "either direction.")
contact = [Expect("pupil-contact")]

ollie.add(None, "2025-01-18 18:40:12", OLLIE,
          [LRM + "Messages and calls are end-to-end encrypted. Only people in this chat can read, "
           "listen to, or share them."],
          note="WhatsApp's notice, attributed to the chat's name as iOS does; not an item.")
ollie.add("O01", "2025-01-18 18:40:12", OLLIE,
          ["hi miss hale its ollie \U0001F600 my mum gave me ur number from the trip letter"],
          expect=contact, note=PUPIL_THREAD)
ollie.add("O02", "2025-01-18 18:52:40", OWNER,
          ["Hi Ollie. This number is only for the residential trip, so please just use it if "
           "there's an emergency."],
          expect=contact, note="Her reply to a current pupil, Saturday evening.")
ollie.add("O03", "2025-01-18 18:53:05", OLLIE, ["ok sorry miss \U0001F44D"],
          expect=contact, note=PUPIL_THREAD)
ollie.add("O04", "2025-01-21 10:41:27", OLLIE,
          ["im off sick today, can u check my maths homework", "its question 4 and 5",
           "i dont get the fractions"],
          expect=contact,
          note="Three lines: one message. Received during her working time, so no working-hours "
               "finding.")
ollie.add("O05", "2025-01-21 10:44:03", OLLIE, [LRM + "image omitted"], media_line=True,
          attachment={"kind": "photo", "uri": None, "caption": "image omitted"},
          expect=contact, note="iOS export without media: the photo is a placeholder.")
ollie.add("O06", "2025-01-21 10:58:51", OWNER,
          ["Question 4: find a common denominator first. Feel better soon!"],
          expect=[Expect("working-hours"), Expect("pupil-contact")],
          note="Tutoring a pupil on her personal phone during lessons.")
ollie.add("O07", "2025-01-21 12:31:09", OWNER,
          ["Question 5 is the same idea, you'll get it \U0001F44D"],
          expect=contact, must_not=["working-hours"], note="Inside her lunch break.")
ollie.add("O08", "2025-01-26 20:15:33", OWNER, [LRM + "You deleted this message."],
          text_read=None, title="You deleted this message.", expect=contact,
          note="A deleted message is still a message she sent. WhatsApp writes \"You deleted "
               "this message.\" only in the exporter's own copy: it shows that Rebecca Hale is "
               "the owner.")
ollie.add("O09", "2025-01-26 20:16:02", OWNER, ["Sorry, wrong chat! Have a good week at school."],
          expect=contact, note=PUPIL_THREAD)
ollie.add("O10", "2025-02-05 09:12:44", OLLIE, ["are u coming back tmrw miss"],
          expect=contact, note=PUPIL_THREAD)
ollie.add("O11", "2025-02-05 09:20:17", OWNER,
          ["Back on Monday. Now phone away and into class!"],
          expect=contact, must_not=["working-hours"],
          note="A Wednesday in term, but she was on jury service.")
ollie.add("O12", "2025-03-13 15:29:59", OWNER,
          ["Well done in the times tables test today \U0001F389"],
          expect=[Expect("working-hours"), Expect("pupil-contact")],
          note="One second before her 15:30 end.")
ollie.add("O13", "2025-03-13 15:31:20", OLLIE,
          ["thx miss!! see u tomorow " + LRM + "<This message was edited>"],
          text_read="thx miss!! see u tomorow", title="This message was edited",
          expect=contact, note="An edited message: WhatsApp's marker is not part of the text.")

# --- Chat 2: the Year 5 parents' group (Android style, 12-hour clock, with media) ---------------

parents = Chat("Year 5 Parents", PARENTS_TXT, PARENTS_ZIP, "android", counterparty=None)
SARAH, DAN, PRIYA, UNSAVED = "Sarah O'Connor", "Dan Fletcher", "Priya Patel", "+44 7700 900456"

parents.add(None, "2024-09-01 19:02", None,
            ["Messages and calls are end-to-end encrypted. No one outside of this chat, not even "
             "WhatsApp, can read or listen to them. Tap to learn more."],
            note="WhatsApp's notice; not an item.")
parents.add(None, "2024-09-01 19:02", None, [f'{SARAH} created group "Year 5 Parents"'],
            note="Names the group; not an item.")
parents.add(None, "2024-09-01 19:03", None, [f"{SARAH} added you"],
            note="\"you\" is the exporter, Rebecca; not an item.")
parents.add(None, "2024-09-01 19:03", None, [f"{SARAH} added {DAN}, {PRIYA} and \u202a{UNSAVED}\u202c"],
            note="Shows three more participants; the unsaved number is wrapped in direction "
                 "marks, as Android writes it. Not an item.")
parents.add("Y01", "2024-09-01 19:05", SARAH,
            ["Welcome everyone! Thought it'd be handy to have a group for Year 5 this year "
             "\U0001F60A Miss Hale has kindly joined too"],
            note="Received, Sunday evening.")
parents.add("Y02", "2024-09-01 19:11", OWNER,
            ["Thanks Sarah! Happy to answer questions about the class here. Looking forward to "
             "the year \U0001F34E"],
            must_not=["pupil-contact"], note="Parents are adults, not pupils.")
parents.add("Y03", "2024-09-10 11:20", DAN, ["Does anyone know if PE is Tuesday or Wednesday?"],
            note="Received during her working time: no working-hours finding.")
parents.add("Y04", "2024-09-10 11:26", OWNER, ["PE is Wednesdays this half term \U0001F45F"],
            expect=[Expect("working-hours")], note="Her reply, during lessons (BST).")
parents.add("Y05", "2024-09-19 20:47", UNSAVED,
            [f"{PHOTO} (file attached)", "Is this the right reading book level? Amara brought it "
             "home"],
            text_read="Is this the right reading book level? Amara brought it home",
            attachment={"kind": "photo", "uri": PHOTO, "caption": None},
            must_not=["confidential-disclosure", "pupil-contact"],
            note="From a number not in her contacts (the sender is the number). The photo is in "
                 "the zip and linked; the caption follows on the next line. A parent naming her "
                 "own child is no disclosure by Rebecca.")
parents.add("Y06", "2024-09-19 21:02", OWNER, ["Yes, that's the right one \U0001F44D"],
            note="Evening reply.")
parents.add("Y07", "2024-10-16 19:48", PRIYA,
            ["Is the Botanical Gardens trip still going ahead on Friday? Grace is so excited"],
            must_not=["pupil-contact"],
            note="Received; Priya Patel is a parent who shares the pupil Grace Patel's surname.")
parents.add("Y08", "2024-10-16 20:03", OWNER,
            ["Yes, all going ahead! Just between us, Freddie Turner won't be coming, social "
             "services are involved again and he's on a reduced timetable. Please don't say "
             "anything."],
            expect=[Expect("confidential-disclosure")], must_not=["pupil-contact"],
            note="Names a current pupil (Frederick \"Freddie\" Turner) with a safeguarding matter "
                 "to a group of parents. He is not in the chat, so it is a disclosure, not contact.")
parents.add("Y09", "2024-10-16 20:05", SARAH, ["Oh no, poor lad \U0001F622"],
            must_not=["confidential-disclosure"], note="Received.")
parents.add("Y10", "2024-10-27 01:24", OWNER,
            ["Can't sleep, still marking \U0001F634 Has anyone got the letter about the Halloween "
             "disco?"],
            note="Sunday 27 October 2024, 01:24: the clocks went back at 02:00, so 01:00-01:59 "
                 "happened twice (BST, then GMT). The time is ambiguous; the earlier instant is "
                 "used. Half term and a Sunday either way.")
parents.add("Y11", "2024-11-06 14:10", OWNER, ["You deleted this message"],
            text_read=None, title="You deleted this message",
            expect=[Expect("working-hours")],
            note="A message she sent, then deleted, during lessons: still use of WhatsApp at "
                 "that time. Android writes \"You deleted this message\" only in the exporter's "
                 "copy.")
parents.add("Y12", "2024-11-06 15:30", OWNER, ["Sorry all, that was meant for someone else!"],
            must_not=["working-hours"], note="3:30 pm is 15:30, her end: not working time.")
parents.add("Y13", "2024-11-14 00:05", PRIYA,
            ["Sorry for the late message, has anyone seen a blue lunchbox? \U0001F648"],
            note="12:05 am is 00:05.")
parents.add("Y14", "2024-11-14 12:40", OWNER,
            ["Reminder: Christmas jumper day is 13 December \U0001F384"],
            must_not=["working-hours"], note="12:40 pm is inside her 12:15-13:15 lunch.")
parents.add("Y15", "2024-11-18 09:15", SARAH, ["<Media omitted>"],
            attachment={"kind": "other", "uri": None, "caption": "<Media omitted>"},
            note="Android's placeholder for media the export did not include (no longer on the "
                 "phone when the chat was exported).")
parents.add("Y16", "2024-11-18 19:40", DAN, ["Thanks Miss Hale!", "Noah loved the trip"],
            must_not=["pupil-contact", "confidential-disclosure"],
            note="Two lines: one message. A parent naming his own child.")

CHATS = [ollie, parents]


# --- Checks against the school data ------------------------------------------------------------


def check_chats():
    keys = [line.key for chat in CHATS for line in chat.lines if line.key]
    assert len(keys) == len(set(keys)), "duplicate key"
    for chat in CHATS:
        pupil = L.find_pupil(chat.counterparty) if chat.counterparty else None
        for line in chat.lines:
            if line.key is None:
                continue
            rules = {e.rule for e in line.expect}
            assert not rules & set(line.must_not), line.key
            working, _ = L.working_verdict(L.REBECCA, line.moment)
            if line.is_ambiguous:   # the verdict must not depend on which instant it was
                assert {L.working_verdict(L.REBECCA, m)[0] for m in line.moments} == {working}
            if "working-hours" in rules:
                assert line.owner and working, f"{line.key}: expected a breach"
            elif line.owner:
                assert not working, f"{line.key}: unexpected working time {line.local}"
            if pupil is not None:
                assert pupil.on_roll(line.moment.date()), line.key
                assert "pupil-contact" in rules, f"{line.key}: pupil chat without contact"
            else:
                assert "pupil-contact" not in rules, line.key
    assert L.find_pupil(OLLIE) is not None
    assert L.find_pupil("Freddie Turner").on_roll(datetime(2024, 10, 16).date())
    for adult in (SARAH, DAN, PRIYA):
        assert L.find_pupil(adult) is None, adult
    (y10,) = [line for line in parents.lines if line.key == "Y10"]
    assert y10.is_ambiguous, "Y10 must fall in the repeated hour"
    assert sum(line.is_ambiguous for chat in CHATS for line in chat.lines) == 1


# --- Answer keys -------------------------------------------------------------------------------


def iso(moment: datetime) -> tuple[str, str]:
    utc = moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    return utc, moment.isoformat()


def participants(chat: Chat) -> list[str]:
    people = {line.sender for line in chat.lines if line.key and line.sender}
    if chat is parents:
        people |= {SARAH, DAN, PRIYA, UNSAVED}
    return sorted(people)


def key_entries(chat: Chat) -> list[dict]:
    entries = []
    for line in chat.lines:
        if line.key is None:
            continue
        utc, local = iso(line.moment)
        working = L.working_verdict(L.REBECCA, line.moment)[1]
        text = line.text_read if (line.text_read or line.title or line.attachment) else \
            "\n".join(line.text).replace(LRM, "")
        entry = {
            "key": line.key,
            "file": chat.file,
            "locator": f"line {line.number}",
            "activity": "message",
            "owner_authored": line.owner,
            "author": line.sender,
            "occurred_at": utc,
            "local_time": local,
            "time_basis": "ambiguous-local" if line.is_ambiguous else "inferred-local",
            "counterparty": ({"name": chat.counterparty,
                              "roster_id": L.find_pupil(chat.counterparty).upn}
                             if chat.counterparty else None),
            "text": text,
            "title": line.title,
            "attachments": [line.attachment] if line.attachment else [],
            "expected": [{"rule": e.rule, "status": e.status, "activity": "message",
                          "locator": f"line {line.number}"} for e in line.expect],
            "must_not": line.must_not,
            "calendar": working,
            "note": line.note,
        }
        if line.is_ambiguous:
            later_utc, later_local = iso(line.moments[1])
            entry["other_reading"] = {"occurred_at": later_utc, "local_time": later_local}
        entries.append(entry)
    return entries


def notices(chat: Chat) -> list[dict]:
    return [{"locator": f"line {line.number}", "text": "\n".join(line.text).replace(LRM, ""),
             "note": line.note} for line in chat.lines if line.key is None]


def answer_key(chat: Chat) -> dict:
    items = key_entries(chat)
    return {
        "export": chat.export,
        "staff": OWNER,
        "school": L.SCHOOL_NAME,
        "matching": "A finding matches an entry when its source file equals `file` (the chat file "
                    "inside the export; for a bare .txt, its own name) and its locator equals "
                    "the expected `locator` (\"line N\", the message's first line); `rule` and "
                    "`status` must be equal. Items not listed under `expected` must produce no "
                    "finding. Notices are WhatsApp's own lines and are not items.",
        "conversation": chat.name,
        "owner": {"name": OWNER, "evidence": "the sender of WhatsApp's \"You deleted this "
                                             "message\" line, which only the exporter's copy has"},
        "participants": participants(chat),
        "date_order": "day-first",
        "counts": {
            "lines": sum(len(line.text) for line in chat.lines),
            "items": len(items),
            "owner_authored": sum(e["owner_authored"] for e in items),
            "ambiguous_times": sum(e["time_basis"] == "ambiguous-local" for e in items),
            "notices": len(notices(chat)),
            "media_files": 1 if chat is parents else 0,
        },
        "expected_issues": [
            {"locator": f"line {line.number}",
             "reason": "the wall-clock time happened twice (the clocks went back); the earlier "
                       "instant is used"} for line in chat.lines if line.key and line.is_ambiguous],
        "notices": notices(chat),
        "items": items,
    }


def markdown_key(chat: Chat, key: dict) -> str:
    def cell(text):
        return str(text).replace("|", "\\|").replace("\n", " / ")

    lines = []
    counts: dict[str, list[str]] = {}
    for e in key["items"]:
        for x in e["expected"]:
            counts.setdefault(x["rule"], []).append(e["key"])
    total = sum(len(v) for v in counts.values())
    c = key["counts"]
    where = f"`{chat.export}`" + (f", chat file `{chat.file}`" if chat.file != chat.export else "")
    lines.append(f"{where}: {c['lines']} lines, {c['items']} messages ({c['owner_authored']} by "
                 f"Rebecca), {c['notices']} WhatsApp notice(s) (not items), "
                 f"{c['ambiguous_times']} ambiguous time(s); **{total} expected findings**:")
    lines.append("")
    lines.append("| rule | expected findings | keys |")
    lines.append("|---|---|---|")
    for rule in ["working-hours", "pupil-contact", "confidential-disclosure"]:
        keys = counts.get(rule, [])
        lines.append(f"| `{rule}` | {len(keys)} | {', '.join(keys) or '-'} |")
    lines.append("")
    decoys = [f"{e['key']} ({', '.join(e['must_not'])})" for e in key["items"] if e["must_not"]]
    lines.append("Decoys that must **not** fire: " + "; ".join(decoys) + ".")
    lines.append("")
    lines.append("| key | locator | local time (Europe/London) | from | expected findings "
                 "| must not | why |")
    lines.append("|---|---|---|---|---|---|---|")
    for e in key["items"]:
        local = datetime.fromisoformat(e["local_time"])
        zone = "BST" if e["local_time"].endswith("+01:00") else "GMT"
        shown = f"{local:%a %Y-%m-%d %H:%M:%S} {zone}"
        if e["time_basis"] == "ambiguous-local":
            shown += " (or " + datetime.fromisoformat(
                e["other_reading"]["local_time"]).strftime("%H:%M:%S") + " GMT)"
        sender = "Rebecca" if e["owner_authored"] else e["author"]
        expected = "<br>".join(f"**{x['rule']}**" for x in e["expected"]) or "none"
        why = f"{e['calendar'][0].upper()}{e['calendar'][1:]}. {e['note']}".strip()
        lines.append(f"| {e['key']} | `{e['locator']}` | {shown} | {cell(sender)} | {expected} "
                     f"| {', '.join(e['must_not']) or '-'} | {cell(why)} |")
    return "\n".join(lines) + "\n"


BEGIN = "<!-- BEGIN WHATSAPP ANSWER KEYS (generated by make_whatsapp_samples.py) -->"
END = "<!-- END WHATSAPP ANSWER KEYS -->"


def readme_section(keys) -> str:
    parts = []
    for chat, key in keys:
        parts.append(f"#### {chat.name}\n")
        parts.append(markdown_key(chat, key))
    return "\n".join(parts)


# --- Writing -----------------------------------------------------------------------------------


def parents_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in [(PARENTS_TXT, parents.render().encode("utf-8")),
                           (PHOTO, tiny_jpeg(BOOK))]:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def key_name(chat: Chat) -> str:
    stem = chat.export.rsplit(".", 1)[0]
    return f"{stem}.answer-key.json"


def generate(samples: Path, readme_template: str):
    (samples / OLLIE_TXT).write_bytes(ollie.render().encode("utf-8"))
    (samples / PARENTS_ZIP).write_bytes(parents_zip())
    keys = []
    for chat in CHATS:
        chat.render()     # numbers the lines
        key = answer_key(chat)
        keys.append((chat, key))
        (samples / key_name(chat)).write_text(
            json.dumps(key, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    head, rest = readme_template.split(BEGIN)
    _, tail = rest.split(END)
    (samples / "README.md").write_text(head + BEGIN + "\n" + readme_section(keys) + END + tail,
                                       encoding="utf-8")
    read_back(samples)


def read_back(samples: Path):
    """The files say what the declarations say: line numbers, markers and the zip's entries."""
    text = (samples / OLLIE_TXT).read_bytes().decode("utf-8")
    assert text.count("\r\n") == sum(len(line.text) for line in ollie.lines)
    with zipfile.ZipFile(samples / PARENTS_ZIP) as archive:
        assert archive.namelist() == [PARENTS_TXT, PHOTO]
        group = archive.read(PARENTS_TXT).decode("utf-8")
        assert archive.read(PHOTO).startswith(b"\xff\xd8")
    for written_lines, chat in [(text.split("\r\n"), ollie), (group.split("\n"), parents)]:
        for line in chat.lines:
            written = written_lines[line.number - 1]
            assert written.startswith(chat.header(line)), (line.key, written)
    assert NNBSP + "pm - " in group and "\u202a" + UNSAVED in group


def zip_contents(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="regenerate into a temporary folder and compare with Samples/")
    args = parser.parse_args()
    check_chats()
    template = (SAMPLES / "README.md").read_text(encoding="utf-8")
    if not args.check:
        generate(SAMPLES, template)
        print(f"wrote {OLLIE_TXT}, {PARENTS_ZIP} and their answer keys")
        return
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), template)
        different = [name for name in [OLLIE_TXT, "README.md"] + [key_name(c) for c in CHATS]
                     if (Path(tmp) / name).read_bytes() != (SAMPLES / name).read_bytes()]
        # zlib's output may differ between versions: compare the zip's entries, not its bytes.
        if zip_contents(Path(tmp) / PARENTS_ZIP) != zip_contents(SAMPLES / PARENTS_ZIP):
            different.append(PARENTS_ZIP)
        if different:
            print("out of date: " + ", ".join(different))
            sys.exit(1)
        print("WhatsApp samples match the generator")


if __name__ == "__main__":
    main()
