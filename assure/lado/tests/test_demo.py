"""The demo's allegations (assure/lado/demo/), loaded once for the module on partnerships made for
the test: Shropshire's 2013-14 and 2014-15 counted by the figures' rules with plain queries (the
seed's 36% rise and the doubling of joint evaluation meetings among them), the officer's live
cases in every state, the repeat person, and no real person named."""

import datetime as dt
import re
from collections import Counter

import pytest
from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone
from rapidfuzz import fuzz

from assure.accounts.permissions import has_restricted_grant
from assure.audit.models import Event
from assure.clocks.workingdays import add_working_days
from assure.demo import region
from assure.lado.demo import lado_demo_load
from assure.lado.models import Child, Meeting, Person, Referral, SectorExpectation, UpdateRequest
from assure.library.selectors import current_items
from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory
from assure.partnerships.years import financial_year_bounds
from conftest import make_member
from tests.real_names import real_names_in

pytestmark = pytest.mark.django_db

AGENCY_KEYS = ("shropshire-community-health", "sath", "shropshire-csc", "police")


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The lado demo on Shropshire and Telford & Wrekin, loaded once and rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        shropshire = PartnershipFactory(name="Shropshire Safeguarding Children Board", slug=region.SHROPSHIRE)
        telford = PartnershipFactory(name="Telford & Wrekin Safeguarding Children Board", slug=region.TELFORD_WREKIN)
        agencies = {key: AgencyFactory(name=key, partnerships=[shropshire, telford]) for key in AGENCY_KEYS}
        users = {
            (region.SHROPSHIRE, "designated-officer"): make_member("designated-officer", shropshire),
            (region.SHROPSHIRE, "agency-lead"): make_member(
                "agency-lead", shropshire, agency=agencies["shropshire-community-health"]
            ),
            (region.TELFORD_WREKIN, "designated-officer"): make_member("designated-officer", telford),
        }
        made = lado_demo_load(
            partnerships={region.SHROPSHIRE: shropshire, region.TELFORD_WREKIN: telford},
            agencies=agencies,
            users=users,
            today=timezone.localdate(),
        )
        yield {"shropshire": shropshire, "telford": telford, "users": users, "agencies": agencies, "made": made}
        transaction.set_rollback(True)


def _allegation_codes() -> list[str]:
    return [item.code for item in current_items(kind="lado-category") if item.data.get("is_allegation", True)]


def counted(partnership, first: dt.date, last: dt.date):
    """The figures' rule: open or closed allegations, by the date referred."""
    return Referral.objects.filter(
        Referral.COUNTED,
        partnership=partnership,
        category__in=_allegation_codes(),
        date_referred__gte=first,
        date_referred__lte=last,
    )


def year_counted(partnership, year: str):
    return counted(partnership, *financial_year_bounds(year))


def joint_evaluations(partnership, year: str) -> int:
    first, last = financial_year_bounds(year)
    kinds = [item.code for item in current_items(kind="lado-meeting-kind") if item.data.get("joint_evaluation")]
    allegations = Referral.objects.filter(Referral.COUNTED, partnership=partnership, category__in=_allegation_codes())
    return Meeting.objects.filter(
        referral__in=allegations, kind__in=kinds, held_on__gte=first, held_on__lte=last
    ).count()


def case(loaded, key) -> Referral:
    return Referral.objects.get(pk=loaded["made"][key].pk)


# --- the two years -------------------------------------------------------------------------------------


def test_shropshire_had_50_referrals_in_2013_14(loaded):
    assert year_counted(loaded["shropshire"], "2013-14").count() == 50


def test_shropshire_had_68_referrals_in_april_to_september_2014_and_57_after(loaded):
    shropshire = loaded["shropshire"]
    first_half = counted(shropshire, dt.date(2014, 4, 1), dt.date(2014, 9, 30)).count()
    second_half = counted(shropshire, dt.date(2014, 10, 1), dt.date(2015, 3, 31)).count()
    assert (first_half, second_half) == (68, 57)


def test_the_first_half_of_2014_15_is_36_percent_up_on_the_whole_of_2013_14(loaded):
    shropshire = loaded["shropshire"]
    before = year_counted(shropshire, "2013-14").count()
    first_half = counted(shropshire, dt.date(2014, 4, 1), dt.date(2014, 9, 30)).count()
    assert round((first_half - before) * 100 / before) == 36


