import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from assure.actions.models import Action, ActionUpdate
from assure.actions.services import action_create, action_transition, action_update
from assure.actions.tests.factories import ActionFactory, ActionUpdateFactory
from assure.partnerships.services import agency_update

Status = Action.Status


def url(name, partnership, **kwargs):
    return reverse(f"actions:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def page(client, user, address, **params):
    client.force_login(user)
    response = client.get(address, params)
    assert response.status_code == 200
    return response.content.decode()


# Who may open which page


@pytest.mark.parametrize(
    ("persona", "status"),
    [("business_unit", 200), ("board_member", 200), ("agency_lead", 200), ("viewer", 403), ("outsider", 404)],
    indirect=["persona"],
)
def test_tracker_is_for_people_who_may_view_actions(client, persona, partnership, status):
    client.force_login(persona)
    assert client.get(url("tracker", partnership)).status_code == status


def test_tracker_sends_anonymous_visitors_to_sign_in(client, partnership):
    assert client.get(url("tracker", partnership)).status_code == 302


@pytest.mark.parametrize(
    ("persona", "status"),
    [("business_unit", 200), ("board_member", 403), ("agency_lead", 403), ("outsider", 404)],
    indirect=["persona"],
)
def test_raising_an_action_needs_actions_manage(client, persona, partnership, status):
    client.force_login(persona)
    assert client.get(url("create", partnership)).status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [("business_unit", 200), ("board_member", 200), ("auditor", 200), ("viewer", 403), ("outsider", 404)],
    indirect=["persona"],
)
def test_action_page_is_for_people_who_may_view_actions(client, persona, partnership, own_action, status):
    client.force_login(persona)
    assert client.get(url("detail", partnership, pk=own_action.pk)).status_code == status


def test_agency_lead_cannot_open_another_agencys_action(client, agency_lead, partnership, other_action):
    client.force_login(agency_lead)
    assert client.get(url("detail", partnership, pk=other_action.pk)).status_code == 404


def test_action_of_another_partnership_is_not_found_here(client, business_unit, partnership, other_partnership):
    elsewhere = ActionFactory(partnership=other_partnership)
    client.force_login(business_unit)
    assert client.get(url("detail", partnership, pk=elsewhere.pk)).status_code == 404


@pytest.mark.parametrize(("persona", "status"), [("business_unit", 200), ("agency_lead", 403)], indirect=["persona"])
def test_editing_needs_actions_manage(client, persona, partnership, own_action, status):
    client.force_login(persona)
    assert client.get(url("edit", partnership, pk=own_action.pk)).status_code == status


@pytest.mark.parametrize("name", ["status", "update_add"])
@pytest.mark.parametrize(
    ("persona", "status"),
    [("business_unit", 200), ("agency_lead", 200), ("board_member", 403), ("viewer", 403)],
    indirect=["persona"],
)
def test_updating_needs_actions_update(client, persona, partnership, own_action, name, status):
    client.force_login(persona)
    assert client.get(url(name, partnership, pk=own_action.pk)).status_code == status


@pytest.mark.parametrize("name", ["status", "update_add"])
def test_agency_lead_cannot_update_another_agencys_action(client, agency_lead, partnership, other_action, name):
    client.force_login(agency_lead)
    assert client.get(url(name, partnership, pk=other_action.pk)).status_code == 404


# The tracker


def test_tracker_flags_overdue_actions_in_words(client, business_unit, partnership, agency, today):
    ActionFactory(partnership=partnership, owner_agency=agency, due_on=today - dt.timedelta(days=1))
    assert "Overdue</strong>" in page(client, business_unit, url("tracker", partnership))


def test_tracker_shows_the_summary_counts(client, business_unit, partnership, agency, today):
    ActionFactory(partnership=partnership, owner_agency=agency, due_on=today - dt.timedelta(days=1))
    ActionFactory(partnership=partnership, owner_agency=agency)
    client.force_login(business_unit)
    summary = client.get(url("tracker", partnership)).context["summary"]
    assert (summary.open, summary.overdue) == (2, 1)


