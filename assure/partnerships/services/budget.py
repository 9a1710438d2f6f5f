"""Changes to the partnership's budget: partners' contributions and expenditure lines, each for
one financial year. Amounts are pounds and must be more than zero."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from assure.audit.services import event_record
from assure.core.services import model_update

from ..models import Agency, Contribution, Expenditure, Partnership, PartnershipAgency
from ..permissions import ensure_can_manage
from ..years import financial_year_problem


def _year_and_amount_errors(year: str, amount) -> dict[str, str]:
    errors = {}
    problem = financial_year_problem((year or "").strip())
    if problem:
        errors["year"] = problem
    try:
        value = Decimal(amount) if amount is not None and amount != "" else None
    except (InvalidOperation, TypeError, ValueError):
        value = None
        errors["amount"] = "Enter the amount in pounds, like 1250.50."
    if "amount" not in errors:
        if value is None:
            errors["amount"] = "Enter the amount."
        elif value <= 0:
            errors["amount"] = "Enter an amount greater than £0."
    return errors


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


def _expenditure_errors(year: str, line: str, amount) -> dict[str, str]:
    errors = _year_and_amount_errors(year, amount)
    if not line:
        errors["line"] = "Enter what the money was spent on."
    return errors


@transaction.atomic
def expenditure_create(
    *, actor, partnership: Partnership, year: str, line: str, amount: Decimal, note: str = ""
) -> Expenditure:
    """Add a line of spending to the partnership's budget for a financial year."""
    ensure_can_manage(user=actor, partnership=partnership)
    year, line = (year or "").strip(), (line or "").strip()
    errors = _expenditure_errors(year, line, amount)
    if errors:
        raise ValidationError(errors)
    expenditure = Expenditure(partnership=partnership, year=year, line=line, amount=amount, note=note)
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
    *, actor, expenditure: Expenditure, year: str, line: str, amount: Decimal, note: str = ""
) -> Expenditure:
    """Correct an expenditure line: its year, description, amount or note."""
    partnership = expenditure.partnership
    ensure_can_manage(user=actor, partnership=partnership)
    year, line = (year or "").strip(), (line or "").strip()
    errors = _expenditure_errors(year, line, amount)
    if errors:
        raise ValidationError(errors)
    model_update(
        instance=expenditure,
        fields=["year", "line", "amount", "note"],
        data={"year": year, "line": line, "amount": amount, "note": note},
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
