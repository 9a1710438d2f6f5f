"""A cycle's page and its analysis are cached, and never stale: every change to what they show,
made through the services, shows on the very next page; the cached part is the part computed
afresh; and no one is shown what another person's view of the page held."""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assure.library.models import LibraryDocument, LibraryItem
from assure.notifications.services import reminder_send
from assure.partnerships.services.agencies import agency_update
from assure.partnerships.tests.factories import AgencyFactory
from assure.section11.cache import bump_cycle, remembered_part, with_versions
from assure.section11.models import Cycle, CycleVersion, Return
from assure.section11.services.cycles import cycle_close, cycle_update
from assure.section11.services.moderation import (
    response_challenge,
    response_moderate,
    return_accept,
    return_reopen,
)
from assure.section11.services.reminders import return_remind
from assure.section11.services.returns import evidence_add, response_save, return_submit

from .factories import PDF_BYTES, CycleFactory, ReturnFactory

Status = Return.Status
TODAY = dt.date.today()


@pytest.fixture
def cycle(partnership, business_unit):
    return CycleFactory(lead_partnership=partnership, created_by=business_unit, deadline=TODAY + dt.timedelta(days=5))


def handed_in(cycle, agency, ratings=None, status=Status.SUBMITTED) -> Return:
    """A return of the agency rated (ref -> level; amber throughout by default) and handed in."""
    return_record = ReturnFactory(cycle=cycle, agency=agency, status=status)
    for response in return_record.responses.filter(not_applicable=False):
        response.self_rating = (ratings or {}).get(response.criterion, "amber")
        response.save()
    return return_record


def draft(cycle, agency) -> Return:
    return ReturnFactory(cycle=cycle, agency=agency, status=Status.NOT_STARTED)


def analysis_page(client, user, partnership, cycle) -> str:
    """The part of the analysis page below its shell, which is what is cached."""
    client.force_login(user)
    page = client.get(reverse("section11:analysis", kwargs={"partnership": partnership.slug, "pk": cycle.pk}))
    assert page.status_code == 200
    return page.context["analysis_content"]


def cycle_page(client, user, partnership, cycle, query: str = "") -> str:
    """The part of the cycle's page below its shell, which is what is cached."""
    client.force_login(user)
    address = reverse("section11:cycle_detail", kwargs={"partnership": partnership.slug, "pk": cycle.pk})
    page = client.get(address + query)
    assert page.status_code == 200
    return page.context["cycle_content"]


def compliant(page: str) -> str:
    """The analysis's headline: compliant criteria out of those rated."""
    return re.search(r'class="govuk-panel__title[^"]*">([^<]*)<', page).group(1)


def count(page: str, status: str) -> int:
    """How many returns the cycle page's completion table counts under ``status``."""
    return int(re.search(rf">{status}</th><td[^>]*>(\d+)</td>", page).group(1))


def response_of(return_record: Return, ref: str = "1.1"):
    return return_record.responses.get(criterion=ref)


def queries_of(call) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        call()
    return [q["sql"] for q in captured.captured_queries]


# --- the mechanism ---------------------------------------------------------------------------


def test_a_second_view_of_the_analysis_reads_no_answers(client, board_member, partnership, cycle, agency):
    handed_in(cycle, agency)
    analysis_page(client, board_member, partnership, cycle)
    second = queries_of(lambda: analysis_page(client, board_member, partnership, cycle))
    assert not [sql for sql in second if '"section11_response"' in sql or '"section11_return"' in sql]


def test_a_second_view_of_the_cycle_reads_no_returns(client, business_unit, partnership, cycle, agency):
    draft(cycle, agency)
    cycle_page(client, business_unit, partnership, cycle)
    second = queries_of(lambda: cycle_page(client, business_unit, partnership, cycle))
    assert not [sql for sql in second if '"section11_return"' in sql]


def test_the_cached_analysis_is_the_analysis_computed_afresh(client, board_member, partnership, cycle, agency):
    handed_in(cycle, agency, {"1.1": "green"})
    address = reverse("section11:analysis", kwargs={"partnership": partnership.slug, "pk": cycle.pk})
    client.force_login(board_member)
    computed = client.get(address).context["analysis_content"]
    cached = client.get(address).context["analysis_content"]
    cache.clear()
    afresh = client.get(address)
    assert cached == computed == afresh.context["analysis_content"]
    assert "Heat map of agencies by standard" in cached and cached in afresh.content.decode()


def test_the_cached_cycle_page_is_the_page_computed_afresh(client, business_unit, partnership, cycle, agency):
    draft(cycle, agency)
    address = reverse("section11:cycle_detail", kwargs={"partnership": partnership.slug, "pk": cycle.pk})
    client.force_login(business_unit)
    computed = client.get(address).context["cycle_content"]
    cached = client.get(address).context["cycle_content"]
    cache.clear()
    afresh = client.get(address)
    assert cached == computed == afresh.context["cycle_content"]
    assert agency.name in cached and cached in afresh.content.decode()


