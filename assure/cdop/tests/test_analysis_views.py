"""The analysis pages: only with the cdop grant, every read logged and never stored; the forms
complete the review, raise an action and link the case consideration; the death page's partial
shows the analysis, the factors by domain, the actions raised and the referral."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.actions.models import Action
from assure.audit.models import AccessLog
from assure.cdop.models import ChildDeath
from assure.cdop.selectors.analysis import analysis_for_death_page
from assure.cdop.tests.factories import FactorFactory
from assure.library.selectors import current_item
from assure.reviews.tests.factories import ReferralFactory


def url(name, partnership, **kwargs):
    return reverse(f"cdop:{name}", kwargs={"partnership": partnership.slug, **kwargs})


def test_the_analysis_page_needs_the_grant(client, panel_member, partnership, death):
    client.force_login(panel_member)
    assert client.get(url("death_analysis", partnership, pk=death.pk)).status_code == 404


def test_the_analysis_page_is_logged_and_not_stored(client, member, partnership, death):
    client.force_login(member)
    response = client.get(url("death_analysis", partnership, pk=death.pk))
    assert (response.status_code, "no-store" in response["Cache-Control"]) == (200, True)
    assert AccessLog.objects.filter(user=member, area="cdop").exists()


def test_the_analysis_form_completes_the_review(client, member, partnership, death, meeting):
    client.force_login(member)
    client.post(
        url("death_analysis", partnership, pk=death.pk),
        {"panel_meeting": str(meeting.pk), "category": "infection", "modifiable": "none", "learning": ""},
    )
    assert ChildDeath.objects.get(pk=death.pk).status == "reviewed"


def test_the_analysis_form_shows_the_rule_on_modifiable_factors(client, member, partnership, death, meeting):
    client.force_login(member)
    page = client.post(
        url("death_analysis", partnership, pk=death.pk),
        {"panel_meeting": str(meeting.pk), "category": "infection", "modifiable": "identified"},
    ).content.decode()
    assert "a factor marked modifiable" in page


def test_the_recommendation_form_raises_an_action(client, member, partnership, death, agency):
    client.force_login(member)
    due = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    client.post(
        url("recommendation_add", partnership, pk=death.pk),
        {"title": "Cots in every holiday caravan", "owner_agency": str(agency.pk), "due_on": due},
    )
    assert Action.objects.get().source_label == f"Child death review {death.reference}"


def test_the_factor_is_removed_after_confirmation(client, member, partnership, death):
    factor = FactorFactory(death=death)
    client.force_login(member)
    client.post(url("factor_remove", partnership, pk=factor.pk))
    assert not death.factors.exists()


def test_the_review_meeting_page_is_the_managers(client, member, partnership, death):
    client.force_login(member)
    assert client.get(url("review_meeting", partnership, pk=death.pk)).status_code == 403


def test_the_referral_page_links_the_members_case_consideration(client, member, partnership, death):
    referral = ReferralFactory(partnership=partnership, referred_by=member)
    client.force_login(member)
    client.post(url("death_referral", partnership, pk=death.pk), {"referral": f"reviews.referral:{referral.pk}"})
    death.refresh_from_db()
    assert (death.referred_for_review, death.referral_label) == (True, f"Case consideration {referral.reference}")


def test_the_referral_page_offers_to_refer_a_case_first(client, member, partnership, death):
    client.force_login(member)
    page = client.get(url("death_referral", partnership, pk=death.pk)).content.decode()
    assert reverse("reviews:referral_create", kwargs={"partnership": partnership.slug}) in page


def _partial(user, partnership, death) -> str:
    request = RequestFactory().get("/")
    request.user = user
    context = analysis_for_death_page(user=user, partnership=partnership, death=death)
    return render_to_string("cdop/_death_analysis.html", {**context, "current_partnership": partnership}, request)


def test_the_death_page_lists_factors_by_domain(member, partnership, death):
    FactorFactory(death=death, domain="parenting-capacity", description="Smoking in pregnancy.")
    page = _partial(member, partnership, death)
    assert current_item(kind="cdop-domain", code="parenting-capacity").title in page


def test_the_death_page_lists_the_actions_raised(member, partnership, death, agency):
    Action.objects.create(
        partnership=partnership,
        reference="A-0901",
        title="Road safety campaign",
        owner_agency=agency,
        due_on=dt.date(2030, 1, 1),
        source_type=ContentType.objects.get_for_model(ChildDeath),
        source_id=str(death.pk),
        source_label=f"Child death review {death.reference}",
        created_by=member,
    )
    assert "Road safety campaign" in _partial(member, partnership, death)


def test_the_death_page_links_the_referral_for_its_reader(member, partnership, death):
    referral = ReferralFactory(partnership=partnership, referred_by=member)
    ChildDeath.objects.filter(pk=death.pk).update(
        referred_for_review=True,
        referral_type=ContentType.objects.get_for_model(referral),
        referral_id=str(referral.pk),
        referral_label=f"Case consideration {referral.reference}",
    )
    death.refresh_from_db()
    page = _partial(member, partnership, death)
    assert reverse("reviews:referral_detail", kwargs={"partnership": partnership.slug, "pk": referral.pk}) in page


@pytest.fixture
def manager(cdop_manager, partnership):
    RestrictedGrantFactory(user=cdop_manager, partnership=partnership, area="cdop")
    return cdop_manager


@pytest.mark.parametrize(
    "name", ["review_meeting", "death_analysis", "factor_add", "recommendation_add", "death_referral"]
)
def test_each_page_opens_and_shows_its_errors_for_the_manager(client, manager, partnership, death, name):
    client.force_login(manager)
    address = url(name, partnership, pk=death.pk)
    assert (client.get(address).status_code, client.post(address, {}).status_code) == (200, 200)


def test_the_reopen_page_opens_for_a_reviewed_death(client, manager, partnership, death):
    ChildDeath.objects.filter(pk=death.pk).update(status=ChildDeath.Status.REVIEWED)
    client.force_login(manager)
    assert client.get(url("analysis_reopen", partnership, pk=death.pk)).status_code == 200


def test_the_factor_removal_asks_for_confirmation(client, manager, partnership, death):
    factor = FactorFactory(death=death)
    client.force_login(manager)
    assert "Are you sure" in client.get(url("factor_remove", partnership, pk=factor.pk)).content.decode()