def test_tracker_links_the_source_that_has_a_page(client, business_unit, partnership, agency):
    ActionFactory(partnership=partnership, owner_agency=agency, source=partnership, source_label="Board challenge")
    html = page(client, business_unit, url("tracker", partnership))
    assert f'href="{partnership.get_absolute_url()}">Board challenge</a>' in html


def test_tracker_shows_a_source_without_a_page_as_text(client, business_unit, partnership, agency):
    ActionFactory(partnership=partnership, owner_agency=agency, source_label="Section 11 challenge event")
    assert "Section 11 challenge event" in page(client, business_unit, url("tracker", partnership))


def test_agency_leads_tracker_lists_only_their_agencys_actions(
    client, agency_lead, partnership, own_action, other_action
):
    html = page(client, agency_lead, url("tracker", partnership))
    assert own_action.title in html
    assert other_action.title not in html


def test_tracker_filters_overdue_only(client, business_unit, partnership, agency, today):
    ActionFactory(partnership=partnership, owner_agency=agency, title="Late one", due_on=today - dt.timedelta(days=1))
    ActionFactory(partnership=partnership, owner_agency=agency, title="On time")
    html = page(client, business_unit, url("tracker", partnership), overdue="on")
    assert "Late one" in html
    assert "On time" not in html


def test_tracker_filters_by_status_and_title(client, business_unit, partnership, agency):
    ActionFactory(partnership=partnership, owner_agency=agency, title="Neglect toolkit", status=Status.IN_PROGRESS)
    ActionFactory(partnership=partnership, owner_agency=agency, title="Neglect training")
    html = page(client, business_unit, url("tracker", partnership), status="in_progress", title="neglect")
    assert "Neglect toolkit" in html
    assert "Neglect training" not in html


def test_tracker_filters_by_due_dates(client, business_unit, partnership, agency, today):
    ActionFactory(partnership=partnership, owner_agency=agency, title="Soon", due_on=today + dt.timedelta(days=5))
    ActionFactory(partnership=partnership, owner_agency=agency, title="Later", due_on=today + dt.timedelta(days=90))
    before = (today + dt.timedelta(days=30)).isoformat()
    html = page(client, business_unit, url("tracker", partnership), due_before=before)
    assert "Soon" in html
    assert "Later" not in html


def test_tracker_sorts_by_rag_worst_first(client, business_unit, partnership, agency):
    ActionFactory(partnership=partnership, owner_agency=agency, title="Green one", rag="green")
    ActionFactory(partnership=partnership, owner_agency=agency, title="Red one", rag="red")
    html = page(client, business_unit, url("tracker", partnership), sort="rag")
    assert html.index("Red one") < html.index("Green one")