def test_a_filtered_register_is_made_afresh_every_time(client, business_unit, partnership, cycle, agency):
    draft(cycle, agency)
    cycle_page(client, business_unit, partnership, cycle, "?agency=nobody")
    again = queries_of(lambda: cycle_page(client, business_unit, partnership, cycle, "?agency=nobody"))
    assert [sql for sql in again if '"section11_return"' in sql]
    assert "No returns match." in cycle_page(client, business_unit, partnership, cycle, "?agency=nobody")


def test_a_version_is_created_on_first_bump_and_then_counts_up(cycle):
    bump_cycle(cycle.pk)
    bump_cycle(cycle.pk)
    assert CycleVersion.objects.get(cycle=cycle).version == 2


def test_a_part_is_cached_only_for_a_cycle_read_with_its_versions(business_unit, partnership, cycle):
    with pytest.raises(TypeError):
        remembered_part(user=business_unit, partnership=partnership, cycle=cycle, name="test", render=lambda: "x")


def test_a_bump_makes_the_part_computed_again(business_unit, partnership, cycle):
    calls = []

    def render():
        calls.append(1)
        return str(len(calls))

    def part():
        read = with_versions(Cycle.objects.all()).get(pk=cycle.pk)
        return remembered_part(user=business_unit, partnership=partnership, cycle=read, name="test", render=render)

    assert (part(), part()) == ("1", "1")
    bump_cycle(cycle.pk)
    assert part() == "2"


# --- no stale figure, through the services that change them ------------------------------------


def test_a_return_submitted_shows_at_once_on_both_pages(client, business_unit, agency_lead, partnership, cycle, agency):
    return_record = draft(cycle, agency)
    for response in return_record.responses.filter(not_applicable=False):
        response.self_rating = "green"
        response.save()
    assert count(cycle_page(client, business_unit, partnership, cycle), "Submitted") == 0
    assert "nothing to analyse" in analysis_page(client, business_unit, partnership, cycle)
    return_submit(actor=agency_lead, partnership=partnership, return_record=return_record)
    assert count(cycle_page(client, business_unit, partnership, cycle), "Submitted") == 1
    assert compliant(analysis_page(client, business_unit, partnership, cycle)) == "100% (3 of 3)"


def test_an_answer_saved_shows_at_once(client, business_unit, agency_lead, partnership, cycle, agency):
    return_record = draft(cycle, agency)
    assert count(cycle_page(client, business_unit, partnership, cycle), "In progress") == 0
    response_save(
        actor=agency_lead, partnership=partnership, response=response_of(return_record), rating="green", evidence="."
    )
    assert count(cycle_page(client, business_unit, partnership, cycle), "In progress") == 1


def test_evidence_that_starts_a_return_shows_at_once(client, business_unit, agency_lead, partnership, cycle, agency):
    return_record = draft(cycle, agency)
    assert count(cycle_page(client, business_unit, partnership, cycle), "Not started") == 1
    evidence_add(
        actor=agency_lead,
        partnership=partnership,
        response=response_of(return_record),
        upload=SimpleUploadedFile("policy.pdf", PDF_BYTES),
    )
    assert count(cycle_page(client, business_unit, partnership, cycle), "Not started") == 0


def test_a_challenge_shows_at_once(client, business_unit, auditor, partnership, cycle, agency):
    return_record = handed_in(cycle, agency)
    assert count(cycle_page(client, business_unit, partnership, cycle), "Under challenge") == 0
    assert "under challenge" not in analysis_page(client, business_unit, partnership, cycle)
    response_challenge(actor=auditor, partnership=partnership, response=response_of(return_record), question="Why?")
    assert count(cycle_page(client, business_unit, partnership, cycle), "Under challenge") == 1
    assert "under challenge" in analysis_page(client, business_unit, partnership, cycle)


def test_a_moderated_rating_shows_at_once(client, business_unit, auditor, partnership, cycle, agency):
    return_record = handed_in(cycle, agency, {"1.1": "green", "1.2": "green", "2.1": "green"})
    assert compliant(analysis_page(client, business_unit, partnership, cycle)) == "100% (3 of 3)"
    response_moderate(
        actor=auditor, partnership=partnership, response=response_of(return_record), moderated_rating="red", note="No."
    )
    assert compliant(analysis_page(client, business_unit, partnership, cycle)) == "67% (2 of 3)"


