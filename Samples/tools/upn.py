"""DfE Unique Pupil Numbers (UPNs) for the fictional Larkfield sample roster.

A UPN is 13 characters: a check letter, then 12 digits made of the local authority code (3),
the school's establishment number (4), the two-digit year of allocation (2) and a serial (3).
The check letter is computed from characters 2..13: each character's value (a digit's own value)
times its position (weights 2..13), summed, modulo 23, mapped onto the 23 letters
"ABCDEFGHJKLMNPQRTUVWXYZ" (no I, O or S).

    >>> check_letter('801200005001')   # B801200005001, the example UPN python-stdnum documents
    'B'
    >>> make_upn(931, 2417, 18, 101)
    'M931241718101'
    >>> is_valid_upn('M931241718101')
    True
    >>> is_valid_upn('A931241718101')
    False

Usage: python3 upn.py 931 2417 18 101   (prints the UPN). Standard library only.
"""

import sys

CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def check_letter(body: str) -> str:
    """The check letter for the 12 characters that follow it."""
    if len(body) != 12:
        raise ValueError(f"a UPN body has 12 characters, not {len(body)}: {body!r}")
    total = 0
    for position, char in enumerate(body, start=2):
        value = int(char) if char.isdigit() else CHECK_LETTERS.index(char)
        total += value * position
    return CHECK_LETTERS[total % 23]


def make_upn(la_code: int, establishment: int, year: int, serial: int) -> str:
    """A UPN from LA code, establishment number, year of allocation (2 digits) and serial."""
    body = f"{la_code:03d}{establishment:04d}{year % 100:02d}{serial:03d}"
    return check_letter(body) + body


def is_valid_upn(upn: str) -> bool:
    """Whether `upn` is 13 characters with a correct check letter."""
    return len(upn) == 13 and upn[1:].isdigit() and upn[0] == check_letter(upn[1:])


if __name__ == "__main__":
    if len(sys.argv) == 5:
        print(make_upn(*(int(a) for a in sys.argv[1:])))
    else:
        import doctest

        failures, _ = doctest.testmod()
        sys.exit(1 if failures else 0)
