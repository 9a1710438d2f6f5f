"""A warning, never an error, when free text looks as if it names a person or gives a date of
birth: records about children are identified by an agency's case reference, not by name.

The rules are deliberately simple, so the warning can be explained to the person who sees it:

- **a name**: two or more capitalised words in a row (``Jane Smith``), not counting the word a
  sentence starts with, where none of the words is an institutional word (``Social Care``,
  ``West Mercia Police``, ``Child Protection Conference``) or one the caller knows to be safe
  (its agencies' names);
- **a date of birth**: a date written as figures (``3/4/2009``, ``03.04.09``, ``3-4-2009``) or
  with the month's name (``3 April 2009``, ``April 3rd 2009``), or the words ``DOB``, ``date of
  birth`` or ``born``.

It will sometimes warn about something harmless (a date a meeting was held) and miss a name
written in lower case: it is a prompt to check, not a filter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

WARNING = "This looks like it may name a child or give a date of birth: use the agency's case reference instead"

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
)

# Words that start with a capital in the ordinary run of safeguarding writing without naming a
# person: institutions, services, roles, places' kinds, days and months. The heuristic's own
# vocabulary (it is never shown to anyone), not reference content.
_INSTITUTIONAL = {
    "academy",
    "agency",
    "area",
    "assessment",
    "authority",
    "board",
    "borough",
    "care",
    "centre",
    "chair",
    "chairs",
    "child",
    "children",
    "children's",
    "city",
    "clinic",
    "clinical",
    "college",
    "commissioning",
    "committee",
    "community",
    "conference",
    "consultant",
    "core",
    "council",
    "county",
    "court",
    "cps",
    "criminal",
    "department",
    "designated",
    "development",
    "direct",
    "doctor",
    "early",
    "education",
    "emergency",
    "england",
    "family",
    "federation",
    "foundation",
    "framework",
    "friday",
    "general",
    "governor",
    "governors",
    "group",
    "head",
    "health",
    "health-visiting",
    "help",
    "hospital",
    "housing",
    "independent",
    "initial",
    "justice",
    "lado",
    "lead",
    "local",
    "management",
    "manager",
    "mash",
    "mental",
    "midwife",
    "midwifery",
    "monday",
    "multi",
    "named",
    "national",
    "nhs",
    "nurse",
    "nursery",
    "offending",
    "officer",
    "paediatric",
    "paediatrician",
    "partnership",
    "plan",
    "police",
    "practice",
    "practitioner",
    "primary",
    "probation",
    "protection",
    "provider",
    "referral",
    "review",
    "reviewing",
    "safeguarding",
    "saturday",
    "school",
    "schools",
    "secondary",
    "service",
    "services",
    "social",
    "specialist",
    "strategy",
    "street",
    "subgroup",
    "sunday",
    "support",
    "teacher",
    "teachers",
    "team",
    "teams",
    "the",
    "thursday",
    "trust",
    "tuesday",
    "unit",
    "university",
    "visiting",
    "visitor",
    "ward",
    "wednesday",
    "worker",
    "youth",
} | set(_MONTHS)

_WORD = r"[A-Z][a-z]+(?:['’][a-z]+)?(?:-[A-Z]?[a-z]+)*"
_RUN = re.compile(rf"{_WORD}(?:[ \t]+{_WORD})+")
_SENTENCE_END = re.compile(r"(^|[.!?:;]|\n)[\s\"'“‘(\-•*]*$")

_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b")
_MONTH_WORDS = "|".join(_MONTHS)
_WORDED_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_WORDS})\.?,?\s+\d{{2,4}}\b"
    rf"|\b(?:{_MONTH_WORDS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}}\b",
    re.IGNORECASE,
)
_BIRTH_WORDS = re.compile(r"\bD\.?O\.?B\b|\bdate of birth\b|\bborn\b", re.IGNORECASE)


def identifying_warning(text: str | None, *, known: Iterable[str] = ()) -> str | None:
    """The warning to show under ``text`` when it looks as if it names a person or gives a date
    of birth, else None. ``known`` are names the caller knows to be safe (its agencies, its
    teams): their words never count towards a name."""
    if not text or not text.strip():
        return None
    if looks_like_a_date_of_birth(text) or looks_like_a_name(text, known=known):
        return WARNING
    return None


def looks_like_a_date_of_birth(text: str) -> bool:
    return bool(_NUMERIC_DATE.search(text) or _WORDED_DATE.search(text) or _BIRTH_WORDS.search(text))


def looks_like_a_name(text: str, *, known: Iterable[str] = ()) -> bool:
    safe = _INSTITUTIONAL | {word.lower() for name in known for word in re.findall(r"[\w'’-]+", name)}
    for run in _RUN.finditer(text):
        words = run.group().split()
        if _SENTENCE_END.search(text[: run.start()]):
            words = words[1:]  # a sentence's first word has its capital for that reason alone
        if len(words) < 2:
            continue
        if any(_plain(word) in safe for word in words):
            continue
        return True
    return False


def _plain(word: str) -> str:
    return word.lower().replace("’", "'")