def test_a_return_accepted_shows_at_once(client, business_unit, auditor, partnership, cycle, agency):
    return_record = handed_in(cycle, agency)
    assert count(cycle_page(client, business_unit, partnership, cycle), "Accepted") == 0
    assert "; accepted" not in analysis_page(client, business_unit, partnership, cycle)
    return_accept(actor=auditor, partnership=partnership, return_record=return_record)
    assert count(cycle_page(client, business_unit, partnership, cycle), "Accepted") == 1
    assert "; accepted" in analysis_page(client, business_unit, partnership, cycle)


def test_a_return_reopened_leaves_the_analysis_at_once(client, business_unit, auditor, partnership, cycle, agency):
    return_record = handed_in(cycle, agency)
    assert "nothing to analyse" not in analysis_page(client, business_unit, partnership, cycle)
    return_reopen(actor=auditor, partnership=partnership, return_record=return_record, reason="Evidence missing.")
    assert "nothing to analyse" in analysis_page(client, business_unit, partnership, cycle)
    assert count(cycle_page(client, business_unit, partnership, cycle), "In progress") == 1


def test_a_reminder_sent_shows_at_once(client, business_unit, agency_lead, partnership, cycle, agency):
    return_record = draft(cycle, agency)
    assert "Never" in cycle_page(client, business_unit, partnership, cycle)
    return_remind(actor=business_unit, partnership=partnership, return_record=return_record)
    assert "Never" not in cycle_page(client, business_unit, partnership, cycle)


def test_a_scheduled_reminder_shows_at_once(client, business_unit, agency_lead, partnership, cycle, agency):
    # The daily reminders are sent by notifications, outside Section 11's services.
    return_record = draft(cycle, agency)
    assert "Never" in cycle_page(client, business_unit, partnership, cycle)
    reminder_send(
        actor=None,
        target=return_record,
        partnership=partnership,
        recipients=[agency_lead],
        subject="Reminder",
        body="Due soon.",
        path="/",
        kind="section11.return_reminder",
    )
    assert "Never" not in cycle_page(client, business_unit, partnership, cycle)


def test_the_cycle_changed_shows_at_once_on_both_pages(client, business_unit, partnership, cycle, agency):
    handed_in(cycle, agency)
    assert "Audit renamed" not in cycle_page(client, business_unit, partnership, cycle)
    assert "Audit renamed" not in analysis_page(client, business_unit, partnership, cycle)
    cycle_update(
        actor=business_unit,
        partnership=partnership,
        cycle=cycle,
        title="Audit renamed",
        opens_on=cycle.opens_on,
        deadline=cycle.deadline,
        reminder_days=cycle.reminder_days,
    )
    assert "Audit renamed" in cycle_page(client, business_unit, partnership, cycle)
    assert "Audit renamed" in analysis_page(client, business_unit, partnership, cycle)


def test_the_cycle_closed_shows_at_once(client, business_unit, partnership, cycle):
    assert "Close the cycle" in cycle_page(client, business_unit, partnership, cycle)
    cycle_close(actor=business_unit, partnership=partnership, cycle=cycle)
    assert "Close the cycle" not in cycle_page(client, business_unit, partnership, cycle)


def test_a_change_to_the_previous_cycle_shows_at_once(
    client, business_unit, agency_lead, auditor, partnership, cycle, agency
):
    before = CycleFactory(lead_partnership=partnership, year="2013-14", framework=cycle.framework)
    cycle_update(
        actor=business_unit,
        partnership=partnership,
        cycle=cycle,
        title=cycle.title,
        opens_on=cycle.opens_on,
        deadline=cycle.deadline,
        reminder_days=cycle.reminder_days,
        previous=before,
    )
    handed_in(cycle, agency)
    earlier = handed_in(before, agency, {"1.1": "green", "1.2": "green", "2.1": "green"})
    assert "100%" in analysis_page(client, business_unit, partnership, cycle)
    return_reopen(actor=auditor, partnership=partnership, return_record=earlier, reason="Evidence missing.")
    assert "100%" not in analysis_page(client, business_unit, partnership, cycle)


def test_an_agency_renamed_shows_at_once_on_both_pages(client, business_unit, partnership, cycle, agency):
    handed_in(cycle, agency)
    assert "Renamed Trust" not in cycle_page(client, business_unit, partnership, cycle)
    assert "Renamed Trust" not in analysis_page(client, business_unit, partnership, cycle)
    agency_update(
        actor=business_unit,
        partnership=partnership,
        agency=agency,
        name="Renamed Trust",
        agency_type=agency.agency_type,
        sector=agency.sector,
        on_board=True,
    )
    assert "Renamed Trust" in cycle_page(client, business_unit, partnership, cycle)
    assert "Renamed Trust" in analysis_page(client, business_unit, partnership, cycle)


