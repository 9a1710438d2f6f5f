"""Changes to the partnership's budget: partners' contributions and expenditure lines, each for
one financial year. Amounts are pounds: a contribution more than zero; an expenditure line's
spending so far zero or more, with its planned amount and the business unit's forecast for the
year where it gives them."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from assure.audit.services import event_record
from assure.core.services import model_update

from ..models import Agency, Contribution, Expenditure, Partnership, PartnershipAgency
from ..permissions import ensure_can_manage
from ..years import financial_year_problem


def _year_and_amount_errors(year: str, amount, *, zero_allowed: bool = False) -> dict[str, str]:
    errors = {}
    problem = financial_year_problem((year or "").strip())
    if problem:
        errors["year"] = problem
    errors |= _money_errors("amount", amount, required=True, zero_allowed=zero_allowed)
    return errors


def _money_errors(field: str, amount, *, required: bool, zero_allowed: bool) -> dict[str, str]:
    try:
        value = Decimal(amount) if amount is not None and amount != "" else None
    except (InvalidOperation, TypeError, ValueError):
        return {field: "Enter the amount in pounds, like 1250.50."}
    if value is None:
        return {field: "Enter the amount."} if required else {}
    if value < 0 or (value == 0 and not zero_allowed):
        return {field: "Enter an amount of £0 or more." if zero_allowed else "Enter an amount greater than £0."}
    return {}


def _contributor_errors(partnership: Partnership, agency: Agency | None, source: str) -> dict[str, str]:
    if agency is None and not source:
        return {"agency": "Choose the contributing agency, or name another source of income."}
    if agency is not None and source:
        return {"source": "Choose an agency or name another source of income, not both."}
    if agency is not None and not PartnershipAgency.objects.filter(partnership=partnership, agency=agency).exists():
        return {"agency": "Choose an agency of this partnership."}
    return {}


def _money(amount) -> str:
    return f"£{Decimal(amount):,.2f}"


@transaction.atomic
def contribution_create(
    *,
    actor,
    partnership: Partnership,
    year: str,
    amount: Decimal,
    agency: Agency | None = None,
    source: str = "",
    note: str = "",
) -> Contribution:
    """Add a contribution to the partnership's budget for a financial year, from one of its
    agencies or from another named source."""
    ensure_can_manage(user=actor, partnership=partnership)
    year, source = (year or "").strip(), (source or "").strip()
    errors = {**_year_and_amount_errors(year, amount), **_contributor_errors(partnership, agency, source)}
    if errors:
        raise ValidationError(errors)
    contribution = Contribution(
        partnership=partnership, year=year, amount=amount, agency=agency, source=source, note=note
    )
    contribution.full_clean()
    contribution.save()
    event_record(
        actor=actor,
        verb="contribution.added",
        target=contribution,
        partnership=partnership,
        summary=f"Contribution from {contribution.contributor} of {_money(amount)} added for {year}",
    )
    return contribution


@transaction.atomic
def contribution_update(
    *,
    actor,
    contribution: Contribution,
    year: str,
    amount: Decimal,
    agency: Agency | None = None,
    source: str = "",
    note: str = "",
) -> Contribution:
    """Correct a contribution: its year, contributor, amount or note."""
    partnership = contribution.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    year, source = (year or "").strip(), (source or "").strip()
    errors = {**_year_and_amount_errors(year, amount), **_contributor_errors(partnership, agency, source)}
    if errors:
        raise ValidationError(errors)
    model_update(
        instance=contribution,
        fields=["year", "amount", "agency", "source", "note"],
        data={"year": year, "amount": amount, "agency": agency, "source": source, "note": note},
    )
    event_record(
        actor=actor,
        verb="contribution.updated",
        target=contribution,
        partnership=partnership,
        summary=f"Contribution from {contribution.contributor} for {year} updated to {_money(amount)}",
    )
    return contribution


@transaction.atomic
def contribution_delete(*, actor, contribution: Contribution) -> None:
    """Delete a contribution entered in error; the trail keeps what it was."""
    partnership = contribution.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    summary = f"Contribution from {contribution.contributor} of {_money(contribution.amount)} for {contribution.year}"
    event_record(
        actor=actor,
        verb="contribution.deleted",
        target=contribution,
        partnership=partnership,
        summary=f"{summary} deleted",
    )
    contribution.delete()


def _expenditure_errors(year: str, line: str, amount, planned, forecast) -> dict[str, str]:
    errors = _year_and_amount_errors(year, amount, zero_allowed=True)
    errors |= _money_errors("planned", planned, required=False, zero_allowed=True)
    errors |= _money_errors("forecast", forecast, required=False, zero_allowed=True)
    if not line:
        errors["line"] = "Enter what the money was spent on."
    return errors


@transaction.atomic
def expenditure_create(
    *,
    actor,
    partnership: Partnership,
    year: str,
    line: str,
    amount: Decimal,
    planned: Decimal | None = None,
    forecast: Decimal | None = None,
    note: str = "",
) -> Expenditure:
    """Add a line of spending to the partnership's budget for a financial year: what has been
    spent so far (``amount``, £0 or more), what was planned and, if the business unit gives one,
    its forecast for the whole year."""
    ensure_can_manage(user=actor, partnership=partnership)
    year, line = (year or "").strip(), (line or "").strip()
    errors = _expenditure_errors(year, line, amount, planned, forecast)
    if errors:
        raise ValidationError(errors)
    expenditure = Expenditure(
        partnership=partnership,
        year=year,
        line=line,
        amount=amount,
        planned=planned,
        forecast=forecast,
        note=note,
    )
    expenditure.full_clean()
    expenditure.save()
    event_record(
        actor=actor,
        verb="expenditure.added",
        target=expenditure,
        partnership=partnership,
        summary=f"Expenditure on {line} of {_money(amount)} added for {year}",
    )
    return expenditure


@transaction.atomic
def expenditure_update(
    *,
    actor,
    expenditure: Expenditure,
    year: str,
    line: str,
    amount: Decimal,
    planned: Decimal | None = None,
    forecast: Decimal | None = None,
    note: str = "",
) -> Expenditure:
    """Correct or bring up to date an expenditure line: its year, description, spending so far,
    planned amount, forecast for the year or note."""
    partnership = expenditure.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    year, line = (year or "").strip(), (line or "").strip()
    errors = _expenditure_errors(year, line, amount, planned, forecast)
    if errors:
        raise ValidationError(errors)
    model_update(
        instance=expenditure,
        fields=["year", "line", "amount", "planned", "forecast", "note"],
        data={"year": year, "line": line, "amount": amount, "planned": planned, "forecast": forecast, "note": note},
    )
    event_record(
        actor=actor,
        verb="expenditure.updated",
        target=expenditure,
        partnership=partnership,
        summary=f"Expenditure on {line} for {year} updated to {_money(amount)}",
    )
    return expenditure


@transaction.atomic
def expenditure_delete(*, actor, expenditure: Expenditure) -> None:
    """Delete an expenditure line entered in error; the trail keeps what it was."""
    partnership = expenditure.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    event_record(
        actor=actor,
        verb="expenditure.deleted",
        target=expenditure,
        partnership=partnership,
        summary=f"Expenditure on {expenditure.line} of {_money(expenditure.amount)} for {expenditure.year} deleted",
    )
    expenditure.delete()
