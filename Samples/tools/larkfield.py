"""The fictional Larkfield Primary School: calendar, staff and roster, as Python data.

Everything here is invented. No pupil, staff member or friend named in these samples is a real
person; the UPNs are valid in form only (see upn.py) and were never issued.

This module is the single source of truth for `Samples/school.yaml` and `Samples/pupils.csv`
(written by `write_school_yaml` and `write_roster_csv`), and it holds the small reference
evaluators the sample generators use to check their own answer keys:

* `working_verdict(staff, local_datetime)`: is this instant working time for that staff member,
  and why (the INTERFACE.md definition: one of the staff member's days, in term or an INSET day,
  not a bank holiday, closure or absence, start <= t < end, lunch excluded whole).
* `find_pupil(display_name)`: the roster row a display name refers to, if any (legal or preferred
  forename and surname, accents and case ignored).
* `age_on(pupil, day)`: whole years.

Standard library only (Python 3.9+ for zoneinfo).
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from upn import is_valid_upn, make_upn

LONDON = ZoneInfo("Europe/London")

# --- School ------------------------------------------------------------------------------------

SCHOOL_NAME = "Larkfield Primary School"
SCHOOL_ALIASES = ["Larkfield", "LPS"]
LA_CODE = 373          # the local authority part of every UPN
ESTABLISHMENT = 2473   # the school's DfE establishment number (fictional)

DEFAULT_DAYS = ["mon", "tue", "wed", "thu", "fri"]
DEFAULT_START, DEFAULT_END = time(8, 30), time(16, 0)
DEFAULT_LUNCH = (time(12, 0), time(13, 0))

# (label, first day, last day) of each half term; inclusive.
TERMS = [
    ("2023-24 autumn 1", date(2023, 9, 4), date(2023, 10, 20)),
    ("2023-24 autumn 2", date(2023, 10, 30), date(2023, 12, 20)),
    ("2023-24 spring 1", date(2024, 1, 8), date(2024, 2, 9)),
    ("2023-24 spring 2", date(2024, 2, 19), date(2024, 3, 28)),
    ("2023-24 summer 1", date(2024, 4, 15), date(2024, 5, 24)),
    ("2023-24 summer 2", date(2024, 6, 3), date(2024, 7, 19)),
    ("2024-25 autumn 1", date(2024, 9, 3), date(2024, 10, 25)),
    ("2024-25 autumn 2", date(2024, 11, 4), date(2024, 12, 20)),
    ("2024-25 spring 1", date(2025, 1, 6), date(2025, 2, 14)),
    ("2024-25 spring 2", date(2025, 2, 24), date(2025, 4, 4)),
    ("2024-25 summer 1", date(2025, 4, 22), date(2025, 5, 23)),
    ("2024-25 summer 2", date(2025, 6, 2), date(2025, 7, 22)),
]

# Days the school is closed inside term (bank holidays are separate and built into the tool).
CLOSURES = [
    (date(2024, 5, 2), "polling station (local elections)"),
    (date(2025, 5, 1), "polling station (county council elections)"),
]

# INSET days: staff work, pupils do not. 2024-09-02 lies just outside term (term starts 3 Sep).
INSET_DAYS = [
    (date(2023, 9, 4), "first day of autumn term"),
    (date(2024, 1, 8), "first day of spring term"),
    (date(2024, 9, 2), "the Monday before autumn term starts"),
    (date(2025, 1, 6), "first day of spring term"),
]

# England and Wales bank holidays (gov.uk), for the reference evaluator only.
BANK_HOLIDAYS = {
    date(2023, 1, 2): "New Year's Day (substitute)", date(2023, 4, 7): "Good Friday",
    date(2023, 4, 10): "Easter Monday", date(2023, 5, 1): "Early May bank holiday",
    date(2023, 5, 8): "Coronation bank holiday", date(2023, 5, 29): "Spring bank holiday",
    date(2023, 8, 28): "Summer bank holiday", date(2023, 12, 25): "Christmas Day",
    date(2023, 12, 26): "Boxing Day",
    date(2024, 1, 1): "New Year's Day", date(2024, 3, 29): "Good Friday",
    date(2024, 4, 1): "Easter Monday", date(2024, 5, 6): "Early May bank holiday",
    date(2024, 5, 27): "Spring bank holiday", date(2024, 8, 26): "Summer bank holiday",
    date(2024, 12, 25): "Christmas Day", date(2024, 12, 26): "Boxing Day",
    date(2025, 1, 1): "New Year's Day", date(2025, 4, 18): "Good Friday",
    date(2025, 4, 21): "Easter Monday", date(2025, 5, 5): "Early May bank holiday",
    date(2025, 5, 26): "Spring bank holiday", date(2025, 8, 25): "Summer bank holiday",
    date(2025, 12, 25): "Christmas Day", date(2025, 12, 26): "Boxing Day",
}

LEXICON_ADDITIONS = {
    "confidential": ["Ofsted call", "EHCP", "social services", "LADO"],
    "abusive": ["useless idiot", "waste of space"],
}

# Clause text quoted word for word from /work/shared/policy/school-social-media-policy.txt.
POLICY = {
    "working-hours": ("Use of sites",
        "Staff may not access or 'post' on personal social media accounts at any time during "
        "their working hours in the school day, with the exception of the 1 hour lunch break, "
        "when the Teachers' Pay and Conditions states that staff are entitled to leave the "
        "school site."),
    "pupil-contact": ("Privacy and Safeguarding",
        "No member of staff should interact with any pupil in the school on social networking "
        "sites through personal accounts. This means that no member of the school staff should "
        "request access to a pupil's area on the social networking site. Neither should he/she "
        "permit the pupil access to the staff member's area (e.g. by accepting them as a friend)"),
    "ex-pupil-contact": ("Privacy and Safeguarding",
        "No member of staff should interact with any ex-pupil in the school on social networking "
        "sites who is under the age of 18."),
    "confidential-disclosure": ("Privacy and Safeguarding",
        "Staff and Governors must never disclose any personal information about members of the "
        "school community or disclose any information that is confidential to the school, "
        "including any information obtained as a result of your employment or position and not "
        "yet in the public domain."),
    "child-identification": ("Privacy and Safeguarding",
        "We will not publish photographs of children without the written consent of "
        "parents/carers; this consent is renewed annually. We will not identify by name any of "
        "the children featured in photographs"),
    "abusive-content": ("Respect",
        "We will not tolerate any comments or posts that are defamatory, rude or abusive towards "
        "any member of our school community, whether that be children, parents, staff or "
        "governors"),
    "age-misrepresentation": ("Privacy and Safeguarding",
        "It is illegal for an adult to network by giving their age and status as a child"),
}

# --- Staff -------------------------------------------------------------------------------------


@dataclass
class Staff:
    name: str
    role: str
    accounts: dict = field(default_factory=dict)
    days: list | None = None           # None: the school default
    start: time | None = None
    end: time | None = None
    lunch: tuple | None = None
    absences: list = field(default_factory=list)        # (start, end, reason)
    declared_links: list = field(default_factory=list)  # (pupil name, relationship)

    @property
    def working_days(self):
        return self.days or DEFAULT_DAYS

    @property
    def day_start(self):
        return self.start or DEFAULT_START

    @property
    def day_end(self):
        return self.end or DEFAULT_END

    @property
    def lunch_break(self):
        return self.lunch or DEFAULT_LUNCH


REBECCA = Staff(
    name="Rebecca Hale",
    role="Class teacher (Year 5)",
    accounts={"facebook": "Rebecca Hale", "instagram": "becky.hale", "twitter": "beckyhale",
              "whatsapp": "+44 7700 900123", "snapchat": "beckyhale.snaps",
              "tiktok": "beckyhale.reads"},
    days=["mon", "tue", "wed", "thu"],
    start=time(8, 0), end=time(15, 30), lunch=(time(12, 15), time(13, 15)),
    absences=[(date(2025, 2, 3), date(2025, 2, 7), "jury service")],
    declared_links=[("Maisie Hale", "niece")],
)
STAFF = [
    REBECCA,
    Staff(name="Mark Whitfield", role="Headteacher", accounts={"facebook": "Mark Whitfield"}),
    Staff(name="Priya Shah", role="Teaching assistant (Year 5)",
          accounts={"facebook": "Priya Shah"},
          days=["mon", "tue", "wed", "thu", "fri"], start=time(8, 30), end=time(15, 15)),
]

# --- Roster ------------------------------------------------------------------------------------


@dataclass
class Pupil:
    legal_forename: str
    legal_surname: str
    dob: date
    admitted: date
    year: int                       # NC year in 2024-25, or the year group on leaving
    left: date | None = None
    preferred_forename: str | None = None
    preferred_surname: str | None = None
    accounts: str = ""
    serial: int = 0                 # UPN serial, set below
    upn_from: tuple | None = None   # (LA, establishment, year, serial) when issued elsewhere
    note: str = ""                  # why this pupil is in the sample (not exported)

    @property
    def forename(self):
        return self.preferred_forename or self.legal_forename

    @property
    def surname(self):
        return self.preferred_surname or self.legal_surname

    @property
    def name(self):
        return f"{self.forename} {self.surname}"

    @property
    def upn(self):
        if self.upn_from:   # a UPN stays with the pupil: joiners keep their first school's
            return make_upn(*self.upn_from)
        return make_upn(LA_CODE, ESTABLISHMENT, self.admitted.year, self.serial)

    def on_roll(self, day: date) -> bool:
        return self.admitted <= day and (self.left is None or day <= self.left)


def _d(text: str) -> date:
    day, month, year = (int(p) for p in text.split("/"))
    return date(year, month, day)


P = Pupil
PUPILS = [
    # Year 6 in 2024-25: Rebecca's Year 5 class of 2023-24.
    P("Oliver", "Bennett", _d("02/11/2013"), _d("05/09/2018"), 6, preferred_forename="Ollie",
      accounts="instagram:ollie.bennett2013;twitter:olliebtweets;snapchat:olliebsnaps;tiktok:ollie.bennett.13",
      note="Messenger thread as \"Ollie Bennett\""),
    P("Zoë", "Kowalczyk", _d("22/04/2014"), _d("05/09/2018"), 6,
      note="Facebook friend, written \"Zoe Kowalczyk\""),
    P("Harvey", "Collins", _d("17/01/2014"), _d("05/09/2018"), 6,
      note="Rebecca sent him a friend request"),
    P("Ruby", "Sinclair", _d("30/06/2014"), _d("05/09/2018"), 6,
      note="sent Rebecca a friend request, still pending"),
    P("Tyler", "Greaves", _d("08/09/2013"), _d("14/01/2020"), 6, upn_from=(886, 2061, 18, 214),
      note="tagged in the sports day photo"),
    # Year 5 in 2024-25: Rebecca's class.
    P("Aoife", "O'Connor", _d("09/01/2015"), _d("04/09/2019"), 5,
      note="Rebecca commented on her photo"),
    P("Grace", "Patel", _d("25/05/2015"), _d("04/09/2019"), 5,
      note="shares a first name with Rebecca's adult friend Grace Thompson"),
    P("Noah", "Fletcher", _d("03/10/2014"), _d("04/09/2019"), 5,
      note="his friend request was rejected"),
    P("Frederick", "Turner", _d("19/12/2014"), _d("04/09/2019"), 5, preferred_forename="Freddie",
      note="named with a safeguarding/SEN matter in a group chat"),
    P("Amara", "Okonkwo-Smith", _d("11/08/2015"), _d("04/09/2019"), 5,
      preferred_surname="Okonkwo"),
    # Year 4
    P("Chloé", "Martin", _d("14/02/2016"), _d("02/09/2020"), 4, note="Rebecca follows her"),
    P("Alfie", "Robinson", _d("27/09/2015"), _d("02/09/2020"), 4),
    P("Isla", "McKenzie", _d("05/05/2016"), _d("02/09/2020"), 4),
    P("Mohammed", "Rahman", _d("21/11/2015"), _d("02/09/2020"), 4),
    # Year 3
    P("William", "Forsyth", _d("12/03/2017"), _d("01/09/2021"), 3, preferred_forename="Will"),
    P("Maisie", "Hale", _d("30/07/2017"), _d("01/09/2021"), 3,
      note="Rebecca's niece, declared to the headteacher; Facebook friend"),
    P("Evie", "Hughes", _d("18/10/2016"), _d("01/09/2021"), 3),
    P("Leo", "Nowicki", _d("06/01/2017"), _d("01/09/2021"), 3),
    # Year 2
    P("Poppy", "Ward", _d("22/09/2017"), _d("07/09/2022"), 2),
    P("Jayden", "Clarke", _d("14/04/2018"), _d("07/09/2022"), 2),
    P("Sofía", "García", _d("03/07/2018"), _d("07/09/2022"), 2),
    # Year 1
    P("Ava-Rose", "Kelly", _d("09/12/2018"), _d("06/09/2023"), 1),
    P("Reuben", "Lloyd", _d("28/02/2019"), _d("06/09/2023"), 1),
    P("Siân", "Evans", _d("20/10/2018"), _d("06/09/2023"), 1),
    P("Rhys", "Jenkins", _d("15/06/2019"), _d("06/09/2023"), 1),
    # Former pupils. Year = year group on leaving.
    P("Jordan", "Reece", _d("15/01/2008"), _d("06/09/2012"), 6, left=_d("19/07/2019"),
      note="Messenger thread while he was 16"),
    P("Lily-Mae", "Dawson", _d("20/06/2009"), _d("03/09/2013"), 6, left=_d("17/07/2020"),
      note="Rebecca sent her a friend request at 15"),
    P("Harriet", "Ellis", _d("01/12/2011"), _d("07/09/2016"), 6, left=_d("21/07/2023"),
      accounts="tiktok:hattie.ellis11"),
    P("Kacper", "Wiśniewski", _d("05/05/2013"), _d("06/09/2017"), 4, left=_d("11/02/2022")),
    P("Tomasz", "Nowak", _d("08/02/2012"), _d("05/09/2016"), 4, left=_d("23/07/2021")),
    P("Megan", "Doyle", _d("15/10/2006"), _d("05/09/2011"), 6, left=_d("20/07/2018"),
      note="Facebook friend from her 18th birthday"),
    P("Callum", "Price", _d("10/03/2005"), _d("07/09/2009"), 6, left=_d("22/07/2016"),
      note="Facebook friend at 19"),
]


def _assign_serials():
    """UPN serials: 101, 102 ... within each year of allocation, in roster order."""
    counters: dict[int, int] = {}
    for pupil in (p for p in PUPILS if p.upn_from is None):
        counters[pupil.admitted.year] = counters.get(pupil.admitted.year, 100) + 1
        pupil.serial = counters[pupil.admitted.year]


_assign_serials()


def age_on(pupil: Pupil, day: date) -> int:
    years = day.year - pupil.dob.year
    return years - ((day.month, day.day) < (pupil.dob.month, pupil.dob.day))


def nc_year(dob: date, academic_year_start: int) -> int:
    """National Curriculum year in the academic year starting in September of that year."""
    return age_on(Pupil("", "", dob, dob, 0), date(academic_year_start, 8, 31)) - 4


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes made plain."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def find_pupil(display_name: str) -> Pupil | None:
    """The pupil a full display name refers to (legal or preferred names, accents ignored)."""
    wanted = fold(display_name)
    for pupil in PUPILS:
        forenames = {pupil.legal_forename, pupil.forename}
        surnames = {pupil.legal_surname, pupil.surname}
        if any(fold(f"{f} {s}") == wanted for f in forenames for s in surnames):
            return pupil
    return None


def check_roster():
    """Self-checks: valid UPNs, unique, year groups consistent with dates of birth."""
    upns = [p.upn for p in PUPILS]
    assert len(set(upns)) == len(upns), "duplicate UPN"
    for pupil in PUPILS:
        assert is_valid_upn(pupil.upn), pupil.upn
        reception = pupil.admitted.year if pupil.admitted.month >= 8 else pupil.admitted.year - 1
        year_when_admitted = nc_year(pupil.dob, reception)
        assert 0 <= year_when_admitted <= 6, (pupil.name, year_when_admitted)
        if pupil.left is None:
            assert pupil.year == nc_year(pupil.dob, 2024), (pupil.name, nc_year(pupil.dob, 2024))
        else:
            leaving_year = pupil.left.year - 1 if pupil.left.month < 8 else pupil.left.year
            assert pupil.year == nc_year(pupil.dob, leaving_year), (pupil.name, leaving_year)


check_roster()

# --- Working time ------------------------------------------------------------------------------

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def term_of(day: date):
    for label, first, last in TERMS:
        if first <= day <= last:
            return label
    return None


def working_verdict(staff: Staff, moment: datetime) -> tuple[bool, str]:
    """Whether `moment` (any aware datetime) is working time for `staff`, with the reason."""
    local = moment.astimezone(LONDON)
    day, clock = local.date(), local.time().replace(tzinfo=None)
    weekday = WEEKDAYS[day.weekday()]
    inset = dict(INSET_DAYS).get(day)
    no = "not working time: "
    if weekday not in staff.working_days:
        if weekday in ("sat", "sun"):
            return False, no + "weekend"
        return False, no + f"{local:%A} is not one of her working days"
    if day in BANK_HOLIDAYS:
        return False, no + f"bank holiday ({BANK_HOLIDAYS[day]})"
    if day in dict(CLOSURES):
        return False, no + f"school closed ({dict(CLOSURES)[day]})"
    for first, last, reason in staff.absences:
        if first <= day <= last:
            return False, no + f"recorded absence ({reason})"
    term = term_of(day)
    if term is None and inset is None:
        return False, no + "school holiday"
    where = f"INSET day outside term ({inset})" if term is None else (
        f"INSET day in {term}" if inset else term)
    start, end = staff.day_start, staff.day_end
    lunch_start, lunch_end = staff.lunch_break
    hhmm = lambda t: t.strftime("%H:%M")  # noqa: E731
    if clock < start:
        return False, no + f"{where}, before her {hhmm(start)} start"
    if clock >= end:
        return False, no + f"{where}, at or after her {hhmm(end)} end"
    if lunch_start <= clock < lunch_end:
        return False, no + f"{where}, inside her {hhmm(lunch_start)}-{hhmm(lunch_end)} lunch"
    return True, (f"working time: {where}, within {hhmm(start)}-{hhmm(end)} and outside her "
                  f"{hhmm(lunch_start)}-{hhmm(lunch_end)} lunch")


# --- Writers -----------------------------------------------------------------------------------


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _hm(t: time) -> str:
    return _q(t.strftime("%H:%M"))


def school_yaml() -> str:
    lines = [
        "# Larkfield Primary School: the sample school configuration for conduct-audit.",
        "# Entirely fictional. Generated by Samples/tools/make_facebook_sample.py from",
        "# Samples/tools/larkfield.py; edit those and regenerate rather than editing this file.",
        "school:",
        f"  name: {SCHOOL_NAME}",
        f"  aliases: [{', '.join(SCHOOL_ALIASES)}]",
        "  timezone: Europe/London",
        "  region: england-and-wales",
        "working_hours:",
        f"  days: [{', '.join(DEFAULT_DAYS)}]",
        f"  start: {_hm(DEFAULT_START)}",
        f"  end: {_hm(DEFAULT_END)}",
        f"  lunch: {{start: {_hm(DEFAULT_LUNCH[0])}, end: {_hm(DEFAULT_LUNCH[1])}}}",
        "terms:".ljust(42) + "# inclusive; the half terms of 2023-24 and 2024-25",
    ]
    for label, first, last in TERMS:
        lines.append(f"  - {{start: {first}, end: {last}}}".ljust(42) + f"# {label}")
    lines.append("closures:".ljust(42) + "# closed in term; bank holidays are built in")
    for day, why in CLOSURES:
        lines.append(f"  - {day}".ljust(42) + f"# {why}")
    lines.append("inset_days:".ljust(42) + "# staff working, no pupils")
    for day, why in INSET_DAYS:
        lines.append(f"  - {day}".ljust(42) + f"# {why}")
    lines.append("staff:")
    for s in STAFF:
        lines.append(f"  - name: {s.name}")
        lines.append(f"    role: {s.role}")
        if s.accounts:
            items = ", ".join(f"{k}: {_q(v)}" for k, v in s.accounts.items())
            lines.append(f"    accounts: {{{items}}}")
        if s.days:
            lines.append(f"    days: [{', '.join(s.days)}]")
        if s.start:
            lines.append(f"    start: {_hm(s.start)}")
        if s.end:
            lines.append(f"    end: {_hm(s.end)}")
        if s.lunch:
            lines.append(f"    lunch: {{start: {_hm(s.lunch[0])}, end: {_hm(s.lunch[1])}}}")
        if s.absences:
            lines.append("    absences:")
            for first, last, reason in s.absences:
                lines.append(f"      - {{start: {first}, end: {last}, reason: {_q(reason)}}}")
        if s.declared_links:
            lines.append("    declared_links:".ljust(42) + "# declared to the headteacher")
            for pupil, relationship in s.declared_links:
                lines.append(f"      - {{pupil: {_q(pupil)}, relationship: {_q(relationship)}}}")
    lines.append("lexicons:".ljust(42) + "# additions to the built-in word lists")
    for key, words in LEXICON_ADDITIONS.items():
        lines.append(f"  {key}: [{', '.join(_q(w) for w in words)}]")
    lines.append("policy:".ljust(42) + "# quoted from the school's social media policy")
    for rule, (section, text) in POLICY.items():
        lines.append(f"  {rule}:")
        lines.append(f"    section: {_q(section)}")
        lines.append(f"    text: {_q(text)}")
    return "\n".join(lines) + "\n"


ROSTER_HEADER = ["UPN", "Legal Forename", "Legal Surname", "Preferred Forename",
                 "Preferred Surname", "DOB", "Year", "Admission Date", "Leaving Date",
                 "Known Accounts"]


def write_roster_csv(path: Path):
    uk = lambda d: d.strftime("%d/%m/%Y") if d else ""  # noqa: E731
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")   # MIS exports use CRLF
        writer.writerow(ROSTER_HEADER)
        for p in sorted(PUPILS, key=lambda p: (p.left is not None, -p.year, p.legal_surname)):
            writer.writerow([p.upn, p.legal_forename, p.legal_surname, p.forename, p.surname,
                             uk(p.dob), p.year, uk(p.admitted), uk(p.left), p.accounts])


def write_school_yaml(path: Path):
    path.write_text(school_yaml(), encoding="utf-8")