def test_a_new_version_of_the_rating_scale_shows_at_once(client, business_unit, partnership, cycle, agency):
    handed_in(cycle, agency)
    assert "Amber-ish" not in analysis_page(client, business_unit, partnership, cycle)
    current = LibraryDocument.objects.filter(kind="rating-scale").order_by("-version").first()
    newer = LibraryDocument.objects.create(
        urn=current.urn,
        version=current.version + 1,
        kind=current.kind,
        provider=current.provider,
        title=current.title,
        checksum="newer",
        source_path=current.source_path,
        content={},
    )
    for item in current.items.all():
        data = item.data
        if item.code == "rag":
            data = {**data, "levels": [{**level, "label": f"{level['label']}-ish"} for level in data["levels"]]}
        LibraryItem.objects.create(
            document=newer,
            urn=item.urn,
            kind=item.kind,
            code=item.code,
            title=item.title,
            position=item.position,
            data=data,
        )
    assert "Amber-ish" in analysis_page(client, business_unit, partnership, cycle)


def test_a_return_becomes_overdue_overnight(client, business_unit, partnership, cycle, agency, monkeypatch):
    draft(cycle, agency)
    assert count(cycle_page(client, business_unit, partnership, cycle), "Overdue") == 0
    the_day_after = cycle.deadline + dt.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: the_day_after)
    assert count(cycle_page(client, business_unit, partnership, cycle), "Overdue") == 1


# --- what one person sees never reaches another --------------------------------------------------


def test_a_draft_the_business_unit_saw_as_a_link_is_no_link_for_a_board_member(
    client, business_unit, board_member, partnership, cycle, agency
):
    return_record = draft(cycle, agency)
    link = reverse("section11:return_detail", kwargs={"partnership": partnership.slug, "pk": return_record.pk})
    assert link in cycle_page(client, business_unit, partnership, cycle)
    assert link not in cycle_page(client, board_member, partnership, cycle)


def test_an_agency_lead_sees_only_their_agency_after_the_business_unit(
    client, business_unit, agency_lead, partnership, cycle, agency
):
    draft(cycle, agency)
    theirs = draft(cycle, AgencyFactory(partnerships=[partnership]))
    assert theirs.agency.name in cycle_page(client, business_unit, partnership, cycle)
    page = cycle_page(client, agency_lead, partnership, cycle)
    assert agency.name in page and theirs.agency.name not in page


def test_each_role_has_its_own_analysis(client, business_unit, auditor, partnership, cycle, agency):
    handed_in(cycle, agency)
    analysis_page(client, business_unit, partnership, cycle)
    first_of_auditor = queries_of(lambda: analysis_page(client, auditor, partnership, cycle))
    assert [sql for sql in first_of_auditor if '"section11_response"' in sql]


# The list of cycles


def cycles_list(client, user, partnership) -> str:
    client.force_login(user)
    page = client.get(reverse("section11:cycles", kwargs={"partnership": partnership.slug}))
    assert page.status_code == 200
    return page.content.decode()


def test_the_list_of_cycles_is_served_from_the_cache(client, business_unit, partnership, cycle):
    with CaptureQueriesContext(connection) as computed:
        first = cycles_list(client, business_unit, partnership)
    with CaptureQueriesContext(connection) as again:
        assert cycles_list(client, business_unit, partnership) == first
    # The cycles themselves (with their frameworks) are read only to compute the list.
    reads = [q for q in computed if '"library_librarydocument"' in q["sql"] and '"section11_cycle"' in q["sql"]]
    assert reads
    assert not [q for q in again if q["sql"] in {r["sql"] for r in reads}]


def test_a_cycle_renamed_shows_at_once_in_the_list(client, business_unit, partnership, cycle):
    assert "Audit renamed" not in cycles_list(client, business_unit, partnership)
    cycle_update(
        actor=business_unit,
        partnership=partnership,
        cycle=cycle,
        title="Audit renamed",
        opens_on=cycle.opens_on,
        deadline=cycle.deadline,
        reminder_days=cycle.reminder_days,
    )
    assert "Audit renamed" in cycles_list(client, business_unit, partnership)


def test_a_cycle_closed_shows_at_once_in_the_list(client, business_unit, partnership, cycle):
    assert "Closed" not in cycles_list(client, business_unit, partnership)
    cycle_close(actor=business_unit, partnership=partnership, cycle=cycle)
    assert "Closed" in cycles_list(client, business_unit, partnership)


def test_a_new_cycle_shows_at_once_in_the_list(client, business_unit, partnership, cycle):
    cycles_list(client, business_unit, partnership)
    CycleFactory(lead_partnership=partnership, title="The next year's audit", created_by=business_unit)
    assert "The next year&#x27;s audit" in cycles_list(client, business_unit, partnership)


def test_the_list_is_kept_apart_for_people_who_may_see_different_things(business_unit, agency_lead, partnership, cycle):
    from assure.section11.cache import cycles_list_version

    assert cycles_list_version(user=business_unit, partnership=partnership) != cycles_list_version(
        user=agency_lead, partnership=partnership
    )