def test_joint_evaluation_meetings_more_than_doubled_from_14_to_31(loaded):
    shropshire = loaded["shropshire"]
    before, after = joint_evaluations(shropshire, "2013-14"), joint_evaluations(shropshire, "2014-15")
    assert (before, after) == (14, 31)
    assert after > 2 * before


@pytest.mark.parametrize(("year", "expected"), [("2013-14", (9, 7, 3)), ("2014-15", (16, 13, 5))])
def test_police_investigations_suspensions_and_dbs_referrals(loaded, year, expected):
    referrals = year_counted(loaded["shropshire"], year)
    found = (
        referrals.filter(police_investigation=True).count(),
        referrals.filter(suspended=True).count(),
        referrals.filter(dbs_referral=True).count(),
    )
    assert found == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (
            "2013-14",
            {
                "education": 22,
                "early-years": 6,
                "social-care": 8,
                "private-care": 4,
                "health": 2,
                "faith": 1,
                "voluntary": 3,
                "sport": 2,
                "transport": 1,
                "police": 1,
            },
        ),
        (
            "2014-15",
            {
                "education": 48,
                "early-years": 14,
                "social-care": 15,
                "private-care": 18,
                "voluntary": 8,
                "sport": 7,
                "transport": 6,
                "health": 3,
                "police": 3,
                "faith": 1,
                "other": 2,
            },
        ),
    ],
)
def test_referrals_by_sector(loaded, year, expected):
    assert Counter(year_counted(loaded["shropshire"], year).values_list("sector", flat=True)) == expected


def test_eight_low_level_concerns_in_2014_15_are_counted_apart(loaded):
    first, last = financial_year_bounds("2014-15")
    concerns = Referral.objects.filter(
        Referral.COUNTED,
        partnership=loaded["shropshire"],
        category="low-level-concern",
        date_referred__gte=first,
        date_referred__lte=last,
    )
    assert concerns.count() == 8
    assert not year_counted(loaded["shropshire"], "2014-15").filter(category="low-level-concern").exists()


def test_health_and_faith_refer_fewer_than_shropshire_expects(loaded):
    shropshire = loaded["shropshire"]
    expected = dict(SectorExpectation.objects.filter(partnership=shropshire).values_list("sector", "expected_per_year"))
    assert expected == {"health": 10, "faith": 4}
    for year in ("2013-14", "2014-15"):
        sectors = Counter(year_counted(shropshire, year).values_list("sector", flat=True))
        assert all(sectors[sector] < number for sector, number in expected.items()), year


def test_every_referral_of_2013_15_is_closed_and_every_allegation_has_its_outcome(loaded):
    referrals = Referral.objects.filter(partnership=loaded["shropshire"], date_referred__lt=dt.date(2015, 4, 1))
    assert set(referrals.values_list("status", flat=True)) == {"closed"}
    allegations = referrals.filter(category__in=_allegation_codes())
    assert not allegations.filter(outcome=None).exists()
    assert set(allegations.values_list("outcome__kind", flat=True)) == {"allegation-outcome"}
    assert all(r.closed_on >= r.date_referred for r in referrals)


def test_physical_allegations_are_most_then_conduct_sexual_emotional_and_neglect(loaded):
    for year in ("2013-14", "2014-15"):
        categories = Counter(year_counted(loaded["shropshire"], year).values_list("category", flat=True))
        assert [code for code, _ in categories.most_common()] == [
            "physical",
            "conduct",
            "sexual",
            "emotional",
            "neglect",
        ], year


def test_unsubstantiated_outcomes_are_most_and_malicious_ones_few(loaded):
    outcomes = Counter(year_counted(loaded["shropshire"], "2014-15").values_list("outcome__code", flat=True))
    assert outcomes.most_common(1)[0][0] == "unsubstantiated"
    assert outcomes["substantiated"] > outcomes["unfounded"] > outcomes["false"] > outcomes["malicious"] > 0
    assert outcomes["malicious"] < 10


def _within(referral: Referral, months: int) -> bool:
    return referral.closed_on <= referral.date_referred + relativedelta(months=months)


