"""Recording serious incidents and their steps: who may, what is refused (names, dates out of
order or in the future), the numbering, the events, and the rapid review commissioning a local
review."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from assure.audit.models import Event
from assure.reviews.models import Incident, Review
from assure.reviews.services.incidents import (
    incident_close,
    incident_notify,
    incident_panel_response,
    incident_rapid_review,
    incident_record,
    incident_update,
)
from assure.reviews.tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db

TOMORROW = timezone.localdate() + dt.timedelta(days=1)


def record(actor, partnership, agency, **changes):
    fields = {
        "summary": "Serious injury to a baby",
        "lead_agency": agency,
        "case_reference": "CSC-10482",
        "child_age_years": 0,
        "circumstances": "Admitted to hospital with injuries not explained by the account given.",
        "aware_on": dt.date(2026, 3, 2),
        **changes,
    }
    return incident_record(actor=actor, partnership=partnership, **fields)


def errors_of(excinfo) -> dict:
    return excinfo.value.message_dict


def test_the_business_unit_records_an_incident_numbered_in_the_partnership(business_unit, partnership, agency):
    first = record(business_unit, partnership, agency)
    second = record(business_unit, partnership, agency, summary="Death of a young person")
    assert (first.reference, second.reference) == ("SI-001", "SI-002")


def test_recording_an_incident_records_an_event(business_unit, partnership, agency):
    incident = record(business_unit, partnership, agency)
    assert Event.objects.filter(verb="reviews.incident_recorded", target_id=str(incident.pk)).exists()


@pytest.mark.parametrize("persona", ["board_member", "chair", "auditor", "agency_lead"], indirect=True)
def test_only_the_business_unit_records_an_incident(persona, partnership, agency):
    with pytest.raises(PermissionDenied):
        record(persona, partnership, agency)


@pytest.mark.parametrize("reference", ["Jane Smith", "Baby Smith 2", "3/4/2025", "DOB 12 May 2024", "smith"])
def test_a_case_reference_like_a_name_or_a_date_of_birth_is_refused(business_unit, partnership, agency, reference):
    with pytest.raises(ValidationError) as excinfo:
        record(business_unit, partnership, agency, case_reference=reference)
    assert "case_reference" in errors_of(excinfo)


def test_a_summary_naming_someone_is_refused(business_unit, partnership, agency):
    with pytest.raises(ValidationError) as excinfo:
        record(business_unit, partnership, agency, summary="Injury to Tommy Harker")
    assert "summary" in errors_of(excinfo)


def test_the_date_of_awareness_may_not_be_in_the_future(business_unit, partnership, agency):
    with pytest.raises(ValidationError) as excinfo:
        record(business_unit, partnership, agency, aware_on=TOMORROW)
    assert "aware_on" in errors_of(excinfo)


def test_the_lead_agency_must_belong_to_the_partnership(business_unit, partnership, other_partnership):
    from assure.partnerships.tests.factories import AgencyFactory

    stranger = AgencyFactory(name="Southshire Council", partnerships=[other_partnership])
    with pytest.raises(ValidationError) as excinfo:
        record(business_unit, partnership, stranger)
    assert "lead_agency" in errors_of(excinfo)


def test_a_child_is_at_most_seventeen(business_unit, partnership, agency):
    with pytest.raises(ValidationError) as excinfo:
        record(business_unit, partnership, agency, child_age_years=18)
    assert "child_age_years" in errors_of(excinfo)


def test_notification_is_recorded_and_stops_the_first_clock(business_unit, partnership, agency):
    incident = IncidentFactory(partnership=partnership, lead_agency=agency, aware_on=dt.date(2026, 3, 2))
    incident_notify(actor=business_unit, incident=incident, notified_on=dt.date(2026, 3, 6))
    incident.refresh_from_db()
    assert incident.notified_on == dt.date(2026, 3, 6)
    assert Event.objects.filter(verb="reviews.incident_notified", target_id=str(incident.pk)).exists()


def test_notification_before_the_local_authority_was_aware_is_refused(business_unit, partnership, agency):
    incident = IncidentFactory(partnership=partnership, lead_agency=agency, aware_on=dt.date(2026, 3, 2))
    with pytest.raises(ValidationError) as excinfo:
        incident_notify(actor=business_unit, incident=incident, notified_on=dt.date(2026, 3, 1))
    assert "notified_on" in errors_of(excinfo)


def test_notification_in_the_future_is_refused(business_unit, partnership, agency):
    incident = IncidentFactory(partnership=partnership, lead_agency=agency, aware_on=dt.date(2026, 3, 2))
    with pytest.raises(ValidationError) as excinfo:
        incident_notify(actor=business_unit, incident=incident, notified_on=TOMORROW)
    assert "notified_on" in errors_of(excinfo)


def test_the_rapid_review_waits_for_the_notification(business_unit, partnership, agency):
    incident = IncidentFactory(partnership=partnership, lead_agency=agency, aware_on=dt.date(2026, 3, 2))
    with pytest.raises(ValidationError) as excinfo:
        incident_rapid_review(
            actor=business_unit,
            incident=incident,
            rapid_review_on=dt.date(2026, 3, 20),
            outcome="no-lcspr",
            reasons="x",
        )
    assert "rapid_review_on" in errors_of(excinfo)


def test_a_rapid_review_before_the_notification_is_refused(business_unit, incident):
    with pytest.raises(ValidationError) as excinfo:
        incident_rapid_review(
            actor=business_unit, incident=incident, rapid_review_on=dt.date(2026, 3, 4), outcome="no-lcspr", reasons="x"
        )
    assert "rapid_review_on" in errors_of(excinfo)


def test_a_rapid_review_needs_a_decision_of_the_scheme_and_reasons(business_unit, incident):
    with pytest.raises(ValidationError) as excinfo:
        incident_rapid_review(
            actor=business_unit, incident=incident, rapid_review_on=dt.date(2026, 3, 20), outcome="maybe", reasons=" "
        )
    assert set(errors_of(excinfo)) == {"outcome", "reasons"}


def test_a_rapid_review_without_a_local_review_commissions_nothing(business_unit, incident):
    incident_rapid_review(
        actor=business_unit,
        incident=incident,
        rapid_review_on=dt.date(2026, 3, 20),
        outcome="no-lcspr",
        reasons="Agencies worked well together; the learning goes to the neglect strategy.",
    )
    incident.refresh_from_db()
    assert (incident.rapid_review_outcome, incident.review) == ("no-lcspr", None)
    assert not Review.objects.exists()


def test_a_rapid_review_deciding_on_a_local_review_commissions_it(business_unit, incident):
    incident_rapid_review(
        actor=business_unit,
        incident=incident,
        rapid_review_on=dt.date(2026, 3, 20),
        outcome="lcspr",
        reasons="Agencies did not share what they knew of the injuries.",
    )
    incident.refresh_from_db()
    review = incident.review
    assert (review.kind, review.decided_on, review.partnership) == ("lcspr", dt.date(2026, 3, 20), incident.partnership)


def test_correcting_a_rapid_review_commissions_no_second_review(business_unit, incident):
    for day in (dt.date(2026, 3, 20), dt.date(2026, 3, 23)):
        incident_rapid_review(
            actor=business_unit, incident=incident, rapid_review_on=day, outcome="lcspr", reasons="Reasons."
        )
    assert Review.objects.filter(partnership=incident.partnership).count() == 1


def test_reasons_left_out_keep_those_recorded(business_unit, incident):
    incident_rapid_review(
        actor=business_unit,
        incident=incident,
        rapid_review_on=dt.date(2026, 3, 20),
        outcome="no-lcspr",
        reasons="Kept.",
    )
    incident_rapid_review(
        actor=business_unit, incident=incident, rapid_review_on=dt.date(2026, 3, 23), outcome="no-lcspr", reasons=None
    )
    incident.refresh_from_db()
    assert (incident.rapid_review_on, incident.rapid_review_reasons) == (dt.date(2026, 3, 23), "Kept.")


def test_the_panel_responds_after_the_rapid_review(business_unit, incident):
    incident_rapid_review(
        actor=business_unit, incident=incident, rapid_review_on=dt.date(2026, 3, 20), outcome="no-lcspr", reasons="R."
    )
    with pytest.raises(ValidationError) as excinfo:
        incident_panel_response(
            actor=business_unit, incident=incident, response="agrees", responded_on=dt.date(2026, 3, 19)
        )
    assert "responded_on" in errors_of(excinfo)


def test_the_panel_response_is_one_of_the_scheme(business_unit, incident):
    incident_rapid_review(
        actor=business_unit, incident=incident, rapid_review_on=dt.date(2026, 3, 20), outcome="no-lcspr", reasons="R."
    )
    incident_panel_response(actor=business_unit, incident=incident, response="agrees", responded_on=dt.date(2026, 4, 8))
    incident.refresh_from_db()
    assert (incident.panel_response, incident.panel_response_on) == ("agrees", dt.date(2026, 4, 8))
    with pytest.raises(ValidationError) as excinfo:
        incident_panel_response(
            actor=business_unit, incident=incident, response="shrugs", responded_on=dt.date(2026, 4, 8)
        )
    assert "response" in errors_of(excinfo)


def test_awareness_moved_after_the_notification_is_refused(business_unit, incident):
    with pytest.raises(ValidationError) as excinfo:
        incident_update(actor=business_unit, incident=incident, aware_on=dt.date(2026, 3, 6))
    assert "aware_on" in errors_of(excinfo)


def test_an_update_names_the_fields_changed(business_unit, incident):
    incident_update(actor=business_unit, incident=incident, summary="Serious injury to an infant")
    event = Event.objects.get(verb="reviews.incident_updated", target_id=str(incident.pk))
    assert event.data["fields"] == ["summary"]


def test_a_closed_incident_can_no_longer_change(business_unit, incident):
    incident_close(actor=business_unit, incident=incident)
    incident.refresh_from_db()
    assert incident.closed_on == timezone.localdate()
    with pytest.raises(PermissionDenied):
        incident_notify(actor=business_unit, incident=incident, notified_on=dt.date(2026, 3, 4))


def test_closing_is_for_the_business_unit(board_member, incident):
    with pytest.raises(PermissionDenied):
        incident_close(actor=board_member, incident=incident)
    assert Incident.objects.get(pk=incident.pk).is_open
