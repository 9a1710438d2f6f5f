"""The review meeting and the panel's analysis: who may record them, and the rules that complete a
review (a meeting of the panel, a category of the library, a modifiable factor behind "identified",
no completion while paused); factors from the library; recommendations raised as actions."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.actions.models import Action
from assure.audit.models import Event
from assure.cdop.models import ChildDeath
from assure.cdop.services.analysis import (
    analysis_record,
    analysis_reopen,
    factor_add,
    factor_remove,
    recommendation_raise,
    review_meeting_record,
)
from assure.cdop.tests.factories import ChildDeathFactory, FactorFactory, PanelFactory
from assure.library.selectors import current_item
from assure.partnerships.tests.factories import MeetingFactory


@pytest.fixture
def manager(cdop_manager, partnership):
    RestrictedGrantFactory(user=cdop_manager, partnership=partnership, area="cdop")
    return cdop_manager


def category(code="sudden-unexpected-unexplained"):
    return current_item(kind="cdop-category", code=code)


def record(actor, partnership, death, meeting, **changes):
    values = {
        "panel_meeting": meeting,
        "category": category(),
        "modifiable": ChildDeath.Modifiable.NONE,
        "learning": "Safer sleeping advice to be repeated at every health visit.",
        "referred_for_review": False,
    }
    return analysis_record(actor=actor, partnership=partnership, death=death, **{**values, **changes})


def test_the_analysis_completes_the_review_on_the_meeting_date(member, partnership, death, meeting):
    record(member, partnership, death, meeting)
    death.refresh_from_db()
    assert (death.status, death.reviewed_on, death.category.code) == ("reviewed", meeting.held_on, category().code)


def test_the_analysis_needs_the_grant(panel_member, partnership, death, meeting):
    with pytest.raises(PermissionDenied):
        record(panel_member, partnership, death, meeting)


def test_a_meeting_of_another_body_is_refused(member, partnership, death):
    board = MeetingFactory(partnership=partnership, held_on=dt.date(2014, 9, 30))
    with pytest.raises(ValidationError) as error:
        record(member, partnership, death, board)
    assert "panel_meeting" in error.value.message_dict


def test_a_meeting_before_the_death_is_refused(member, partnership, death, panel):
    early = MeetingFactory(partnership=partnership, subgroup=panel.subgroup, held_on=dt.date(2014, 4, 29))
    with pytest.raises(ValidationError) as error:
        record(member, partnership, death, early)
    assert "panel_meeting" in error.value.message_dict


def test_a_category_outside_the_library_kind_is_refused(member, partnership, death, meeting):
    with pytest.raises(ValidationError) as error:
        record(member, partnership, death, meeting, category=current_item(kind="cdop-domain", code="the-child"))
    assert "category" in error.value.message_dict


def test_modifiable_factors_identified_needs_a_modifiable_factor(member, partnership, death, meeting):
    FactorFactory(death=death, modifiable=False)
    with pytest.raises(ValidationError) as error:
        record(member, partnership, death, meeting, modifiable=ChildDeath.Modifiable.IDENTIFIED)
    assert "modifiable" in error.value.message_dict


def test_modifiable_factors_identified_with_a_modifiable_factor(member, partnership, death, meeting):
    FactorFactory(death=death, modifiable=True)
    record(member, partnership, death, meeting, modifiable=ChildDeath.Modifiable.IDENTIFIED)
    assert ChildDeath.objects.get(pk=death.pk).modifiable == "identified"


def test_a_paused_review_cannot_be_completed(member, partnership, death, meeting):
    ChildDeath.objects.filter(pk=death.pk).update(status=ChildDeath.Status.PAUSED)
    death.refresh_from_db()
    with pytest.raises(ValidationError, match="resume"):
        record(member, partnership, death, meeting)


def test_another_partnerships_panel_is_refused(member, partnership, other_partnership, meeting):
    elsewhere = ChildDeathFactory(panel=PanelFactory(host=other_partnership))
    with pytest.raises(PermissionDenied):
        record(member, partnership, elsewhere, meeting)


def test_the_manager_reopens_a_review(manager, partnership, death, meeting):
    record(manager, partnership, death, meeting)
    analysis_reopen(actor=manager, partnership=partnership, death=death, reason="The inquest reported afterwards.")
    death.refresh_from_db()
    assert (death.status, death.reviewed_on) == ("notified", None)


def test_the_review_meeting_cannot_be_before_the_death(manager, partnership, death):
    with pytest.raises(ValidationError) as error:
        review_meeting_record(
            actor=manager, partnership=partnership, death=death, held_on=dt.date(2014, 6, 1), notes=""
        )
    assert "held_on" in error.value.message_dict


def test_the_review_meeting_is_the_managers(member, partnership, death):
    with pytest.raises(PermissionDenied):
        review_meeting_record(
            actor=member, partnership=partnership, death=death, held_on=dt.date(2014, 6, 20), notes=""
        )


def test_the_review_meeting_is_recorded(manager, partnership, death):
    review_meeting_record(
        actor=manager, partnership=partnership, death=death, held_on=dt.date(2014, 6, 20), notes="Unsafe sleeping."
    )
    assert ChildDeath.objects.get(pk=death.pk).review_meeting_on == dt.date(2014, 6, 20)


def test_a_factor_takes_its_domain_from_the_library(member, partnership, death):
    with pytest.raises(ValidationError) as error:
        factor_add(
            actor=member,
            partnership=partnership,
            death=death,
            domain="the-weather",
            description="Ice on the road.",
            contribution="unlikely",
            modifiable=False,
        )
    assert "domain" in error.value.message_dict


def test_a_factor_is_added_and_removed(member, partnership, death):
    factor = factor_add(
        actor=member,
        partnership=partnership,
        death=death,
        domain="parenting-capacity",
        description="Smoking in pregnancy.",
        contribution="may-have-contributed",
        modifiable=True,
    )
    factor_remove(actor=member, partnership=partnership, factor=factor)
    assert not death.factors.exists()


def test_a_recommendation_is_raised_as_an_action_from_the_death(member, partnership, death, agency):
    action = recommendation_raise(
        actor=member,
        partnership=partnership,
        death=death,
        title="Give out safer sleeping leaflets at every visit",
        owner_agency=agency,
        due_on=dt.date.today() + dt.timedelta(days=60),
    )
    assert (action.source, action.source_label) == (death, f"Child death review {death.reference}")


def test_the_action_and_its_events_never_name_the_child(member, partnership, death, agency):
    action = recommendation_raise(
        actor=member,
        partnership=partnership,
        death=death,
        title="Give out safer sleeping leaflets at every visit",
        owner_agency=agency,
        due_on=dt.date.today() + dt.timedelta(days=60),
    )
    said = [str(v) for v in Action.objects.filter(pk=action.pk).values_list("title", "source_label", "description")[0]]
    said += [e.summary + str(e.data) for e in Event.objects.all()]
    assert not any(death.child_name in text for text in said)
