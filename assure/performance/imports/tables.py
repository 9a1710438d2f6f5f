"""The register of imported publications: what was imported, from which file, by which mapping
version, by whom and when, and what it wrote. The page shows a compact table; the export has a
column for each fact."""

import django_tables2 as tables
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

NUMERIC = {"td": {"class": "govuk-table__cell--numeric"}, "th": {"class": "govuk-table__header--numeric"}}


def breakable(file_name: str) -> SafeString:
    """A file name that may wrap after its underscores (DfE file names are long and have no
    spaces, which would stretch a table past the page)."""
    return mark_safe(escape(file_name).replace("_", "_<wbr>"))  # noqa: S308 - escaped first


def imported_by(record) -> str:
    if record.imported_by is None:
        return "Command line"
    # People of other partnerships are not named to this one.
    return str(record.imported_by) if record.imported_here else "Another partnership"


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
    checksum = tables.Column(verbose_name="Checksum (SHA-256)", visible=False)

    class Meta:
        fields = ()
        order_by = ("-imported_at",)

    def render_title(self, record) -> str:
        return format_html(
            '{}<br><span class="govuk-body-s">Mapping {} (version {}), {} rows, checksum {}</span>',
            record.title,
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


class ImportJobTable(tables.Table):
    """The partnership's recent imports, each linking to its status page."""

    caption = "Recent imports from this partnership"
    file_name = tables.Column(verbose_name="File", orderable=False)
    mapping = tables.Column(verbose_name="What it holds", accessor="mapping__title", orderable=False)
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
