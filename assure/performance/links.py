"""Performance's records that other parts of Assure may point at (``assure/core/links.py``):
registered from ``PerformanceConfig.ready()`` by ``register_links``. Each kind finds its records
through performance's own selectors, given the user, so nobody links what they may not see."""

from assure.core.links import LinkableKind, register_linkable

# --- exception report items: what a challenge may be about -----------------------------------


def _exception_item_label(item) -> str:
    return f"Exception report, {item.report.period}: {item.indicator.definition.title}"


def exception_item_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The items of the partnership's exception reports the user may see, newest report first."""
    from .selectors.exceptions import exception_items

    items = exception_items(user=user, partnership=partnership).order_by("-report__created_at", "-report_id", "pk")
    return [(str(item.pk), _exception_item_label(item)) for item in items]


def exception_item_find(*, user, partnership, pk):
    """The exception report item ``pk`` when the user may see it in the partnership, else None."""
    from .selectors.exceptions import exception_items

    if not str(pk).isdigit():
        return None
    return exception_items(user=user, partnership=partnership).filter(pk=int(pk)).first()


# --- exception reports: a meeting's paper ----------------------------------------------------


def _exception_report_label(report) -> str:
    meeting = report.meeting
    for_meeting = f", for the board meeting of {meeting.held_on.day} {meeting.held_on:%B %Y}" if meeting else ""
    return f"Exception report, {report.period}{for_meeting}"


def exception_report_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The partnership's exception reports the user may see, newest first."""
    from .selectors.exceptions import exception_reports

    reports = exception_reports(user=user, partnership=partnership)
    return [(str(report.pk), _exception_report_label(report)) for report in reports]


def exception_report_find(*, user, partnership, pk):
    """The exception report ``pk`` when the user may see it in the partnership, else None."""
    from .selectors.exceptions import exception_reports

    if not str(pk).isdigit():
        return None
    return exception_reports(user=user, partnership=partnership).filter(pk=int(pk)).first()


# --- indicators: evidence of a business plan review ------------------------------------------


def indicator_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The indicators of the partnership's scorecard, by title: those whose movement is evidence
    of what the partnership's work on a priority changed."""
    from .selectors.catalogue import scorecard_lines

    lines = scorecard_lines(user=user, partnership=partnership).order_by("indicator__definition__title")
    return [(str(line.indicator_id), f"Indicator: {line.indicator.definition.title}") for line in lines]


def indicator_find(*, user, partnership, pk):
    """The indicator ``pk`` when it is on the partnership's scorecard and the user may see the
    scorecard, else None. The indicator keeps the partnership it was found in, for its address."""
    from .selectors.catalogue import scorecard_lines

    if not str(pk).isdigit():
        return None
    line = scorecard_lines(user=user, partnership=partnership).filter(indicator_id=int(pk)).first()
    if line is None:
        return None
    indicator = line.indicator
    indicator.linked_partnership = partnership
    return indicator


def _indicator_url(indicator) -> str:
    from assure.core.navigation import partnership_url

    return partnership_url("performance:indicator", indicator.linked_partnership, code=indicator.code)


def register_links() -> None:
    register_linkable(
        LinkableKind(
            key="performance.exception-item",
            label="Exception report item",
            model="performance.exceptionitem",
            choices=exception_item_choices,
            find=exception_item_find,
            url=lambda item: item.get_absolute_url(),
            uses=frozenset({"challenge", "paper"}),
            describe=_exception_item_label,
        ),
        LinkableKind(
            key="performance.exception-report",
            label="Exception report",
            model="performance.exceptionreport",
            choices=exception_report_choices,
            find=exception_report_find,
            url=lambda report: report.get_absolute_url(),
            uses=frozenset({"paper", "evidence"}),
            describe=_exception_report_label,
        ),
        LinkableKind(
            key="performance.indicator",
            label="Indicator",
            model="performance.indicator",
            choices=indicator_choices,
            find=indicator_find,
            url=_indicator_url,
            uses=frozenset({"evidence"}),
            describe=lambda indicator: f"Indicator: {indicator.definition.title}",
        ),
    )
