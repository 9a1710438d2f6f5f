"""Reports other parts of Assure may point at (``assure/core/links.py``): an annual report or a
board pack as a meeting's paper or as the evidence of a review. Registered from
``ReportsConfig.ready()``; found through the reports' own selectors, given the user, so nobody
links or opens a report they may not read."""

from assure.core.links import LinkableKind, register_linkable


def report_label(report) -> str:
    kind = report.get_kind_display()
    return report.title if kind.lower() in report.title.lower() else f"{kind}: {report.title}"


def report_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The partnership's annual reports and board packs the user may read, newest first."""
    from .selectors.reports import reports_visible_to

    reports = reports_visible_to(user=user, partnership=partnership).order_by("-created_at", "-pk")
    return [(str(report.pk), report_label(report)) for report in reports]


def report_find(*, user, partnership, pk):
    from .selectors.reports import reports_visible_to

    if not str(pk).isdigit():
        return None
    return reports_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()


def register_links() -> None:
    register_linkable(
        LinkableKind(
            key="reports.report",
            label="Report or board pack",
            model="reports.report",
            choices=report_choices,
            find=report_find,
            url=lambda report: report.get_absolute_url(),
            uses=frozenset({"paper", "evidence"}),
            describe=report_label,
        )
    )
