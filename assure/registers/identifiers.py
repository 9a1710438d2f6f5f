"""Refusing what an entry must never hold: a person's name, a full date of birth or an address.

A register knows a child by the agency's own reference and, where its kind asks, an age, a month
of birth, a sex and an area. The questionnaire engine only *warns* when free text looks as if it
names someone (``assure/questionnaires/identifying.py``); a register's reference, area and short
text fields are not free text, so here the same heuristics *refuse*. The rules stay simple enough
to explain to the person refused:

- **a name**: two or more capitalised words in a row (``Jane Smith``, ``Smith, Jane``), none of
  them an institution's or a place's word (``West Mercia Police``, ``North Shropshire``,
  ``Oak Lodge``) nor one of the words the caller knows to be safe;
- **a full date of birth**: a real day, month and year in any common form (``03/04/2009``,
  ``3 April 2009``, ``April 3rd 2009``, ``2009-04-03``);
- **an address**: a house number followed by a street word (``12 Castle Street``) or a postcode
  (``SY1 1AA``).

References such as ``MARAC/00123`` or ``CSE-2015-044`` pass.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from assure.questionnaires.identifying import _INSTITUTIONAL, _MONTHS

# A place's or a building's words: the names of areas ("North Shropshire", "Market Drayton") and
# of homes ("Oak Lodge") are capitalised too, and are what an area or a home's name should hold.
# The heuristic's own vocabulary, never shown to anyone.
_PLACES = {
    "abbey",
    "bridge",
    "castle",
    "central",
    "church",
    "close",
    "cottage",
    "cottages",
    "east",
    "farm",
    "gardens",
    "grange",
    "great",
    "green",
    "hall",
    "heath",
    "hill",
    "home",
    "homes",
    "house",
    "little",
    "lodge",
    "lower",
    "manor",
    "market",
    "mews",
    "mill",
    "much",
    "new",
    "north",
    "old",
    "park",
    "place",
    "rural",
    "south",
    "town",
    "upon",
    "upper",
    "urban",
    "vale",
    "valley",
    "view",
    "villa",
    "west",
    "wood",
}
_SAFE = _INSTITUTIONAL | _PLACES

_WORD = r"[A-Z][a-z]+(?:['’][a-z]+)?(?:-[A-Z]?[a-z]+)*"
_RUN = re.compile(rf"{_WORD}(?:(?:[ \t]+|,[ \t]*){_WORD})+")

_MONTH_WORDS = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_NUMBER = {name: number for number, name in enumerate(_MONTHS[:12], start=1)} | {
    name: number for name, number in zip(_MONTHS[12:], (1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12), strict=True)
}
_DAY_FIRST = re.compile(r"(?<![\d/.\-])(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?![\d/.\-])")
_YEAR_FIRST = re.compile(r"(?<![\d/.\-])(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?![\d/.\-])")
_DAY_MONTH_WORDS = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_WORDS})\.?,?\s+(\d{{4}}|\d{{2}})\b", re.IGNORECASE
)
_MONTH_DAY_WORDS = re.compile(
    rf"\b({_MONTH_WORDS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}|\d{{2}})\b", re.IGNORECASE
)

# Words that only ever name a street, in any case; and words that also have an everyday meaning
# ("on the way", "a walk in the park"), which count only when capitalised as a street's are.
_STREET_WORDS = "street|st|road|rd|avenue|ave|lane|ln|drive|crescent|terrace|grove|boulevard|mews|cul-de-sac"
_STREET_WORDS_CAPITALISED = (
    "Way|Close|Place|Court|Gardens|Hill|Walk|Row|Square|Rise|View|Park|Green|Parade|Bank|Fields|Meadows?|"
    "Croft|End|Gate|Yard|Wharf|Chase|Vale|Drive|Dr"
)
_HOUSE_AND_STREET = re.compile(
    rf"\b\d{{1,4}}[a-zA-Z]?,?\s+(?:[A-Za-z'’\-]+\s+){{1,3}}(?:{_STREET_WORDS})\b", re.IGNORECASE
)
_HOUSE_AND_CAPITALISED_STREET = re.compile(
    rf"\b\d{{1,4}}[a-zA-Z]?,?\s+(?:[A-Z][A-Za-z'’\-]*\s+){{1,3}}(?:{_STREET_WORDS_CAPITALISED})\b"
)
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)


def identifier_problem(text: str, *, what: str, known: Iterable[str] = ()) -> str | None:
    """A message when text looks like a person's name (two or more capitalised words that are not
    an institution's words, e.g. "Jane Smith"), a full date of birth (a day, month and year in
    any common form: 03/04/2009, 3 April 2009, 2009-04-03) or an address (a house number and a
    street word, or a postcode); None when it is acceptable. `what` names the field in the
    message ("The agency's reference must not be a name: ..."). ``known`` are names the caller
    knows to be safe (its partnership's, its agencies'): their words never count towards a name."""
    if not text or not str(text).strip():
        return None
    text = str(text)
    what = what[:1].upper() + what[1:]
    if looks_like_a_full_date(text):
        return f"{what} must not be a date of birth: record the age or the month of birth the register asks for"
    if looks_like_an_address(text):
        return f"{what} must not be an address or a postcode: record the area the register asks for"
    if looks_like_a_name(text, known=known):
        return f"{what} must not be a name: use the agency's own case reference"
    return None


def looks_like_a_name(text: str, *, known: Iterable[str] = ()) -> bool:
    safe = _SAFE | {word.lower() for name in known for word in re.findall(r"[\w'’-]+", name)}
    for run in _RUN.finditer(text):
        words = re.split(r"[ \t,]+", run.group())
        if len(words) >= 2 and not any(_plain(word) in safe for word in words):
            return True
    return False


def looks_like_a_full_date(text: str) -> bool:
    """A real calendar date with its day, month and year, however written."""
    for match in _DAY_FIRST.finditer(text):
        if _is_date(match.group(3), match.group(2), match.group(1)):
            return True
    for match in _YEAR_FIRST.finditer(text):
        if _is_date(match.group(1), match.group(2), match.group(3)):
            return True
    for match in _DAY_MONTH_WORDS.finditer(text):
        if _is_date(match.group(3), _MONTH_NUMBER[match.group(2).lower()], match.group(1)):
            return True
    for match in _MONTH_DAY_WORDS.finditer(text):
        if _is_date(match.group(3), _MONTH_NUMBER[match.group(1).lower()], match.group(2)):
            return True
    return False


def looks_like_an_address(text: str) -> bool:
    return bool(_HOUSE_AND_STREET.search(text) or _HOUSE_AND_CAPITALISED_STREET.search(text) or _POSTCODE.search(text))


def _is_date(year, month, day) -> bool:
    year = int(year)
    if year < 100:
        year += 2000  # a two-digit year: either century is a real date, so which does not matter
    try:
        dt.date(year, int(month), int(day))
    except ValueError:
        return False
    return True


def _plain(word: str) -> str:
    return word.lower().replace("’", "'")
