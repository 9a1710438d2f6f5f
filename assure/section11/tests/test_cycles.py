import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from assure.accounts.tests.factories import MembershipFactory
from assure.audit.models import Event
from assure.partnerships.tests.factories import AgencyFactory, library_item
from assure.section11.models import Cycle, Return
from assure.section11.services.cycles import cycle_close, cycle_open

from .factories import CycleFactory, ReturnFactory, Section11FrameworkFactory

TODAY = dt.date.today()


def _open(actor, partnership, **kwargs):
    values = {
        "title": "Section 11 audit 2014-15",
        "year": "2014-15",
        "framework": Section11FrameworkFactory(),
        "opens_on": TODAY,
        "deadline": TODAY + dt.timedelta(days=60),
    }
    return cycle_open(actor=actor, partnership=partnership, **(values | kwargs))


def test_an_agency_in_two_partnerships_of_a_cycle_gets_one_return(business_unit, partnership, other_partnership):
    MembershipFactory(user=business_unit, partnership=other_partnership, role="business-unit")
    police = AgencyFactory(name="Mercian Police", partnerships=[partnership, other_partnership])
    cycle = _open(business_unit, partnership, partnerships=[other_partnership])
    assert Return.objects.filter(cycle=cycle, agency=police).count() == 1
    assert set(cycle.partnerships.all()) == {partnership, other_partnership}


def test_opening_for_a_partnership_where_one_is_not_business_unit_is_refused(
    business_unit, partnership, other_partnership
):
    AgencyFactory(partnerships=[partnership])
    with pytest.raises(PermissionDenied):
        _open(business_unit, partnership, partnerships=[other_partnership])


def test_default_agencies_are_those_the_framework_applies_to(business_unit, partnership):
    school = AgencyFactory(agency_type=library_item("agency-type", "school"), partnerships=[partnership])
    police = AgencyFactory(partnerships=[partnership])
    cycle = _open(business_unit, partnership, framework=Section11FrameworkFactory(applies_to=["school"]))
    assert list(cycle.returns.values_list("agency", flat=True)) == [school.pk]
    assert not cycle.returns.filter(agency=police).exists()


def test_inactive_agencies_are_not_asked(business_unit, partnership):
    AgencyFactory(partnerships=[partnership], is_active=False)
    active = AgencyFactory(partnerships=[partnership])
    cycle = _open(business_unit, partnership)
    assert list(cycle.returns.values_list("agency", flat=True)) == [active.pk]


def test_criteria_the_framework_excludes_start_not_applicable(business_unit, partnership):
    AgencyFactory(partnerships=[partnership])
    cycle = _open(business_unit, partnership)
    responses = cycle.returns.get().responses
    assert list(responses.filter(not_applicable=True).values_list("criterion", flat=True)) == ["2.2"]
    assert responses.count() == 4


def test_opening_records_an_event(business_unit, partnership):
    AgencyFactory(partnerships=[partnership])
    cycle = _open(business_unit, partnership)
    assert Event.objects.filter(verb="section11.cycle_opened", target_id=str(cycle.pk)).exists()


def test_a_deadline_before_the_open_date_is_refused(business_unit, partnership):
    AgencyFactory(partnerships=[partnership])
    with pytest.raises(ValidationError) as caught:
        _open(business_unit, partnership, deadline=TODAY - dt.timedelta(days=1))
    assert "deadline" in caught.value.message_dict


def test_only_the_lead_partnerships_business_unit_closes_a_cycle(
    business_unit, partnership, other_partnership, outsider
):
    cycle = CycleFactory(lead_partnership=other_partnership, partnerships=[other_partnership, partnership])
    with pytest.raises(PermissionDenied):
        cycle_close(actor=business_unit, partnership=partnership, cycle=cycle)
    cycle_close(actor=outsider, partnership=other_partnership, cycle=cycle)
    assert Cycle.objects.get(pk=cycle.pk).status == Cycle.Status.CLOSED


def test_cycle_page_counts_returns_by_status(client, business_unit, partnership):
    cycle = CycleFactory(lead_partnership=partnership, deadline=TODAY - dt.timedelta(days=1))
    ReturnFactory(cycle=cycle)
    ReturnFactory(cycle=cycle, status=Return.Status.SUBMITTED)
    client.force_login(business_unit)
    page = client.get(reverse("section11:cycle_detail", kwargs={"partnership": partnership.slug, "pk": cycle.pk}))
    completion = page.context["completion"]
    assert (completion.total, completion.not_started, completion.submitted, completion.overdue) == (2, 1, 1, 1)


def test_cycle_register_filters_overdue_and_exports_csv(client, business_unit, partnership):
    cycle = CycleFactory(lead_partnership=partnership, deadline=TODAY - dt.timedelta(days=1))
    late = ReturnFactory(cycle=cycle)
    ReturnFactory(cycle=cycle, status=Return.Status.ACCEPTED)
    client.force_login(business_unit)
    address = reverse("section11:cycle_detail", kwargs={"partnership": partnership.slug, "pk": cycle.pk})
    filtered = client.get(address, {"status": "overdue"})
    assert [r.record.pk for r in filtered.context["table"].rows] == [late.pk]
    export = client.get(address, {"_export": "csv"})
    assert "Not started (overdue)" in export.getvalue().decode()


def test_cycle_page_of_a_cycle_the_partnership_is_not_in_answers_404(
    client, business_unit, partnership, other_partnership
):
    cycle = CycleFactory(lead_partnership=other_partnership)
    client.force_login(business_unit)
    page = client.get(reverse("section11:cycle_detail", kwargs={"partnership": partnership.slug, "pk": cycle.pk}))
    assert page.status_code == 404


def test_business_unit_opens_a_cycle_through_the_form(client, business_unit, partnership):
    AgencyFactory(partnerships=[partnership])
    framework = Section11FrameworkFactory()
    client.force_login(business_unit)
    page = client.post(
        reverse("section11:cycle_create", kwargs={"partnership": partnership.slug}),
        {
            "title": "Section 11 audit 2015-16",
            "year": "2015-16",
            "framework": framework.pk,
            "opens_on": TODAY.isoformat(),
            "deadline": (TODAY + dt.timedelta(days=30)).isoformat(),
            "reminder_days": "14",
        },
    )
    cycle = Cycle.objects.get(title="Section 11 audit 2015-16")
    assert page.status_code == 302
    assert cycle.returns.count() == 1