def test_about_70_percent_of_2014_15_allegations_close_within_a_month_below_the_80_percent_target(loaded):
    referrals = list(year_counted(loaded["shropshire"], "2014-15"))
    within = sum(_within(r, 1) for r in referrals) * 100 / len(referrals)
    assert 65 <= within < 80


def test_most_2014_15_allegations_close_within_three_months_and_a_handful_take_longer(loaded):
    referrals = list(year_counted(loaded["shropshire"], "2014-15"))
    longer = [r for r in referrals if not _within(r, 3)]
    assert 0 < len(longer) <= 12
    assert any(not _within(r, 12) for r in longer)


def test_most_unfounded_and_malicious_allegations_close_within_a_week(loaded):
    referrals = list(year_counted(loaded["shropshire"], "2014-15").filter(outcome__code__in=["unfounded", "malicious"]))
    quick = [r for r in referrals if r.closed_on <= r.date_referred + dt.timedelta(days=7)]
    assert len(quick) * 2 > len(referrals)


def test_a_few_referrals_came_later_than_one_working_day(loaded):
    for year in ("2013-14", "2014-15"):
        referrals = list(year_counted(loaded["shropshire"], year))
        late = [r for r in referrals if r.date_referred > add_working_days(r.date_known, 1)]
        assert 0 < len(late) <= len(referrals) // 5, year


def test_strategy_review_and_outcome_meetings_are_held_besides_joint_evaluations(loaded):
    kinds = set(Meeting.objects.filter(referral__partnership=loaded["shropshire"]).values_list("kind", flat=True))
    assert kinds == {"joint-evaluation", "strategy", "review", "outcome"}


# --- the officer's live work ----------------------------------------------------------------------------


def test_every_status_is_present_in_shropshire(loaded):
    statuses = set(Referral.objects.filter(partnership=loaded["shropshire"]).values_list("status", flat=True))
    assert statuses == set(Referral.Status.values)


def test_a_case_just_accepted_is_considered_with_no_meeting_yet(loaded):
    accepted = case(loaded, "accepted")
    assert accepted.status == "open" and accepted.considered_on and accepted.accepted_on
    assert not accepted.meetings.exists()


def test_an_open_case_has_had_its_joint_evaluation_meeting(loaded):
    referral = case(loaded, "meeting")
    assert referral.status == "open"
    assert list(referral.meetings.values_list("kind", flat=True)) == ["joint-evaluation"]


def test_an_open_case_has_the_police_investigating_and_the_person_suspended(loaded):
    referral = case(loaded, "police")
    assert referral.status == "open"
    assert referral.police_investigation and referral.police_started_on and not referral.police_result
    assert referral.suspended and referral.suspended_from and referral.suspended_to is None


def test_an_open_case_is_past_its_three_month_target(loaded):
    referral = case(loaded, "overdue")
    today = timezone.localdate()
    assert referral.status == "open"
    assert referral.date_referred + relativedelta(months=3) < today < referral.date_referred + relativedelta(months=5)


def test_an_update_asked_of_the_employer_is_outstanding_and_overdue(loaded):
    overdue = [
        update
        for update in UpdateRequest.objects.filter(referral__partnership=loaded["shropshire"])
        if update.is_outstanding and update.due_on < timezone.localdate()
    ]
    assert [update.referral_id for update in overdue] == [loaded["made"]["update-overdue"].pk]
    assert len(overdue[0].token_digest) == 64


def test_a_draft_comes_from_the_agency_leads_form_for_their_own_agency(loaded):
    draft = case(loaded, "draft-member")
    lead = loaded["users"][(region.SHROPSHIRE, "agency-lead")]
    assert (draft.status, draft.route) == ("draft", "member")
    assert draft.created_by == lead and draft.referrer_email == lead.email
    assert draft.employer_agency == loaded["agencies"]["shropshire-community-health"]


def test_a_draft_comes_from_the_public_form(loaded):
    draft = case(loaded, "draft-public")
    assert (draft.status, draft.route) == ("draft", "public")
    assert draft.status_digest and draft.created_by is None


def test_a_declined_referral_says_why(loaded):
    declined = case(loaded, "declined")
    assert declined.status == "declined" and declined.declined_reason


def test_a_public_referral_awaits_confirmation_before_its_link_expires(loaded):
    awaiting = case(loaded, "awaiting")
    assert awaiting.status == "awaiting-confirmation"
    assert awaiting.confirmation_digest and awaiting.confirmation_expires > timezone.now()


