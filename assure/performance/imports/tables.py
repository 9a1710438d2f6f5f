"""The register of imported publications: what was imported, from which file, by which mapping
version, by whom and when, what it wrote and which earlier figures it corrected. The page shows a
compact table; the export has a column for each fact."""

from decimal import Decimal, InvalidOperation

import django_tables2 as tables
from django.utils import timezone
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

NUMERIC = {"td": {"class": "govuk-table__cell--numeric"}, "th": {"class": "govuk-table__header--numeric"}}


def breakable(file_name: str) -> SafeString:
    """A file name that may wrap after its underscores (DfE file names are long and have no
    spaces, which would stretch a table past the page)."""
    return mark_safe(escape(file_name).replace("_", "_<wbr>"))  # noqa: S308 - escaped first


def imported_by(record) -> str:
    """Who imported it: the operator by name (every partnership sees who changed the figures it
    shows), or the server's own command line."""
    if record.imported_by is None:
        return "Command line"
    return f"{record.imported_by} (operator)"


def figure_text(text: str) -> str:
    """A stored figure as a person reads it: thousands separated; a suppression code as it is."""
    try:
        return f"{Decimal(text):,f}"
    except (InvalidOperation, ValueError):
        return text


def correction_text(correction: dict) -> str:
    return (
        f"{correction['indicator']}, {correction['area_name'] or correction['area']}, {correction['period']}: "
        f"{figure_text(correction['before'])} → {figure_text(correction['after'])}"
    )


class PublicationTable(tables.Table):
    caption = "Imported publications"
    title = tables.Column(verbose_name="Publication")
    file_name = tables.Column(verbose_name="File")
    imported_at = tables.Column(verbose_name="Imported")
    observations_written = tables.Column(verbose_name="Figures written", attrs=NUMERIC)
    observations_unchanged = tables.Column(verbose_name="Already recorded", attrs=NUMERIC)
    # In the export only.
    mapping = tables.Column(verbose_name="Mapping", accessor="mapping__code", visible=False)
    mapping_version = tables.Column(
        verbose_name="Mapping version", accessor="mapping__document__version", visible=False
    )
    imported_by = tables.Column(verbose_name="Imported by", empty_values=(), visible=False)
    rows_read = tables.Column(verbose_name="Rows read", visible=False)
    corrections = tables.Column(verbose_name="Figures corrected", empty_values=(), orderable=False)
    checksum = tables.Column(verbose_name="Checksum (SHA-256)", visible=False)

    class Meta:
        fields = ()
        order_by = ("-imported_at",)

    def render_title(self, record) -> str:
        return format_html(
            '{}<br><span class="govuk-body-s">{}: mapping {} (version {}), {} rows, checksum {}</span>',
            record.title,
            record.mapping.title,
            record.mapping.code,
            record.mapping.document.version,
            record.rows_read,
            record.checksum[:12],
        )

    def value_title(self, record) -> str:
        return record.title

    def render_file_name(self, value: str) -> SafeString:
        return breakable(value)

    def value_file_name(self, value: str) -> str:
        return value

    def render_imported_at(self, record) -> str:
        return f"{timezone.localtime(record.imported_at):%-d %B %Y, %H:%M} by {imported_by(record)}"

    def value_imported_at(self, record) -> str:
        return timezone.localtime(record.imported_at).isoformat(timespec="seconds")

    def render_imported_by(self, record) -> str:
        return imported_by(record)

    def render_corrections(self, record) -> SafeString | str:
        if not record.observations_updated:
            return "None"
        listed = format_html_join("", "<li>{}</li>", ((correction_text(c),) for c in record.corrections))
        more = record.observations_updated - len(record.corrections)
        tail = format_html("<li>and {} more</li>", more) if more > 0 and record.corrections else ""
        return format_html(
            '{} corrected<ul class="govuk-list govuk-list--bullet govuk-body-s">{}{}</ul>',
            record.observations_updated,
            listed,
            tail,
        )

    def value_corrections(self, record) -> str:
        return "; ".join(correction_text(c) for c in record.corrections)


class _UploadTable(tables.Table):
    """What every list of uploads shows: the file (linking to its status page), who uploaded it
    and when, and where it has got to."""

    file_name = tables.Column(verbose_name="File", orderable=False)
    created_at = tables.Column(verbose_name="Uploaded", orderable=False)
    status = tables.TemplateColumn(
        '{% with job=record %}{% include "performance/imports/_status.html" %}{% endwith %}',
        verbose_name="Status",
        orderable=False,
    )

    class Meta:
        fields = ()

    def render_file_name(self, record) -> SafeString:
        link = record.get_absolute_url()
        return format_html('<a class="govuk-link" href="{}">{}</a>', link, breakable(record.file_name))

    def render_created_at(self, record) -> str:
        return f"{timezone.localtime(record.created_at):%-d %B %Y, %H:%M} by {record.created_by}"


class ImportJobTable(_UploadTable):
    """The installation's recent imports, each linking to its status page."""

    caption = "Recent imports"
    mapping = tables.Column(verbose_name="What it holds", accessor="mapping__title", orderable=False)

    class Meta:
        sequence = ("file_name", "mapping", "created_at", "status")


class LocalImportTable(_UploadTable):
    """The partnership's imports of its own figures, each linking to its status page."""

    caption = "Imports of the partnership's own figures"
    observations_created = tables.Column(verbose_name="New figures", attrs=NUMERIC, orderable=False)
    observations_updated = tables.Column(verbose_name="Corrected", attrs=NUMERIC, orderable=False)

    class Meta:
        sequence = ("file_name", "created_at", "observations_created", "observations_updated", "status")