def test_tracker_exports_filtered_rows_as_csv(client, business_unit, partnership, agency, today):
    ActionFactory(partnership=partnership, owner_agency=agency, title="Late one", due_on=today - dt.timedelta(days=1))
    ActionFactory(partnership=partnership, owner_agency=agency, title="On time")
    client.force_login(business_unit)
    response = client.get(url("tracker", partnership), {"overdue": "on", "_export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "Reference",
        "Title",
        "Owner agency",
        "Owner",
        "Due date",
        "Status",
        "RAG",
        "Raised from",
        "Overdue",
    ]
    assert [row[1] for row in rows[1:]] == ["Late one"]
    assert rows[1][-1] == "Yes"
    assert "<" not in response.content.decode()


def test_tracker_exports_xlsx(client, business_unit, partnership, own_action):
    client.force_login(business_unit)
    response = client.get(url("tracker", partnership), {"_export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=2, column=1).value == own_action.reference


# Raising and editing


def test_raising_an_action_from_the_form(client, business_unit, partnership, agency, today):
    client.force_login(business_unit)
    response = client.post(
        url("create", partnership),
        {
            "title": "Publish the threshold document",
            "owner_agency": agency.pk,
            "owner_name": "Tam Owner",
            "due_on": (today + dt.timedelta(days=30)).isoformat(),
            "rag": "amber",
        },
    )
    action = Action.objects.get(title="Publish the threshold document")
    assert response.url == action.get_absolute_url()
    assert (action.reference, action.owner_name, action.rag) == ("A-0001", "Tam Owner", "amber")


def test_form_shows_the_services_objection_to_a_past_due_date(client, business_unit, partnership, agency, today):
    client.force_login(business_unit)
    response = client.post(
        url("create", partnership),
        {"title": "Late already", "owner_agency": agency.pk, "due_on": (today - dt.timedelta(days=1)).isoformat()},
    )
    assert response.status_code == 200
    assert "today or in the future" in response.content.decode()
    assert not Action.objects.exists()


def test_form_offers_only_this_partnerships_agencies(client, business_unit, partnership, agency, other_partnership):
    from assure.partnerships.tests.factories import AgencyFactory

    AgencyFactory(name="Southshire Only Trust", partnerships=[other_partnership])
    html = page(client, business_unit, url("create", partnership))
    assert agency.name in html
    assert "Southshire Only Trust" not in html


def test_editing_an_action(client, business_unit, partnership, own_action):
    client.force_login(business_unit)
    response = client.post(
        url("edit", partnership, pk=own_action.pk),
        {
            "title": "Refresh and publish the escalation policy",
            "owner_agency": own_action.owner_agency_id,
            "due_on": own_action.due_on.isoformat(),
            "rag": "green",
        },
    )
    assert response.status_code == 302
    own_action.refresh_from_db()
    assert (own_action.title, own_action.rag) == ("Refresh and publish the escalation policy", "green")


# The action's page, status and updates


def test_action_page_lists_updates_newest_first(client, business_unit, partnership, own_action, today):
    ActionUpdateFactory(action=own_action, text="First draft shared", recorded_on=today - dt.timedelta(days=9))
    ActionUpdateFactory(action=own_action, text="Signed off by the board", recorded_on=today)
    html = page(client, business_unit, url("detail", partnership, pk=own_action.pk))
    assert html.index("Signed off by the board") < html.index("First draft shared")


def test_action_page_shows_who_changed_what(client, business_unit, partnership, own_action):
    client.force_login(business_unit)
    client.post(url("status", partnership, pk=own_action.pk), {"to_status": "in_progress"})
    html = page(client, business_unit, url("detail", partnership, pk=own_action.pk))
    assert "Status: Not started → In progress" in html
    assert business_unit.full_name in html


def test_action_page_offers_only_the_next_steps_of_the_pipeline(client, business_unit, partnership, own_action):
    html = page(client, business_unit, url("detail", partnership, pk=own_action.pk))
    assert "Start work" in html
    assert "Mark as completed" not in html


def test_board_member_is_offered_no_changes(client, board_member, partnership, own_action):
    html = page(client, board_member, url("detail", partnership, pk=own_action.pk))
    assert "Start work" not in html
    assert "Add an update" not in html


def test_changing_status_from_the_form(client, agency_lead, partnership, own_action):
    client.force_login(agency_lead)
    response = client.post(url("status", partnership, pk=own_action.pk), {"to_status": "in_progress"})
    assert response.url == own_action.get_absolute_url()
    own_action.refresh_from_db()
    assert own_action.status == Status.IN_PROGRESS


def test_reopening_without_a_reason_asks_for_one(client, business_unit, partnership, own_action, today):
    Action.objects.filter(pk=own_action.pk).update(status=Status.COMPLETED, completed_on=today)
    client.force_login(business_unit)
    response = client.post(url("status", partnership, pk=own_action.pk), {"to_status": "in_progress"})
    assert response.status_code == 200
    assert "Give a reason" in response.content.decode()
    own_action.refresh_from_db()
    assert own_action.status == Status.COMPLETED


def test_adding_an_update_from_the_form(client, agency_lead, partnership, own_action, today):
    client.force_login(agency_lead)
    response = client.post(
        url("update_add", partnership, pk=own_action.pk),
        {"kind": "progress", "recorded_on": today.isoformat(), "text": "Draft circulated to partners"},
    )
    assert response.url == own_action.get_absolute_url()
    assert own_action.updates.get(kind=ActionUpdate.Kind.PROGRESS).text == "Draft circulated to partners"


def test_agency_lead_cannot_post_an_update_to_another_agencys_action(
    client, agency_lead, partnership, other_action, today
):
    client.force_login(agency_lead)
    response = client.post(
        url("update_add", partnership, pk=other_action.pk),
        {"kind": "progress", "recorded_on": today.isoformat(), "text": "Not mine"},
    )
    assert response.status_code == 404
    assert not other_action.updates.exists()


# The tracker is cached, and never stale: every change made through the services shows on the
# very next page, and each person sees the actions they may see.


def test_an_action_raised_shows_at_once_on_the_tracker(client, business_unit, partnership, agency, today):
    assert "Review the threshold document" not in page(client, business_unit, url("tracker", partnership))
    action_create(
        actor=business_unit,
        partnership=partnership,
        title="Review the threshold document",
        owner_agency=agency,
        due_on=today,
    )
    assert "Review the threshold document" in page(client, business_unit, url("tracker", partnership))


def test_an_action_edited_shows_at_once_on_the_tracker(client, business_unit, partnership, own_action):
    assert "Refresh the escalation policy" in page(client, business_unit, url("tracker", partnership))
    action_update(actor=business_unit, action=own_action, title="Rewrite the escalation policy")
    html = page(client, business_unit, url("tracker", partnership))
    assert "Rewrite the escalation policy" in html and "Refresh the escalation policy" not in html


def test_an_action_moved_along_shows_at_once_on_the_tracker(client, business_unit, partnership, own_action):
    assert "Not started</strong>" in page(client, business_unit, url("tracker", partnership))
    action_transition(actor=business_unit, action=own_action, to_status=Status.IN_PROGRESS)
    html = page(client, business_unit, url("tracker", partnership))
    assert "In progress</strong>" in html and "Not started</strong>" not in html


def test_an_owning_agency_renamed_shows_at_once_on_the_tracker(client, business_unit, partnership, own_action, agency):
    old_name = agency.name
    assert old_name in page(client, business_unit, url("tracker", partnership))
    agency_update(
        actor=business_unit,
        partnership=partnership,
        agency=agency,
        name="Northshire Health and Care Trust",
        agency_type=agency.agency_type,
        sector=agency.sector,
        on_board=True,
    )
    html = page(client, business_unit, url("tracker", partnership))
    assert "Northshire Health and Care Trust" in html and old_name not in html


def test_an_agency_lead_never_sees_the_tracker_cached_for_the_business_unit(
    client, business_unit, agency_lead, partnership, own_action, other_action
):
    assert other_action.title in page(client, business_unit, url("tracker", partnership))
    html = page(client, agency_lead, url("tracker", partnership))
    assert own_action.title in html and other_action.title not in html


def test_an_action_falls_overdue_on_the_tracker_the_day_after_it_was_due(
    client, business_unit, partnership, agency, today, monkeypatch
):
    ActionFactory(partnership=partnership, owner_agency=agency, due_on=today, title="Due today")
    assert "Overdue</strong>" not in page(client, business_unit, url("tracker", partnership))
    monkeypatch.setattr(timezone, "localdate", lambda *args: today + dt.timedelta(days=1))
    assert "Overdue</strong>" in page(client, business_unit, url("tracker", partnership))
