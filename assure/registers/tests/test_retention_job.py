"""The retention job: a year of entries past its kind's retention period is deleted whole, its
figures kept first; a year within retention is untouched; a failing year rolls back and is
logged, and the next run tries it again."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError

from assure.core.daily import daily_commands
from assure.partnerships.tests.factories import library_item
from assure.questionnaires.models import Answer, Response
from assure.registers import figures
from assure.registers.kinds import kind_for
from assure.registers.models import Entry, RetainedYear, RetentionRun, Upload
from assure.registers.services.retention import deleted_after, registers_retention_run

from .factories import EntryFactory, UploadFactory, marac_values

pytestmark = pytest.mark.django_db

# MARAC cases are kept 72 months after their year ends: 2008-09's until 31 March 2015.
AFTER_2008_09 = dt.date(2015, 4, 1)


def _case(partnership, agency, day: str, **kwargs) -> Entry:
    return EntryFactory(partnership=partnership, agency=agency, values=marac_values(**{"discussed-on": day}), **kwargs)


def test_a_year_is_kept_for_its_retention_period_after_it_ends():
    assert deleted_after(year="2008-09", retention_months=72) == dt.date(2015, 3, 31)
    assert deleted_after(year="2014-15", retention_months=24) == dt.date(2017, 3, 31)


def test_entries_past_retention_are_deleted(partnership, agency):
    _case(partnership, agency, "2008-06-01")
    _case(partnership, agency, "2009-03-31")
    registers_retention_run(today=AFTER_2008_09)
    assert not Entry.objects.filter(partnership=partnership).exists()


def test_the_years_figures_are_kept_before_its_entries_go(partnership, agency):
    _case(partnership, agency, "2008-06-01", agency_reference="MARAC/1")
    _case(partnership, agency, "2009-01-10", agency_reference="MARAC/2")
    kind = kind_for(partnership, "marac-case")
    before = figures.year_figures(partnership=partnership, kind=kind, year="2008-09")
    registers_retention_run(today=AFTER_2008_09)
    kept = RetainedYear.objects.get(partnership=partnership, kind_code="marac-case", year="2008-09")
    assert (kept.entries_deleted, kept.figures) == (2, before)


def test_the_figures_still_give_a_year_whose_entries_are_gone(partnership, agency):
    for day in ("2008-06-01", "2008-09-01", "2009-02-01"):
        _case(partnership, agency, day)
    registers_retention_run(today=AFTER_2008_09)
    kind = kind_for(partnership, "marac-case")
    assert figures.year_figures(partnership=partnership, kind=kind, year="2008-09")["indicators"]["cases"] == 3


def test_entries_within_retention_are_untouched(partnership, agency):
    kept = _case(partnership, agency, "2009-04-01")  # 2009-10: kept until 31 March 2016
    registers_retention_run(today=AFTER_2008_09)
    assert list(Entry.objects.filter(partnership=partnership)) == [kept]
    assert not RetainedYear.objects.filter(partnership=partnership, year="2009-10").exists()


def test_a_year_is_kept_until_the_last_day_of_its_retention(partnership, agency):
    _case(partnership, agency, "2008-06-01")
    registers_retention_run(today=dt.date(2015, 3, 31))
    assert Entry.objects.filter(partnership=partnership).count() == 1


def test_drafts_go_with_the_year(partnership, agency):
    _case(partnership, agency, "2008-06-01", status=Entry.Status.DRAFT)
    registers_retention_run(today=AFTER_2008_09)
    assert not Entry.objects.filter(partnership=partnership).exists()


def test_another_partnerships_entries_are_not_touched_by_its_own_kinds_years(
    partnership, agency, other_partnership, other_agency
):
    _case(partnership, agency, "2008-06-01")
    theirs = _case(other_partnership, other_agency, "2010-06-01")
    registers_retention_run(today=AFTER_2008_09)
    assert list(Entry.objects.all()) == [theirs]


def test_the_entries_questionnaire_responses_go_with_them(partnership):
    from assure.partnerships.tests.factories import AgencyFactory

    council = AgencyFactory(
        partnerships=[partnership], agency_type=library_item("agency-type", "childrens-social-care")
    )
    entry = EntryFactory(
        partnership=partnership,
        kind_code="placement-notification",
        agency=council,
        values={
            "moved-in-on": "2011-05-02",
            "notified-on": "2011-05-03",
            "placing-authority": "other-authority",
            "setting": "childrens-home",
            "home": "Oak Lodge",
            "missing-before": "no",
            "cse-risk": "at-risk",
        },
    )
    response = Response.objects.create(
        partnership=partnership,
        questionnaire=library_item("questionnaire", "cse-risk-assessment"),
        about_type=ContentType.objects.get_for_model(Entry),
        about_id=str(entry.pk),
        status=Response.Status.SUBMITTED,
    )
    Answer.objects.create(response=response, question="cse-level", choice="at-risk")
    entry.response = response
    entry.save()
    registers_retention_run(today=dt.date(2014, 4, 1))  # 2011-12 plus 24 months ended 31 March 2014
    assert not Response.objects.filter(pk=response.pk).exists()
    assert not Answer.objects.filter(response_id=response.pk).exists()


def test_an_upload_left_empty_is_deleted(partnership, agency):
    upload = UploadFactory(partnership=partnership, agency=agency, month=dt.date(2008, 6, 1), rows=1)
    _case(partnership, agency, "2008-06-12", upload=upload, source=Entry.Source.UPLOAD)
    registers_retention_run(today=AFTER_2008_09)
    assert not Upload.objects.filter(pk=upload.pk).exists()


def test_the_run_is_logged_with_counts_only(partnership, agency):
    _case(partnership, agency, "2008-06-01", agency_reference="MARAC/SECRET-1")
    run = registers_retention_run(today=AFTER_2008_09)
    run.refresh_from_db()
    assert (run.outcome, run.deleted, run.error) == (RetentionRun.Outcome.DONE, 1, "")
    assert run.detail == [{"partnership": partnership.pk, "kind": "marac-case", "year": "2008-09", "deleted": 1}]
    assert "SECRET" not in str(run.detail)


def test_a_failing_year_is_rolled_back_and_logged(partnership, agency, monkeypatch):
    _case(partnership, agency, "2008-06-01")

    def broken(**kwargs):
        raise RuntimeError("the figures could not be counted")

    monkeypatch.setattr(figures, "year_figures", broken)
    run = registers_retention_run(today=AFTER_2008_09)
    assert (run.outcome, run.error, run.deleted) == (RetentionRun.Outcome.FAILED, "RuntimeError", 0)
    assert Entry.objects.filter(partnership=partnership).count() == 1
    assert not RetainedYear.objects.filter(partnership=partnership).exists()


def test_the_next_run_tries_a_failed_year_again(partnership, agency, monkeypatch):
    _case(partnership, agency, "2008-06-01")
    with monkeypatch.context() as patched:
        patched.setattr(figures, "year_figures", lambda **kwargs: 1 / 0)
        registers_retention_run(today=AFTER_2008_09)
    run = registers_retention_run(today=AFTER_2008_09)
    assert (run.outcome, run.deleted) == (RetentionRun.Outcome.DONE, 1)


def test_the_job_runs_every_day():
    assert "registers_retention" in daily_commands()


def test_the_daily_command_fails_loudly_when_a_year_failed(partnership, agency, monkeypatch):
    _case(partnership, agency, "2008-06-01")
    monkeypatch.setattr(figures, "year_figures", lambda **kwargs: 1 / 0)
    with pytest.raises(CommandError, match="ZeroDivisionError"):
        call_command("registers_retention")
