"""The home page's "What needs you": each person's waiting items, the partnership's own kinds
(agencies without a lead, the next meetings), and the business unit's returns overdue by agency."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assure.accounts.tests.factories import MembershipFactory, UserFactory
from assure.core import waiting
from assure.core.waiting import WaitingItem, WaitingKind
from assure.partnerships.waiting import agencies_without_lead, meetings_to_attend

from .factories import AgencyFactory, MeetingFactory, SubgroupFactory

TODAY = dt.date(2026, 3, 2)


def home_url(partnership) -> str:
    return reverse("partnerships:home", kwargs={"partnership": partnership.slug})


def page_of(client, user, partnership) -> str:
    client.force_login(user)
    response = client.get(home_url(partnership))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def kind():
    """Register a kind of waiting item for one test; its items are the list given."""
    keys = []

    def register(key: str, label: str, items: list[WaitingItem], *, who=None) -> None:
        keys.append(key)
        waiting.register_waiting(
            WaitingKind(
                key=key,
                label=label,
                order=1,
                items=lambda *, user, partnership, today: list(items) if who is None or user == who else [],
            )
        )

    yield register
    for key in keys:
        waiting._kinds.pop(key, None)


# --- agencies without a lead ------------------------------------------------------------------


def test_the_business_unit_is_told_of_an_agency_nobody_answers_for(business_unit, partnership, other_agency):
    (item,) = agencies_without_lead(user=business_unit, partnership=partnership, today=TODAY)
    assert item.agency == other_agency.name
    assert item.flag == f"Nobody at {other_agency.name} can answer Assure's requests: invite an agency lead"
    assert item.url == reverse("accounts:member_add", kwargs={"partnership": partnership.slug})


def test_an_agency_with_a_lead_is_not_flagged(business_unit, partnership, agency, agency_lead):
    flagged = {i.agency for i in agencies_without_lead(user=business_unit, partnership=partnership, today=TODAY)}
    assert agency.name not in flagged


def test_an_agency_whose_lead_is_switched_off_is_flagged(business_unit, partnership, agency, agency_lead):
    agency_lead.is_active = False
    agency_lead.save()
    flagged = {i.agency for i in agencies_without_lead(user=business_unit, partnership=partnership, today=TODAY)}
    assert agency.name in flagged


def test_an_agency_lead_of_another_partnership_does_not_answer_here(business_unit, partnership, other_partnership):
    shared = AgencyFactory(name="Mercia Ambulance Service", partnerships=[partnership, other_partnership])
    MembershipFactory(user=UserFactory(), partnership=other_partnership, role="agency-lead", agency=shared)
    flagged = {i.agency for i in agencies_without_lead(user=business_unit, partnership=partnership, today=TODAY)}
    assert shared.name in flagged


def test_only_the_partnerships_own_agencies_are_flagged(business_unit, partnership, other_partnership):
    AgencyFactory(name="Southshire Fire Service", partnerships=[other_partnership])
    flagged = {i.agency for i in agencies_without_lead(user=business_unit, partnership=partnership, today=TODAY)}
    assert "Southshire Fire Service" not in flagged


@pytest.mark.parametrize("persona", ["board_member", "agency_lead", "viewer", "auditor"], indirect=True)
def test_only_those_who_invite_members_see_agencies_without_a_lead(persona, partnership, other_agency):
    assert agencies_without_lead(user=persona, partnership=partnership, today=TODAY) == []


# --- meetings ---------------------------------------------------------------------------------


def test_a_board_member_sees_the_next_board_meeting(board_member, partnership):
    MeetingFactory(partnership=partnership, held_on=TODAY - dt.timedelta(days=7), title="Last month's")
    nearest = MeetingFactory(partnership=partnership, held_on=TODAY + dt.timedelta(days=10), title="Budget")
    MeetingFactory(partnership=partnership, held_on=TODAY + dt.timedelta(days=40), title="Annual report")
    (item,) = meetings_to_attend(user=board_member, partnership=partnership, today=TODAY)
    assert item.due == nearest.held_on and item.detail == "Budget"
    assert item.url == reverse(
        "partnerships:meeting_detail", kwargs={"partnership": partnership.slug, "pk": nearest.pk}
    )


def test_a_meeting_of_another_partnership_is_not_shown(board_member, partnership, other_partnership):
    MeetingFactory(partnership=other_partnership, held_on=TODAY + dt.timedelta(days=3))
    assert meetings_to_attend(user=board_member, partnership=partnership, today=TODAY) == []


def test_an_agency_lead_sees_the_next_meeting_of_a_subgroup_their_agency_attends(agency_lead, partnership, agency):
    subgroup = SubgroupFactory(partnership=partnership, name="Learning and Improvement")
    subgroup.agencies.add(agency)
    MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=TODAY + dt.timedelta(days=5))
    MeetingFactory(partnership=partnership, held_on=TODAY + dt.timedelta(days=2))  # the board's
    (item,) = meetings_to_attend(user=agency_lead, partnership=partnership, today=TODAY)
    assert item.title.startswith("Learning and Improvement meeting")


def test_a_viewer_attends_no_meetings(viewer, partnership):
    MeetingFactory(partnership=partnership, held_on=TODAY + dt.timedelta(days=2))
    assert meetings_to_attend(user=viewer, partnership=partnership, today=TODAY) == []


# --- the page ---------------------------------------------------------------------------------


def test_the_page_says_when_nothing_waits(client, viewer, partnership):
    assert "Nothing is waiting for you." in page_of(client, viewer, partnership)


def test_the_page_lists_a_board_members_next_meeting(client, board_member, partnership):
    held_on = timezone.localdate() + dt.timedelta(days=9)
    MeetingFactory(partnership=partnership, held_on=held_on, title="Budget setting")
    page = page_of(client, board_member, partnership)
    assert f"Board meeting, {held_on:%A} {held_on.day} {held_on:%B %Y}" in page
    assert "Nothing is waiting for you." not in page


def test_the_page_lists_items_the_nearest_deadline_first(client, agency_lead, partnership, kind):
    soon, later = timezone.localdate() + dt.timedelta(days=2), timezone.localdate() + dt.timedelta(days=20)
    kind(
        "test.things",
        "Thing to do",
        [
            WaitingItem(kind="test.things", title="Later thing", url="/later/", due=later),
            WaitingItem(kind="test.things", title="Undated thing", url="/undated/"),
            WaitingItem(kind="test.things", title="Sooner thing", url="/sooner/", due=soon),
        ],
    )
    page = page_of(client, agency_lead, partnership)
    assert page.index("Sooner thing") < page.index("Later thing") < page.index("Undated thing")


def test_an_overdue_item_is_tagged_and_can_be_chased(client, business_unit, partnership, kind):
    due = timezone.localdate() - dt.timedelta(days=5)
    kind(
        "test.returns",
        "Return to chase",
        [
            WaitingItem(
                kind="test.returns",
                title="Data return: Mercian Police",
                url="/return/",
                due=due,
                overdue=True,
                remind_url="/return/remind/",
            )
        ],
    )
    page = page_of(client, business_unit, partnership)
    assert '<strong class="govuk-tag govuk-tag--red">Overdue</strong>' in page
    assert 'action="/return/remind/"' in page and "Send a reminder" in page
    assert "Last reminded: Never" in page
    assert f'name="next" value="{home_url(partnership)}"' in page


def test_an_item_shows_when_it_was_last_reminded(client, business_unit, partnership, kind):
    reminded = dt.datetime(2026, 2, 23, 10, tzinfo=dt.UTC)
    kind(
        "test.returns",
        "Return to chase",
        [
            WaitingItem(
                kind="test.returns", title="A return", url="/r/", remind_url="/r/remind/", last_reminded=reminded
            )
        ],
    )
    assert "Last reminded: 23 February 2026" in page_of(client, business_unit, partnership)


def test_an_item_without_a_reminder_has_no_button(client, agency_lead, partnership, kind):
    kind("test.things", "Thing to do", [WaitingItem(kind="test.things", title="A thing", url="/t/")])
    page = page_of(client, agency_lead, partnership)
    assert "Send a reminder" not in page and "Last reminded" not in page


def test_the_business_unit_sees_returns_overdue_by_agency_across_kinds(client, business_unit, partnership, kind):
    overdue = {"overdue": True, "returns_overdue": True, "url": "/r/"}
    kind(
        "test.data",
        "Data return",
        [
            WaitingItem(kind="test.data", title="Data return 1", agency="Mercian Police", **overdue),
            WaitingItem(kind="test.data", title="Data return 2", agency="Northshire Schools", **overdue),
        ],
    )
    kind(
        "test.s11", "Section 11 return", [WaitingItem(kind="test.s11", title="S11", agency="Mercian Police", **overdue)]
    )
    page = page_of(client, business_unit, partnership)
    table = page[page.index('data-testid="overdue-by-agency"') :]
    police = table[table.index("Mercian Police") : table.index("Northshire Schools")]
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">2</td>' in police
    assert "Data return, Section 11 return" in police


def test_an_overdue_agency_nobody_can_answer_for_is_flagged(client, business_unit, partnership, other_agency, kind):
    kind(
        "test.data",
        "Data return",
        [WaitingItem(kind="test.data", title="R", url="/r/", agency=other_agency.name, returns_overdue=True)],
    )
    page = page_of(client, business_unit, partnership)
    table = page[page.index('data-testid="overdue-by-agency"') :]
    assert f"Nobody at {other_agency.name} can answer" in table
    assert f'href="{reverse("accounts:member_add", kwargs={"partnership": partnership.slug})}"' in table


@pytest.mark.parametrize("persona", ["board_member", "agency_lead", "viewer"], indirect=True)
def test_only_the_business_unit_sees_returns_overdue_by_agency(client, persona, partnership):
    assert "Returns overdue by agency" not in page_of(client, persona, partnership)


def test_the_page_keeps_the_first_steps_and_the_registers(client, business_unit, partnership):
    page = page_of(client, business_unit, partnership)
    assert 'data-testid="first-steps"' in page and "Registers" in page


def _more(partnership, count: int, attending) -> None:
    """More agencies with no lead, and more subgroups (which the person's agency attends), each
    with a meeting to come, as has the board."""
    today = timezone.localdate()
    for n in range(count):
        agency = AgencyFactory(partnerships=[partnership])
        subgroup = SubgroupFactory(partnership=partnership)
        subgroup.agencies.add(agency, *([attending] if attending else []))
        MeetingFactory(partnership=partnership, held_on=today + dt.timedelta(days=n + 1))
        MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=today + dt.timedelta(days=n + 1))


@pytest.mark.parametrize("persona", ["business_unit", "board_member", "agency_lead"], indirect=True)
def test_the_page_takes_as_many_queries_for_many_more_waiting_items(client, persona, partnership):
    client.force_login(persona)
    url = home_url(partnership)
    attending = persona.memberships.get().agency
    _more(partnership, 2, attending)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _more(partnership, 12, attending)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    # The business unit's many agencies without a lead are summed up below the list, one line each.
    without_lead = (
        page[page.find('data-testid="agencies-without-lead"') :].count("<li>") if "agencies-without-lead" in page else 0
    )
    assert page.count('data-testid="waiting-item"') + without_lead > 2
    assert len(many) == len(few)


def test_agencies_without_a_lead_are_summed_up_once_not_listed_as_items(
    client, business_unit, partnership, other_agency
):
    AgencyFactory(name="Northshire Fire and Rescue", partnerships=[partnership])
    page = page_of(client, business_unit, partnership)
    assert 'data-kind="partnerships.agencies_without_lead"' not in page
    summary = page[page.index('data-testid="agencies-without-lead"') :]
    assert "2 agencies have no agency lead" in summary
    assert other_agency.name in summary and "Northshire Fire and Rescue" in summary
