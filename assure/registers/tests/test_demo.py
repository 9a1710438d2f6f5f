"""The seed's figures, counted from the demo's registers by the figures' rules."""

import re

import pytest

from assure.demo import region
from assure.partnerships.models import Partnership
from assure.plans.models import Priority
from assure.questionnaires.models import Response
from assure.registers.figures import year_figures
from assure.registers.kinds import kind_for
from assure.registers.models import Entry, MonitoredUnder, Provider, Upload
from tests.real_names import real_names_in


@pytest.fixture
def shropshire(demo_region, db):
    return Partnership.objects.get(slug=region.SHROPSHIRE)


def figures(partnership, code: str, year: str) -> dict:
    return year_figures(partnership=partnership, kind=kind_for(partnership, code), year=year)["indicators"]


def test_50_cse_panel_referrals_in_2014_15_against_11_the_year_before(shropshire):
    counted = (
        figures(shropshire, "cse-panel-referral", "2013-14")["referrals"],
        figures(shropshire, "cse-panel-referral", "2014-15")["referrals"],
    )
    assert counted == (11, 50)


def test_marac_discussed_175_cases_26_repeats_and_207_children(shropshire):
    marac = figures(shropshire, "marac-case", "2014-15")
    assert (marac["cases"], marac["repeats"], marac["children"]) == (175, 26, 207)


def test_four_children_held_overnight_after_charge_three_of_them_in_2014_15(shropshire):
    counted = (
        figures(shropshire, "custody-after-charge", "2014-15")["children"],
        figures(shropshire, "custody-after-charge", "2015-16")["children"],
    )
    assert counted == (3, 1)


def test_most_schools_were_told_by_nine_the_next_working_day(shropshire):
    encompass = figures(shropshire, "operation-encompass", "2014-15")
    assert encompass["notifications"] == 300
    assert 80 <= encompass["by-nine"]["percent"] <= 90


def test_some_schools_were_told_on_the_monday_after_a_weekend_incident(shropshire):
    values = Entry.objects.filter(partnership=shropshire, kind_code="operation-encompass").values_list(
        "values", flat=True
    )
    assert any(
        v["incident-at"][:10] != v["school-told-at"][:10] and v["school-told-at"] > v["incident-at"] for v in values
    )
    assert sum(1 for v in values if _weekday(v["incident-at"]) >= 5) > 30


def _weekday(moment: str) -> int:
    import datetime as dt

    return dt.datetime.fromisoformat(moment).weekday()


def test_400_missing_episodes_with_return_interviews_taken_up(shropshire):
    missing = figures(shropshire, "missing-episode", "2014-15")
    assert missing["episodes"] == 400
    assert missing["children"] < 150  # some children went missing many times
    assert 0 < missing["interviews-taken-up"] < missing["interviews-offered"] < 400


def test_120_placement_notifications_from_two_providers_each_with_its_risk_assessment(shropshire):
    notifications = Entry.objects.filter(
        partnership=shropshire, kind_code="placement-notification", occurred_on__year__in=(2014, 2015)
    ).filter(occurred_on__range=("2014-04-01", "2015-03-31"))
    assert notifications.count() == 120
    assert notifications.values("provider").distinct().count() == 2
    assessed = Response.objects.filter(pk__in=notifications.values("response"), status=Response.Status.SUBMITTED)
    assert assessed.count() == 120


def test_the_provider_persona_is_verified_and_has_a_draft(shropshire):
    persona = Provider.objects.get(partnership=shropshire, user__email__startswith="provider@")
    assert persona.may_notify
    assert persona.entries.filter(status=Entry.Status.DRAFT).exists()


def test_a_provider_waits_for_the_business_units_check(shropshire):
    assert Provider.objects.filter(partnership=shropshire, status=Provider.Status.TO_REVIEW).count() == 1


def test_two_months_of_marac_came_in_uploads(shropshire):
    uploads = Upload.objects.filter(partnership=shropshire, kind_code="marac-case")
    assert uploads.count() == 2
    assert all(upload.rows == upload.entries.count() > 0 for upload in uploads)


def test_the_registers_are_monitored_under_the_missing_children_priority(shropshire):
    priority = Priority.objects.get(partnership=shropshire, title__startswith="Children who go missing")
    under = set(
        MonitoredUnder.objects.filter(partnership=shropshire, priority=priority).values_list("kind_code", flat=True)
    )
    assert under == {
        "cse-panel-referral",
        "missing-episode",
        "operation-encompass",
        "custody-after-charge",
        "placement-notification",
    }


def test_the_computed_indicators_hold_the_seeds_figures(shropshire):
    from assure.performance.models import Observation

    stored = {
        (
            o.indicator.data["computed"]["parameters"]["indicator"],
            o.indicator.data["computed"]["parameters"]["kind"],
        ): int(o.value)
        for o in Observation.objects.filter(
            partnership=shropshire, source=Observation.Source.COMPUTED, period__label="2014-15"
        ).select_related("indicator__definition")
        if (o.indicator.data.get("computed") or {}).get("computation") == "registers.indicator"
    }
    assert stored[("referrals", "cse-panel-referral")] == 50
    assert stored[("cases", "marac-case")] == 175
    assert stored[("children", "marac-case")] == 207


def test_entries_are_numbered_in_the_partnership(shropshire):
    numbers = list(Entry.objects.filter(partnership=shropshire).values_list("number", flat=True))
    assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"RG-\d{4,}", number) for number in numbers)


def test_no_child_is_named(shropshire):
    rows = Entry.objects.filter(partnership=shropshire).values_list("agency_reference", "area", "values")
    text = " ".join(f"{reference} {area} {values}" for reference, area, values in rows)
    assert real_names_in(text) == []
    assert all(re.fullmatch(r"[A-Z]+(/[A-Z]+)?[/-][0-9/-]+", reference) for reference, _, _ in rows)
