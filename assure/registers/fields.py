"""Reading an entry's values, whoever sent them: the entry form, a row of an agency's monthly
upload, or a provider's notification. Every source sends text (or, from a spreadsheet, a cell's
own date, number or true/false); this module turns it into what ``Entry`` stores and says, in the
domain's words and by the key it came under, what is wrong.

What is stored (``Entry.values``, by field code) is JSON: yes-no as ``"yes"``/``"no"``, a single
choice as its code, a multiple choice as a list of codes in the kind's order, a number as a
number, a date as ``"2015-03-02"``, a date and time as ``"2015-03-02T21:40:00"`` (local time), a
time as ``"21:40"``, text stripped. A blank value is not stored at all."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.formats import date_format

from assure.library.schemas_registers import RegisterField
from assure.library.selectors import current_items

from .identifiers import identifier_problem
from .kinds import RegisterKind

SEX_KIND = "register-sex"
IDENTIFIERS = ("age", "birth-month", "sex", "area")
# The raw keys of what every entry carries besides its kind's fields.
REFERENCE_KEY = "agency_reference"
IDENTIFIER_KEYS = {"age": "age", "birth-month": "birth_month", "sex": "sex", "area": "area"}

# The model's own column lengths; long text is bounded so that one entry cannot hold a case file.
REFERENCE_LENGTH = 40
AREA_LENGTH = 80
TEXT_LENGTH = 200
LONG_TEXT_LENGTH = 5000
# Not a rule of any register: an age beyond a lifetime is a typing slip.
OLDEST_AGE = 120

_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)(?::[0-5]\d)?$")
_MONTH_YEAR_FIRST = re.compile(r"^(\d{4})[-/](\d{1,2})$")
_MONTH_YEAR_LAST = re.compile(r"^(\d{1,2})[-/](\d{4})$")


@dataclass(frozen=True)
class ParsedEntry:
    agency_reference: str
    age: int | None
    birth_month: dt.date | None
    sex: str
    area: str
    values: dict  # by field code, JSON-able
    occurred_on: dt.date | None  # the kind's counted_by value's date


def sex_codes() -> set[str]:
    """The codes a register's sex may take (the library's ``register-sex`` items)."""
    return set(current_items(kind=SEX_KIND).values_list("code", flat=True))


def sex_choices() -> list[tuple[str, str]]:
    """The library's sexes as (code, title), in the library's order."""
    items = sorted(current_items(kind=SEX_KIND), key=lambda item: (item.data.get("order", 0), item.code))
    return [(item.code, item.title) for item in items]


# --- one value -----------------------------------------------------------------------------------


def _blank(raw) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    if isinstance(raw, (list, tuple)):
        return not any(not _blank(part) for part in raw)
    return False


def _choice_codes(field: RegisterField) -> list[tuple[str, str]]:
    if field.type == "yes-no":
        return [("yes", "Yes"), ("no", "No")]
    return [(choice.code, choice.label) for choice in field.choices]


def _choice(field: RegisterField, raw: str) -> str | None:
    wanted = raw.strip().casefold()
    for code, label in _choice_codes(field):
        if wanted in {code.casefold(), label.casefold()}:
            return code
    return None


def _date(raw) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = str(raw).strip()
    text = text.split("T")[0] if "T" in text else text
    text = text.split(" ")[0] if re.match(r"^\S+ 00:00(:00)?$", text) else text  # a spreadsheet's midnight
    if match := _DAY_FIRST.match(text):
        day, month, year = match.groups()
    elif match := _YEAR_FIRST.match(text):
        year, month, day = match.groups()
    else:
        return None
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _time(raw) -> dt.time | None:
    if isinstance(raw, dt.time):
        return raw.replace(second=0, microsecond=0)
    if isinstance(raw, dt.datetime):
        return raw.time().replace(second=0, microsecond=0)
    match = _TIME.match(str(raw).strip())
    return dt.time(int(match.group(1)), int(match.group(2))) if match else None


def _datetime(raw) -> dt.datetime | None:
    if isinstance(raw, dt.datetime):
        return raw.replace(tzinfo=None, second=0, microsecond=0)
    text = str(raw).strip().replace("T", " ")
    parts = text.split()
    if len(parts) != 2:
        return None
    day, time = _date(parts[0]), _time(parts[1])
    return dt.datetime.combine(day, time) if day and time else None


def _number(raw) -> int | float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        number = Decimal(str(raw))
    else:
        try:
            number = Decimal(str(raw).strip().replace(",", ""))
        except InvalidOperation:
            return None
    if not number.is_finite():
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def parse_value(field: RegisterField, raw) -> tuple[object, str | None]:
    """Read what a form or an upload cell sent into the value stored (None when blank) or a
    message naming the field. yes-no accepts yes/no (and Y/N, true/false in uploads); single
    a choice code or its label (case-insensitive); multiple a list or "a;b"; number an integer
    or decimal; date d/m/yyyy or yyyy-mm-dd (and an Excel date cell); datetime "yyyy-mm-dd HH:MM"
    or "d/m/yyyy HH:MM"; time HH:MM; text/long-text stripped (text fields are checked with
    identifier_problem too)."""
    if _blank(raw):
        return None, None
    label = field.label
    match field.type:
        case "yes-no":
            if isinstance(raw, bool):
                return ("yes" if raw else "no"), None
            text = str(raw).strip().casefold()
            if text in _YES:
                return "yes", None
            if text in _NO:
                return "no", None
            return None, f"{label}: answer yes or no"
        case "single":
            code = _choice(field, str(raw))
            if code is None:
                return None, f"{label}: choose one of {_offered(field)}"
            return code, None
        case "multiple":
            parts = raw if isinstance(raw, (list, tuple)) else str(raw).split(";")
            chosen = set()
            for part in parts:
                if _blank(part):
                    continue
                code = _choice(field, str(part))
                if code is None:
                    return None, f"{label}: {str(part).strip()} is not one of {_offered(field)}"
                chosen.add(code)
            exclusive = [choice for choice in field.choices if choice.exclusive and choice.code in chosen]
            if exclusive and len(chosen) > 1:
                return None, f"{label}: {exclusive[0].label} cannot be chosen with another answer"
            return [choice.code for choice in field.choices if choice.code in chosen], None
        case "number":
            number = _number(raw)
            if number is None:
                return None, f"{label}: enter a number, like 2"
            if number < 0:
                return None, f"{label}: enter a number of 0 or more"
            return number, None
        case "date":
            day = _date(raw)
            if day is None:
                return None, f"{label}: enter a real date, like 27/3/2015"
            return day.isoformat(), None
        case "datetime":
            when = _datetime(raw)
            if when is None:
                return None, f"{label}: enter a real date and a time, like 27/3/2015 21:40"
            return when.isoformat(timespec="seconds"), None
        case "time":
            time = _time(raw)
            if time is None:
                return None, f"{label}: enter a time of day, like 09:00"
            return time.strftime("%H:%M"), None
        case "text" | "long-text":
            text = str(raw).strip()
            limit = TEXT_LENGTH if field.type == "text" else LONG_TEXT_LENGTH
            if len(text) > limit:
                return None, f"{label}: use {limit} characters or fewer"
            if field.type == "text" and (problem := identifier_problem(text, what=label)):
                return None, problem
            return text, None
    return None, f"{label}: this register cannot read a {field.type} field"  # pragma: no cover


def _offered(field: RegisterField) -> str:
    labels = [label for _code, label in _choice_codes(field)]
    return ", ".join(labels[:-1]) + " or " + labels[-1] if len(labels) > 1 else labels[0]


# --- the whole entry ------------------------------------------------------------------------------


def _text(raw) -> str:
    return "" if _blank(raw) else str(raw).strip()


def _age(raw) -> tuple[int | None, str | None]:
    number = _number(raw)
    if number is None or not isinstance(number, int) or not 0 <= number <= OLDEST_AGE:
        return None, "Age: enter the age in whole years, like 14"
    return number, None


def _birth_month(raw, *, today: dt.date) -> tuple[dt.date | None, str | None]:
    if isinstance(raw, dt.date):
        month = raw.date() if isinstance(raw, dt.datetime) else raw
        month = month.replace(day=1)
    else:
        text = str(raw).strip()
        if match := _MONTH_YEAR_FIRST.match(text):
            year, number = match.groups()
        elif match := _MONTH_YEAR_LAST.match(text):
            number, year = match.groups()
        elif _date(text) is not None:
            return None, "Month of birth: give the month and year only, never the day"
        else:
            return None, "Month of birth: enter the month and year, like 4/2009"
        try:
            month = dt.date(int(year), int(number), 1)
        except ValueError:
            return None, "Month of birth: enter a real month and year, like 4/2009"
    if month > today:
        return None, "Month of birth: it cannot be in the future"
    return month, None


def parse_entry(
    kind: RegisterKind,
    raw: Mapping[str, object],
    *,
    sexes: set[str],
    known: Iterable[str] = (),
    today: dt.date | None = None,
) -> tuple[ParsedEntry | None, dict[str, str]]:
    """The whole entry from raw values keyed agency_reference, age, birth_month ("yyyy-mm" or a
    month date), sex, area and the kind's field codes; errors by the same keys. Identifiers the
    kind does not ask for must be blank (an error if given). Required fields must be present.
    agency_reference is required and checked with identifier_problem; area too. ``known`` are
    names safe in an area (the partnership's, its agencies')."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    asked = set(kind.spec.identifiers)

    reference = _text(raw.get(REFERENCE_KEY))
    if not reference:
        errors[REFERENCE_KEY] = "The agency's reference: enter the case reference in the agency's own system"
    elif len(reference) > REFERENCE_LENGTH:
        errors[REFERENCE_KEY] = f"The agency's reference: use {REFERENCE_LENGTH} characters or fewer"
    elif problem := identifier_problem(reference, what="the agency's reference", known=known):
        errors[REFERENCE_KEY] = problem

    for identifier, key in IDENTIFIER_KEYS.items():
        if identifier not in asked and not _blank(raw.get(key)):
            errors[key] = f"This register does not record the {_IDENTIFIER_WORDS[identifier]}: leave it blank"

    age = birth_month = None
    sex = area = ""
    if "age" in asked and not _blank(raw.get("age")):
        age, problem = _age(raw.get("age"))
        if problem:
            errors["age"] = problem
    if "birth-month" in asked and not _blank(raw.get("birth_month")):
        birth_month, problem = _birth_month(raw.get("birth_month"), today=today)
        if problem:
            errors["birth_month"] = problem
    if "sex" in asked and not _blank(raw.get("sex")):
        sex = _text(raw.get("sex")).casefold()
        if sex not in sexes:
            errors["sex"] = "Sex: choose one of " + ", ".join(sorted(sexes))
    if "area" in asked and not _blank(raw.get("area")):
        area = _text(raw.get("area"))
        if len(area) > AREA_LENGTH:
            errors["area"] = f"Area: use {AREA_LENGTH} characters or fewer"
        elif problem := identifier_problem(area, what="the area", known=known):
            errors["area"] = problem

    values: dict[str, object] = {}
    for field in kind.spec.fields:
        value, problem = parse_value(field, raw.get(field.code))
        if problem:
            errors[field.code] = problem
        elif value is None or value == []:
            if field.required:
                errors[field.code] = f"{field.label}: {_needed(field)}"
        else:
            values[field.code] = value

    if errors:
        return None, errors
    counted = values.get(kind.spec.counted_by)
    occurred_on = dt.date.fromisoformat(str(counted)[:10]) if counted else None
    return (
        ParsedEntry(
            agency_reference=reference,
            age=age,
            birth_month=birth_month,
            sex=sex,
            area=area,
            values=values,
            occurred_on=occurred_on,
        ),
        {},
    )


_IDENTIFIER_WORDS = {"age": "age", "birth-month": "month of birth", "sex": "sex", "area": "area"}


def _needed(field: RegisterField) -> str:
    return {
        "yes-no": "answer yes or no",
        "single": "choose one",
        "multiple": "choose at least one",
        "date": "enter the date",
        "datetime": "enter the date and time",
        "time": "enter the time",
    }.get(field.type, "this is needed")


# --- showing a value ------------------------------------------------------------------------------


def displayed(field: RegisterField, value) -> str:
    """A stored value as a page or an export shows it (plain text: no markup)."""
    if value is None or value == "" or value == []:
        return ""
    match field.type:
        case "yes-no" | "single":
            return dict(_choice_codes(field)).get(str(value), str(value))
        case "multiple":
            labels = dict(_choice_codes(field))
            return "; ".join(labels.get(code, code) for code in value)
        case "number":
            return str(value)
        case "date":
            day = _date(value)
            return date_format(day, "j F Y") if day else str(value)
        case "datetime":
            when = _datetime(value)
            return f"{date_format(when.date(), 'j F Y')} at {when.strftime('%H:%M')}" if when else str(value)
    return str(value)
