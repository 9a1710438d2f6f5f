"""The catalogue's courses: adding and changing them with their rules (a level of the library,
learning outcomes unless e-learning, the module's address for e-learning only, the partnership's
own priorities, delivery fixed once sessions exist), retiring and offering again, and the pages
that do it for the business unit while the board only reads."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from assure.audit.models import Event
from assure.plans.tests.factories import PriorityFactory
from assure.training.models import Course
from assure.training.services.catalogue import course_create, course_reinstate, course_retire, course_update
from assure.training.tests.factories import CourseFactory, SessionFactory

pytestmark = pytest.mark.django_db


def url(name, partnership, **kwargs):
    return reverse(f"training:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def values(**changes) -> dict:
    data = {
        "title": "Compromised parenting",
        "level": "specialist",
        "delivery": Course.Delivery.CLASSROOM,
        "summary": "Parental mental ill health, substance misuse and domestic abuse.",
        "audience": "Practitioners working with families.",
        "outcomes": ["Recognise the impact on children", "Know when to refer"],
        "priority": None,
        "pre_course": "",
        "elearning_url": "",
        "needs_approval": False,
        "is_multi_agency": True,
    }
    data.update(changes)
    return data


def posted(**changes) -> dict:
    data = {
        "title": "Compromised parenting",
        "level": "specialist",
        "delivery": "classroom",
        "summary": "Parental mental ill health.",
        "audience": "Practitioners working with families.",
        "outcomes": "Recognise the impact on children\n\nKnow when to refer\n",
        "is_multi_agency": "on",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


# --- services -----------------------------------------------------------------------------------


def test_a_course_is_added_offered_with_an_event(business_unit, partnership):
    course = course_create(actor=business_unit, partnership=partnership, values=values())
    assert course.is_active and course.created_by == business_unit
    assert Event.objects.filter(verb="training.course_created", target_id=str(course.pk)).exists()


def test_a_course_needs_a_level_of_the_library(business_unit, partnership):
    with pytest.raises(ValidationError) as raised:
        course_create(actor=business_unit, partnership=partnership, values=values(level="advanced"))
    assert "level" in raised.value.message_dict


def test_a_classroom_course_needs_a_learning_outcome(business_unit, partnership):
    with pytest.raises(ValidationError) as raised:
        course_create(actor=business_unit, partnership=partnership, values=values(outcomes=["  "]))
    assert raised.value.message_dict["outcomes"] == ["Enter at least one learning outcome, one on each line."]


def test_an_elearning_course_needs_its_address_but_no_outcome(business_unit, partnership):
    course = course_create(
        actor=business_unit,
        partnership=partnership,
        values=values(delivery="e-learning", outcomes=[], elearning_url="https://learning.example.org/m1"),
    )
    assert course.is_elearning and course.outcomes == []


def test_an_elearning_course_without_its_address_is_refused(business_unit, partnership):
    with pytest.raises(ValidationError) as raised:
        course_create(actor=business_unit, partnership=partnership, values=values(delivery="e-learning"))
    assert "elearning_url" in raised.value.message_dict


def test_only_an_elearning_course_has_a_module_address(business_unit, partnership):
    with pytest.raises(ValidationError) as raised:
        course_create(
            actor=business_unit, partnership=partnership, values=values(elearning_url="https://learning.example.org")
        )
    assert "elearning_url" in raised.value.message_dict


def test_another_partnerships_priority_is_refused(business_unit, partnership, other_partnership):
    with pytest.raises(ValidationError) as raised:
        course_create(
            actor=business_unit,
            partnership=partnership,
            values=values(priority=PriorityFactory(partnership=other_partnership)),
        )
    assert "priority" in raised.value.message_dict


def test_the_board_member_cannot_add_a_course(board_member, partnership):
    with pytest.raises(PermissionDenied):
        course_create(actor=board_member, partnership=partnership, values=values())


def test_an_update_names_the_fields_changed(business_unit, course):
    changed = course_update(actor=business_unit, course=course, values=values(title=course.title, level="foundation"))
    assert "level" in changed and "title" not in changed
    course.refresh_from_db()
    assert course.level == "foundation"


def test_delivery_cannot_change_once_the_course_has_sessions(business_unit, session):
    course = session.course
    with pytest.raises(ValidationError) as raised:
        course_update(actor=business_unit, course=course, values=values(delivery="online"))
    assert "delivery" in raised.value.message_dict


def test_a_retired_course_keeps_its_sessions_to_come(business_unit, session):
    course_retire(actor=business_unit, course=session.course)
    session.refresh_from_db()
    assert not session.course.is_active and session.status == "scheduled"


def test_a_retired_course_is_offered_again(business_unit, course):
    course_retire(actor=business_unit, course=course)
    course_reinstate(actor=business_unit, course=course)
    course.refresh_from_db()
    assert course.is_active


def test_a_retired_course_cannot_be_retired_again(business_unit, course):
    course_retire(actor=business_unit, course=course)
    with pytest.raises(ValidationError):
        course_retire(actor=business_unit, course=course)


# --- pages --------------------------------------------------------------------------------------


def test_the_business_unit_adds_a_course_by_the_form(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(url("course_create", partnership), posted())
    course = Course.objects.get(partnership=partnership)
    assert response.status_code == 302 and response.url == url("course_detail", partnership, pk=course.pk)
    assert course.outcomes == ["Recognise the impact on children", "Know when to refer"]


def test_the_form_shows_a_missing_outcome_against_its_field(client, business_unit, partnership):
    client.force_login(business_unit)
    response = client.post(url("course_create", partnership), posted(outcomes=""))
    assert response.status_code == 200
    assert response.context["form"].errors["outcomes"] == ["Enter at least one learning outcome, one on each line."]


def test_the_form_offers_the_current_plans_priorities(client, business_unit, partnership):
    priority = PriorityFactory(partnership=partnership, title="Neglect")
    client.force_login(business_unit)
    response = client.post(url("course_create", partnership), posted(priority=str(priority.pk)))
    assert response.status_code == 302
    assert Course.objects.get(partnership=partnership).priority == priority


def test_the_business_unit_changes_a_course(client, business_unit, partnership, course):
    client.force_login(business_unit)
    response = client.post(url("course_edit", partnership, pk=course.pk), posted(title="Neglect: the toolkit"))
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.title == "Neglect: the toolkit"


def test_retiring_asks_first(client, business_unit, partnership, course):
    client.force_login(business_unit)
    response = client.get(url("course_retire", partnership, pk=course.pk))
    assert response.status_code == 200
    course.refresh_from_db()
    assert course.is_active


def test_retiring_is_confirmed_by_the_button(client, business_unit, partnership, course):
    client.force_login(business_unit)
    client.post(url("course_retire", partnership, pk=course.pk))
    course.refresh_from_db()
    assert not course.is_active


def test_the_board_member_reads_a_course(client, board_member, partnership, session):
    client.force_login(board_member)
    response = client.get(url("course_detail", partnership, pk=session.course.pk))
    assert response.status_code == 200
    assert session.reference in response.content.decode()
    assert url("course_edit", partnership, pk=session.course.pk) not in response.content.decode()


@pytest.mark.parametrize("page", ["course_edit", "course_retire"])
def test_the_board_member_cannot_change_a_course(client, board_member, partnership, course, page):
    client.force_login(board_member)
    assert client.post(url(page, partnership, pk=course.pk), posted()).status_code == 403


def test_another_partnerships_course_is_not_found(client, business_unit, partnership, other_partnership):
    course = CourseFactory(partnership=other_partnership)
    client.force_login(business_unit)
    assert client.get(url("course_detail", partnership, pk=course.pk)).status_code == 404


def test_the_course_page_splits_sessions_to_come_and_past(client, business_unit, partnership, course):
    import datetime as dt

    from django.utils import timezone

    starts = timezone.now() - dt.timedelta(days=30)
    past = SessionFactory(
        course=course,
        starts_at=starts,
        booking_opens=starts - dt.timedelta(days=20),
        booking_closes=starts - dt.timedelta(days=2),
    )
    to_come = SessionFactory(course=course)
    client.force_login(business_unit)
    response = client.get(url("course_detail", partnership, pk=course.pk))
    assert response.context["sessions_to_come"] == [to_come]
    assert response.context["sessions_past"] == [past]
