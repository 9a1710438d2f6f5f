"""Who sees which returns and evidence files, across agencies and partnerships."""

from django.urls import reverse

from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory
from assure.section11.models import Return
from assure.section11.selectors.returns import returns_visible_to
from conftest import make_member

from .factories import CycleFactory, EvidenceFileFactory, ResponseFactory, ReturnFactory

SUBMITTED = Return.Status.SUBMITTED


def _url(name, partnership, pk):
    return reverse(f"section11:{name}", kwargs={"partnership": partnership.slug, "pk": pk})


def test_a_cross_border_agencys_return_appears_in_each_of_its_partnerships_and_no_other(partnership, other_partnership):
    third = PartnershipFactory(slug="westshire")
    police = AgencyFactory(partnerships=[partnership, other_partnership])
    cycle = CycleFactory(lead_partnership=partnership, partnerships=[partnership, other_partnership, third])
    police_return = ReturnFactory(cycle=cycle, agency=police, status=SUBMITTED)
    auditors = {p: make_member("auditor", p) for p in (partnership, other_partnership, third)}
    seen = {p.slug: police_return in returns_visible_to(user=a, partnership=p) for p, a in auditors.items()}
    assert seen == {"northshire": True, "southshire": True, "westshire": False}


def test_a_return_is_not_seen_in_a_partnership_outside_the_cycle(partnership, other_partnership):
    police = AgencyFactory(partnerships=[partnership, other_partnership])
    cycle = CycleFactory(lead_partnership=partnership)
    police_return = ReturnFactory(cycle=cycle, agency=police, status=SUBMITTED)
    auditor = make_member("auditor", other_partnership)
    assert police_return not in returns_visible_to(user=auditor, partnership=other_partnership)


def test_agency_lead_sees_their_own_agencys_draft(client, agency_lead, partnership, agency):
    draft = ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=agency)
    client.force_login(agency_lead)
    assert client.get(_url("return_detail", partnership, draft.pk)).status_code == 200


def test_agency_lead_cannot_see_another_agencys_draft(client, agency_lead, partnership, other_agency):
    draft = ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=other_agency)
    client.force_login(agency_lead)
    assert client.get(_url("return_detail", partnership, draft.pk)).status_code == 404


def test_agency_lead_cannot_see_another_agencys_submitted_return(client, agency_lead, partnership, other_agency):
    submitted = ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=other_agency, status=SUBMITTED)
    client.force_login(agency_lead)
    assert client.get(_url("return_detail", partnership, submitted.pk)).status_code == 404


def test_agency_lead_cannot_download_another_agencys_evidence(client, agency_lead, partnership, other_agency):
    other = ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=other_agency)
    evidence = EvidenceFileFactory(response=ResponseFactory(return_record=other))
    client.force_login(agency_lead)
    assert client.get(_url("evidence_download", partnership, evidence.pk)).status_code == 404


def test_board_member_does_not_see_a_draft(client, board_member, partnership, agency):
    draft = ReturnFactory(
        cycle=CycleFactory(lead_partnership=partnership), agency=agency, status=Return.Status.IN_PROGRESS
    )
    client.force_login(board_member)
    assert client.get(_url("return_detail", partnership, draft.pk)).status_code == 404


def test_board_member_sees_a_submitted_return_of_their_partnership(client, board_member, partnership, agency):
    submitted = ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=agency, status=SUBMITTED)
    client.force_login(board_member)
    page = client.get(_url("return_detail", partnership, submitted.pk))
    assert page.status_code == 200
    assert page.context["may_complete"] is False


def test_board_member_does_not_see_a_submitted_return_of_another_partnership(client, board_member, other_partnership):
    foreign = ReturnFactory(cycle=CycleFactory(lead_partnership=other_partnership), status=SUBMITTED)
    client.force_login(board_member)
    assert client.get(_url("return_detail", other_partnership, foreign.pk)).status_code == 404


def test_board_member_cannot_download_evidence_of_a_draft(client, board_member, partnership, agency):
    draft = ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=agency)
    evidence = EvidenceFileFactory(response=ResponseFactory(return_record=draft))
    client.force_login(board_member)
    assert client.get(_url("evidence_download", partnership, evidence.pk)).status_code == 404


def test_business_unit_sees_a_draft_read_only(client, business_unit, partnership, agency):
    draft = ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=agency)
    client.force_login(business_unit)
    page = client.get(_url("return_detail", partnership, draft.pk))
    assert page.status_code == 200
    assert page.context["may_complete"] is False


def test_outsider_sees_nothing(client, outsider, partnership, agency):
    submitted = ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=agency, status=SUBMITTED)
    evidence = EvidenceFileFactory(response=ResponseFactory(return_record=submitted))
    client.force_login(outsider)
    for name, pk in (
        ("return_detail", submitted.pk),
        ("evidence_download", evidence.pk),
        ("cycle_detail", submitted.cycle_id),
    ):
        assert client.get(_url(name, partnership, pk)).status_code == 404
    assert returns_visible_to(user=outsider, partnership=partnership).count() == 0


def test_viewer_has_no_section11_access(client, viewer, partnership, agency):
    submitted = ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=agency, status=SUBMITTED)
    client.force_login(viewer)
    assert client.get(_url("return_detail", partnership, submitted.pk)).status_code == 403


def test_evidence_is_streamed_as_an_attachment_and_the_download_recorded(client, auditor, partnership, agency):
    from assure.audit.models import Event

    submitted = ReturnFactory(cycle=CycleFactory(lead_partnership=partnership), agency=agency, status=SUBMITTED)
    evidence = EvidenceFileFactory(response=ResponseFactory(return_record=submitted))
    client.force_login(auditor)
    download = client.get(_url("evidence_download", partnership, evidence.pk))
    assert download["Content-Disposition"].startswith("attachment;")
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert Event.objects.filter(verb="section11.evidence_downloaded", target_id=str(evidence.pk)).exists()


def test_cycle_register_shows_an_agency_lead_only_their_agency(client, agency_lead, partnership, agency, other_agency):
    cycle = CycleFactory(lead_partnership=partnership)
    own = ReturnFactory(cycle=cycle, agency=agency)
    ReturnFactory(cycle=cycle, agency=other_agency)
    client.force_login(agency_lead)
    page = client.get(_url("cycle_detail", partnership, cycle.pk))
    assert [r.record.pk for r in page.context["table"].rows] == [own.pk]
