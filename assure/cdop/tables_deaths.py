"""The register of child deaths: each death by its reference, home partnership, age band,
expected or not, status and dates, with a tag on a possible duplicate. No name and no date of
birth, on the page or in the download: the age band stands for the child's age."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from assure.core.tables import record_address

from .models import ChildDeath
from .selectors.deaths import AgeBand, age_band_of


def home_of(death: ChildDeath) -> str:
    if death.partnership_id:
        return death.partnership.name
    return death.home_area or "Not known"


class DeathTable(tables.Table):
    reference = tables.Column(verbose_name="Reference")
    home = tables.Column(verbose_name="Home", empty_values=(), order_by=("partnership__name", "home_area"))
    age_band = tables.Column(verbose_name="Age at death", empty_values=(), orderable=False)
    expected = tables.Column(verbose_name="Expected")
    status = tables.Column(verbose_name="Status")
    date_of_death = tables.Column(verbose_name="Died")
    notified_on = tables.Column(verbose_name="Notified")
    reviewed_on = tables.Column(verbose_name="Reviewed")

    caption = "Child deaths"

    class Meta:
        model = ChildDeath
        fields = ("reference", "home", "age_band", "expected", "status", "date_of_death", "notified_on", "reviewed_on")
        order_by = ("-date_of_death",)
        empty_text = "No child death matches."

    def __init__(self, *args, partnership, bands: list[AgeBand], duplicates: dict[int, list[int]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.bands, self.duplicates = bands, duplicates
        self.address = record_address("cdop:death_detail", partnership=partnership.slug)

    def render_reference(self, record: ChildDeath, value) -> str:
        return format_html('<a class="govuk-link" href="{}">{}</a>', self.address(record.pk), value)

    def value_reference(self, value) -> str:
        return value

    def render_home(self, record: ChildDeath) -> str:
        return home_of(record)

    def value_home(self, record: ChildDeath) -> str:
        return home_of(record)

    def render_age_band(self, record: ChildDeath) -> str:
        band = age_band_of(record, self.bands)
        return band.title if band else "Not known"

    def value_age_band(self, record: ChildDeath) -> str:
        return self.render_age_band(record)

    def _status_words(self, record: ChildDeath) -> str:
        words = record.get_status_display()
        if record.pk in self.duplicates:
            words += " (possible duplicate)"
        return words

    def render_status(self, record: ChildDeath) -> str:
        tag = format_html('<strong class="govuk-tag govuk-tag--grey">{}</strong>', record.get_status_display())
        if record.pk in self.duplicates:
            tag += mark_safe(' <strong class="govuk-tag govuk-tag--orange">Possible duplicate</strong>')
        return tag

    def value_status(self, record: ChildDeath) -> str:
        return self._status_words(record)

    def render_expected(self, record: ChildDeath) -> str:
        return record.get_expected_display()

    def value_expected(self, record: ChildDeath) -> str:
        return record.get_expected_display()

    def render_date_of_death(self, value) -> str:
        return date_format(value, "j M Y")

    def value_date_of_death(self, value):
        return value

    def render_notified_on(self, value) -> str:
        return date_format(value, "j M Y")

    def value_notified_on(self, value):
        return value

    def render_reviewed_on(self, value) -> str:
        return date_format(value, "j M Y")

    def value_reviewed_on(self, value):
        return value
