"""Reading a report template of the library: its sections as the schema describes them."""

from django.db.models import QuerySet

from assure.library.models import LibraryItem
from assure.library.schemas import ReportSectionSpec, ReportTemplateItem
from assure.library.selectors import current_items

WRITTEN_BY = {"business_unit": "Business unit", "agency": "Agency", "chair": "Chair of the board"}


def template_of(item: LibraryItem) -> ReportTemplateItem:
    """The template item validated (the loader validated it already; this gives it its shape)."""
    return ReportTemplateItem.model_validate({"urn": item.urn, "code": item.code, "title": item.title, **item.data})


def template_choices(*, report_kind: str) -> QuerySet[LibraryItem]:
    """The current version of every report template of the library for that kind of report."""
    ids = [item.pk for item in current_items(kind="report-template") if item.data.get("report_kind") == report_kind]
    return current_items(kind="report-template").filter(pk__in=ids)


def section_specs(item: LibraryItem) -> dict[str, ReportSectionSpec]:
    """Every section of the template by its key (keys are distinct in a template)."""
    specs: dict[str, ReportSectionSpec] = {}

    def walk(sections: list[ReportSectionSpec]) -> None:
        for spec in sections:
            specs[spec.key] = spec
            walk(spec.sections)

    walk(template_of(item).sections)
    return specs