def test_the_designated_officers_hold_the_lado_grant(loaded):
    for slug, partnership in ((region.SHROPSHIRE, loaded["shropshire"]), (region.TELFORD_WREKIN, loaded["telford"])):
        officer = loaded["users"][(slug, "designated-officer")]
        assert has_restricted_grant(user=officer, partnership=partnership, area="lado")


# --- people, children, references, events -------------------------------------------------------------


def test_one_person_is_referred_in_2013_14_and_again_in_2014_15_an_exact_match(loaded):
    first, second = (
        Person.objects.get(pk=loaded["made"][key].person_id) for key in ("repeat-2013-14", "repeat-2014-15")
    )
    assert (first.name_key, first.date_of_birth) == (second.name_key, second.date_of_birth)
    assert loaded["made"]["repeat-2013-14"].date_referred.year == 2013
    assert financial_year_bounds("2014-15")[0] <= loaded["made"]["repeat-2014-15"].date_referred
    assert second.same_as == first


def test_a_current_open_case_is_a_near_match_of_the_repeat_person(loaded):
    repeat = loaded["made"]["repeat-2013-14"].person
    near = case(loaded, "accepted").person
    assert near.date_of_birth == repeat.date_of_birth and near.name_key != repeat.name_key
    assert fuzz.token_sort_ratio(near.name_key, repeat.name_key) >= 85
    assert near.same_as is None and not near.not_same_as.exists()


def test_no_two_other_people_share_a_date_of_birth(loaded):
    births = Counter(Person.objects.filter(partnership=loaded["shropshire"]).values_list("date_of_birth", flat=True))
    assert [count for count in births.values() if count > 1] == [3]  # the repeat person, three times


def test_every_name_is_used_once_but_the_repeat_persons(loaded):
    names = Counter(Person.objects.values_list("name_key", flat=True))
    assert [key for key, count in names.items() if count > 1] == ["darren whitcombe"]


def test_children_are_known_by_age_and_a_made_up_reference_only(loaded):
    children = Child.objects.filter(referral__partnership=loaded["shropshire"])
    assert all(0 <= child.age_years <= 17 for child in children)
    assert all(re.fullmatch(r"CSC-\d+", child.agency_reference) for child in children)
    allegations = Referral.objects.filter(partnership=loaded["shropshire"], category__in=_allegation_codes())
    assert not allegations.filter(children=None).exists()


def test_references_run_in_date_order_in_each_partnership(loaded):
    for partnership in (loaded["shropshire"], loaded["telford"]):
        rows = list(
            Referral.objects.filter(partnership=partnership)
            .order_by("reference")
            .values_list("reference", "date_referred")
        )
        assert [reference for reference, _ in rows] == [f"LA-{n:04d}" for n in range(1, len(rows) + 1)]
        assert [day for _, day in rows] == sorted(day for _, day in rows)


def test_telford_and_wrekin_has_a_few_referrals_and_one_open_case(loaded):
    statuses = Counter(Referral.objects.filter(partnership=loaded["telford"]).values_list("status", flat=True))
    assert statuses == {"closed": 6, "open": 1}


def test_every_referral_has_its_events_naming_no_person(loaded):
    referrals = Referral.objects.filter(partnership=loaded["shropshire"]).select_related("person")
    events = Event.objects.filter(verb__startswith="lado.referral_", partnership=loaded["shropshire"])
    assert {int(pk) for pk in events.values_list("target_id", flat=True)} == {r.pk for r in referrals}
    summaries = " ".join(events.values_list("summary", flat=True))
    assert not any(r.person.family_name in summaries for r in referrals)
    closed = events.filter(verb="lado.referral_closed").count()
    assert closed == referrals.filter(status="closed").count()


def test_no_real_person_from_the_report_is_named(loaded):
    texts = []
    for person in Person.objects.all():
        texts.append(f"{person.given_names} {person.family_name}")
    for values in Referral.objects.values_list(
        "referrer_name", "employer_name", "referrer_organisation", "description", "advice_given", "learning"
    ):
        texts += values
    texts += Meeting.objects.values_list("attendees", flat=True)
    texts += UpdateRequest.objects.values_list("asked_of_name", flat=True)
    assert real_names_in("\n".join(texts)) == []
