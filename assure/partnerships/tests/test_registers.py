"""The agencies and meetings registers are cached, and never stale: every change made through the
services shows on the very next page, for the partnership whose register it changes and no other."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from assure.accounts.tests.factories import MembershipFactory
from assure.library.models import LibraryDocument, LibraryItem
from assure.partnerships.models import Attendance, RegisterVersion
from assure.partnerships.registers import (
    ACTIONS,
    AGENCIES,
    MEETINGS,
    register_version,
    registers_changed,
)
from assure.partnerships.services import (
    AttendanceEntry,
    agency_create,
    agency_remove,
    agency_update,
    attendance_record,
    meeting_create,
    meeting_update,
    subgroup_create,
    subgroup_update,
)
from assure.partnerships.tests.factories import library_item


def page(client, partnership, name: str, **query) -> str:
    response = client.get(reverse(f"partnerships:{name}", kwargs={"partnership": partnership.slug}), query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def signed_in(client, viewer):
    client.force_login(viewer)
    return client


def _police() -> dict:
    return {"agency_type": library_item("agency-type", "police"), "sector": library_item("sector", "police")}


# --- the versions ------------------------------------------------------------------------------


def test_a_change_moves_on_only_the_registers_and_partnerships_named(partnership, other_partnership):
    def versions() -> dict:
        return {
            (p.slug, r): register_version(partnership=p, register=r)
            for p in (partnership, other_partnership)
            for r in (AGENCIES, MEETINGS)
        }

    before = versions()
    registers_changed(partnership_ids=[partnership.pk], registers=[MEETINGS])
    after = versions()
    assert [key for key in before if after[key] != before[key]] == [(partnership.slug, MEETINGS)]


def test_a_version_is_made_at_the_first_change_and_then_counts_up(partnership):
    registers_changed(partnership_ids=[partnership.pk], registers=[ACTIONS])
    registers_changed(partnership_ids=[partnership.pk, partnership.pk], registers=[ACTIONS])
    assert RegisterVersion.objects.get(partnership=partnership, register=ACTIONS).version == 2


def test_an_unknown_register_is_refused(partnership):
    with pytest.raises(ValueError, match="No such register: minutes"):
        registers_changed(partnership_ids=[partnership.pk], registers=["minutes"])


def test_a_version_with_the_library_moves_on_with_a_new_library_document(partnership):
    before = register_version(partnership=partnership, register=AGENCIES, library=True)
    LibraryDocument.objects.create(
        urn="urn:assure:test",
        version=1,
        kind="sector",
        provider="assure",
        title="Test",
        checksum="test",
        source_path="test",
        content={},
    )
    assert register_version(partnership=partnership, register=AGENCIES, library=True) != before


# --- the agencies register, through the services that change it --------------------------------


def test_an_agency_added_shows_at_once(signed_in, business_unit, partnership, agency):
    assert "Northshire Police" not in page(signed_in, partnership, "agencies")
    agency_create(actor=business_unit, partnership=partnership, name="Northshire Police", **_police())
    assert "Northshire Police" in page(signed_in, partnership, "agencies")


def test_an_agency_renamed_shows_at_once_in_each_of_its_partnerships(
    client, business_unit, partnership, other_partnership, agency
):
    agency.partnership_links.create(partnership=other_partnership)
    southshire_viewer = MembershipFactory(partnership=other_partnership, role="viewer").user
    client.force_login(southshire_viewer)
    assert agency.name in page(client, other_partnership, "agencies")
    agency_update(
        actor=business_unit,
        partnership=partnership,
        agency=agency,
        name="Northshire Community Health",
        agency_type=agency.agency_type,
        sector=agency.sector,
        on_board=True,
    )
    assert "Northshire Community Health<" in page(client, other_partnership, "agencies")


def test_a_board_seat_given_up_shows_at_once(signed_in, business_unit, partnership, agency):
    def on_the_board() -> str:
        row = page(signed_in, partnership, "agencies").split(f">{agency.name}</a>")[1].split("</tr>")[0]
        return re.findall(r'<td class="govuk-table__cell">(Yes|No)</td>', row)[0]

    assert on_the_board() == "Yes"
    agency_update(
        actor=business_unit,
        partnership=partnership,
        agency=agency,
        name=agency.name,
        agency_type=agency.agency_type,
        sector=agency.sector,
        on_board=False,
    )
    assert on_the_board() == "No"


def test_an_agency_removed_shows_at_once(signed_in, business_unit, partnership, agency):
    assert agency.name in page(signed_in, partnership, "agencies")
    agency_remove(actor=business_unit, partnership=partnership, agency=agency)
    assert agency.name not in page(signed_in, partnership, "agencies")
    assert agency.name in page(signed_in, partnership, "agencies", status="former")


def test_a_new_version_of_the_library_shows_at_once_in_the_filter(signed_in, partnership, agency):
    assert "Police and justice" not in page(signed_in, partnership, "agencies")
    current = LibraryDocument.objects.filter(kind="sector").order_by("-version").first()
    newer = LibraryDocument.objects.create(
        urn=current.urn,
        version=current.version + 1,
        kind="sector",
        provider=current.provider,
        title=current.title,
        checksum="newer",
        source_path=current.source_path,
        content={},
    )
    for item in current.items.all():
        title = "Police and justice" if item.code == "police" else item.title
        LibraryItem.objects.create(
            document=newer,
            urn=item.urn,
            kind=item.kind,
            code=item.code,
            title=title,
            position=item.position,
            data=item.data,
        )
    assert '<option value="police">Police and justice</option>' in page(signed_in, partnership, "agencies")


# --- the meetings register ---------------------------------------------------------------------


def test_a_meeting_added_shows_at_once(signed_in, business_unit, partnership, board_meeting):
    assert "Extraordinary board" not in page(signed_in, partnership, "meetings")
    meeting_create(
        actor=business_unit, partnership=partnership, held_on=dt.date(2014, 9, 11), title="Extraordinary board"
    )
    assert "Extraordinary board" in page(signed_in, partnership, "meetings")


def test_a_meeting_edited_shows_at_once(signed_in, business_unit, partnership, board_meeting):
    assert "Board meeting" in page(signed_in, partnership, "meetings")
    meeting_update(actor=business_unit, meeting=board_meeting, held_on=board_meeting.held_on, title="Annual board")
    html = page(signed_in, partnership, "meetings")
    assert "Annual board" in html and "Board meeting" not in html


def test_attendance_recorded_shows_at_once(signed_in, business_unit, partnership, board_meeting, agency):
    def recorded() -> str:
        html = page(signed_in, partnership, "meetings")
        return html.split("12 June 2014")[1].split("</tr>")[0]

    assert '<td class="govuk-table__cell govuk-table__cell--numeric">0</td>' in recorded()
    attendance_record(
        actor=business_unit, meeting=board_meeting, entries=[AttendanceEntry(agency, Attendance.Status.PRESENT)]
    )
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">1</td>' in recorded()


def test_a_subgroup_added_or_renamed_shows_at_once(signed_in, business_unit, partnership, board_meeting):
    subgroup = subgroup_create(actor=business_unit, partnership=partnership, name="Learning and Improvement")
    assert "Learning and Improvement</option>" in page(signed_in, partnership, "meetings")
    meeting_create(actor=business_unit, partnership=partnership, held_on=dt.date(2014, 10, 2), subgroup=subgroup)
    subgroup_update(actor=business_unit, subgroup=subgroup, name="Learning from Practice")
    html = page(signed_in, partnership, "meetings")
    assert "Learning from Practice</option>" in html and "Learning and Improvement" not in html
    assert "Learning from Practice</td>" in html


def test_a_change_elsewhere_leaves_a_partnership_s_register_as_it_was(
    signed_in, business_unit, partnership, other_partnership, board_meeting
):
    before = register_version(partnership=partnership, register=MEETINGS)
    MembershipFactory(user=business_unit, partnership=other_partnership, role="business-unit")
    meeting_create(actor=business_unit, partnership=other_partnership, held_on=dt.date(2014, 9, 11))
    assert register_version(partnership=partnership, register=MEETINGS) == before
