"""Peer assurance of the panel's scoring: the child death review manager chooses reviewed deaths
and writes a summary of each for another panel, known there only by an exchange code (A1, A2...);
the download carries nothing else that identifies a child (no reference, no date, no name); the
other panel's scoring comes back as a CSV (code, category number or code, modifiable factors,
notes), checked row by row and stored only when every row is good."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.references import next_reference
from assure.library.selectors import current_items

from ..models import ChildDeath, Exchange, ExchangeCase, Panel
from ..permissions import ensure_can_manage_cases

PREFIX = "EX-"
CATEGORY = "cdop-category"
MODIFIABLE = {choice.value for choice in ChildDeath.Modifiable}
# Words the other panel may write for the modifiable-factor decision, read as the codes.
MODIFIABLE_WORDS = {
    "yes": "identified",
    "no": "none",
    "modifiable factors identified": "identified",
    "no modifiable factors identified": "none",
    "insufficient information": "insufficient",
}
HEADER = ("code", "category", "modifiable", "notes")


def _panel_checked(*, actor, partnership, panel: Panel) -> None:
    from ..selectors.panels import panels_of

    ensure_can_manage_cases(user=actor, partnership=partnership)
    if not panels_of(partnership=partnership).filter(pk=panel.pk).exists():
        raise PermissionDenied


@transaction.atomic
def exchange_create(
    *, actor, partnership, panel: Panel, partner_panel: str, cases: list[tuple[ChildDeath, str]], notes: str = ""
) -> Exchange:
    """An exchange of the panel's reviewed ``cases`` (each a death and the summary written for the
    other panel) with ``partner_panel``, coded A1, A2... in the order given."""
    from ..selectors.panels import deaths_visible_to

    _panel_checked(actor=actor, partnership=partnership, panel=panel)
    errors: dict[str, str] = {}
    partner_panel = (partner_panel or "").strip()
    if not partner_panel:
        errors["partner_panel"] = "Enter the other panel's name, e.g. Eastshire Child Death Overview Panel."
    if not cases:
        errors["cases"] = "Choose at least one reviewed death to send."
    visible = set(
        deaths_visible_to(user=actor, partnership=partnership)
        .filter(panel=panel, status=ChildDeath.Status.REVIEWED)
        .values_list("pk", flat=True)
    )
    for death, summary in cases:
        if death.pk not in visible:
            errors["cases"] = f"{death.reference} is not one of the panel's reviewed deaths."
        elif not (summary or "").strip():
            errors[f"summary_{death.pk}"] = f"Write the summary of {death.reference} for the other panel."
    if len({death.pk for death, _summary in cases}) != len(cases):
        errors["cases"] = "Choose each death once."
    if errors:
        raise ValidationError(errors)
    reference = next_reference(partnership=panel.host, records=Exchange.objects.all(), prefix=PREFIX, digits=3)
    exchange = Exchange.objects.create(
        panel=panel, reference=reference, partner_panel=partner_panel, notes=(notes or "").strip(), created_by=actor
    )
    for number, (death, summary) in enumerate(cases, start=1):
        ExchangeCase.objects.create(exchange=exchange, death=death, code=f"A{number}", summary=summary.strip())
    event_record(
        actor=actor,
        verb="cdop.exchange_created",
        target=exchange,
        partnership=partnership,
        summary=f"{exchange.reference}: {len(cases)} case{'s' if len(cases) != 1 else ''} for {partner_panel}",
    )
    return exchange


def _category_lookup() -> dict[str, object]:
    """The library's categories by code and by number (as text)."""
    found: dict[str, object] = {}
    for item in current_items(kind=CATEGORY):
        found[item.code.lower()] = item
        number = (item.data or {}).get("number")
        if number is not None:
            found[str(number)] = item
    return found


def scoring_rows(*, exchange: Exchange, content: bytes | str) -> tuple[list[dict], list[str]]:
    """The rows of the other panel's scoring and the problems found, one message per row."""
    text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
    reader = csv.DictReader(io.StringIO(text))
    fields = [name.strip().lower() for name in (reader.fieldnames or [])]
    missing = [name for name in HEADER[:3] if name not in fields]
    if missing:
        named = ", ".join(missing)
        return [], [
            f"The file's first row must name the columns code, category, modifiable and notes: {named} missing."
        ]
    codes = {case.code.upper(): case for case in exchange.cases.all()}
    categories = _category_lookup()
    rows: list[dict] = []
    problems: list[str] = []
    seen: set[str] = set()
    for line, raw in enumerate(reader, start=2):
        row = {(key or "").strip().lower(): (value or "").strip() for key, value in raw.items()}
        if not any(row.values()):
            continue
        said: list[str] = []
        code = row.get("code", "").upper()
        case = codes.get(code)
        if case is None:
            said.append(f"no case {row.get('code') or '(blank)'} in {exchange.reference}")
        elif code in seen:
            said.append(f"case {code} is scored twice")
        seen.add(code)
        category = categories.get(row.get("category", "").lower())
        if category is None:
            said.append(f"category {row.get('category') or '(blank)'} is not a category number or code")
        modifiable = row.get("modifiable", "").lower()
        modifiable = MODIFIABLE_WORDS.get(modifiable, modifiable)
        if modifiable not in MODIFIABLE:
            said.append("modifiable must be identified, none or insufficient")
        if said:
            problems.append(f"Row {line}: {'; '.join(said)}.")
        else:
            rows.append({"case": case, "category": category, "modifiable": modifiable, "notes": row.get("notes", "")})
    if not rows and not problems:
        problems.append("The file has no rows of scoring.")
    return rows, problems


@transaction.atomic
def exchange_import(
    *, actor, partnership, exchange: Exchange, content: bytes | str, received_on: dt.date | None = None
) -> int:
    """Store the other panel's scoring from its CSV; nothing is written when any row is bad
    (a ValidationError on ``file`` lists every bad row). Returns how many cases were scored."""
    _panel_checked(actor=actor, partnership=partnership, panel=exchange.panel)
    rows, problems = scoring_rows(exchange=exchange, content=content)
    if problems:
        raise ValidationError({"file": problems})
    for row in rows:
        case = row["case"]
        case.their_category = row["category"]
        case.their_modifiable = row["modifiable"]
        case.their_notes = row["notes"]
        case.save(update_fields=["their_category", "their_modifiable", "their_notes"])
    exchange.scoring_received_on = received_on or timezone.localdate()
    exchange.save(update_fields=["scoring_received_on"])
    event_record(
        actor=actor,
        verb="cdop.exchange_scored",
        target=exchange,
        partnership=partnership,
        summary=f"{exchange.reference}: scoring of {len(rows)} case{'s' if len(rows) != 1 else ''} received",
    )
    return len(rows)
