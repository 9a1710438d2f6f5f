"""load_demo: the West Mercia demo region in an empty database, with its sign-ins printed."""

from decimal import Decimal
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import CommandError, call_command
from django.utils import timezone

from assure.accounts.models import Membership, User
from assure.accounts.permissions import can_import_published, has_restricted_grant, installation_roles_of
from assure.actions.models import Action
from assure.demo.load import demo_load
from assure.demo.people import OPERATOR, ROLES
from assure.demo.totp import current_code
from assure.library.models import LibraryDocument, LibraryItem
from assure.partnerships.models import (
    Agency,
    Attendance,
    ConfidentialMinute,
    Contribution,
    Expenditure,
    Meeting,
    Partnership,
    Subgroup,
)
from tests.real_names import real_names_in

WEST_MERCIA = ("shropshire", "telford-wrekin", "herefordshire", "worcestershire")


@pytest.fixture
def demo(demo_region, db):
    """What load_demo printed when it loaded the shared demo region (conftest.py)."""
    return demo_region


def shropshire() -> Partnership:
    return Partnership.objects.get(slug="shropshire")


class TestTheLoadedDemo:
    def test_the_four_west_mercia_partnerships_exist(self, demo):
        assert set(Partnership.objects.values_list("slug", flat=True)) == set(WEST_MERCIA)
        assert set(Partnership.objects.values_list("region", flat=True)) == {"West Midlands"}

    def test_partnerships_carry_their_local_authority_codes(self, demo):
        codes = {p.slug: (p.old_la_code, p.ons_code) for p in Partnership.objects.all()}
        assert codes["shropshire"] == ("893", "E06000051")
        assert codes["telford-wrekin"] == ("894", "E06000020")
        assert codes["herefordshire"] == ("884", "E06000019")
        assert codes["worcestershire"] == ("885", "E10000034")

    def test_shropshire_budget_totals_the_published_195480(self, demo):
        total = sum(c.amount for c in Contribution.objects.filter(partnership=shropshire(), year="2014-15"))
        assert total == Decimal("195480.00")

    def test_every_contribution_says_its_split_is_illustrative(self, demo):
        notes = set(Contribution.objects.values_list("note", flat=True))
        assert notes == {"Illustrative split: the published report gives only the total."}

    def test_shropshire_spending_balances_its_income(self, demo):
        spent = sum(e.amount for e in Expenditure.objects.filter(partnership=shropshire(), year="2014-15"))
        assert spent == Decimal("195480.00")

    def test_shropshire_spending_has_a_plan_of_the_same_total(self, demo):
        lines = Expenditure.objects.filter(partnership=shropshire(), year="2014-15")
        assert sum(e.planned for e in lines) == Decimal("195480.00")
        assert any(e.planned != e.amount for e in lines)  # the variance has something to show

    def test_the_demos_requests_are_kept_and_none_is_left_to_e_mail(self, demo):
        from assure.notifications.models import Message

        assert Message.objects.exists()
        assert not Message.objects.filter(sent_at__isnull=True).exists()

    def test_the_police_belong_to_all_four_partnerships(self, demo):
        police = Agency.objects.get(name="West Mercia Police")
        assert set(police.partnerships.values_list("slug", flat=True)) == set(WEST_MERCIA)

    def test_each_partnership_has_its_own_childrens_social_care(self, demo):
        for partnership in Partnership.objects.all():
            social_care = partnership.agencies.filter(agency_type__code="childrens-social-care")
            assert social_care.count() == 1, partnership.slug

    def test_agency_sectors_follow_their_types(self, demo):
        for agency in Agency.objects.select_related("agency_type", "sector"):
            assert agency.sector.code == agency.agency_type.data["sector"], agency.name

    @pytest.mark.parametrize("role", ROLES)
    def test_every_persona_has_a_user_in_every_partnership(self, demo, role):
        for slug in WEST_MERCIA:
            user = User.objects.get(email=f"{role}@{slug}.demo.assure.test")
            assert Membership.objects.filter(user=user, partnership__slug=slug, role=role).exists()

    def test_agency_leads_act_for_an_agency_of_their_partnership(self, demo):
        for membership in Membership.objects.filter(role="agency-lead"):
            assert membership.agency.partnerships.filter(pk=membership.partnership_id).exists()

    def test_the_outsider_belongs_to_worcestershire_only(self, demo):
        outsider = User.objects.get(email="outsider@worcestershire.demo.assure.test")
        assert set(outsider.memberships.values_list("partnership__slug", flat=True)) == {"worcestershire"}

    def test_users_whose_role_needs_mfa_have_the_demo_authenticator(self, demo):
        totp = Authenticator.objects.filter(type=Authenticator.Type.TOTP)
        # The operator holds their role over the installation, through no membership.
        with_totp = set(totp.values_list("user__memberships__role", flat=True)) | set(
            totp.values_list("user__installation_roles__role", flat=True)
        )
        assert with_totp - {None} == {
            "business-unit",
            "chair",
            "panel-member",
            "cdop-manager",
            "designated-officer",
            "operator",
        }
        authenticator = Authenticator.objects.get(
            type=Authenticator.Type.TOTP, user__email="panel-member@herefordshire.demo.assure.test"
        )
        assert TOTP(authenticator).validate_code(current_code())

    def test_the_installation_has_an_operator_of_no_partnership(self, demo):
        operator = User.objects.get(email=OPERATOR.email)
        assert operator.email == "operator@demo.assure.test"
        assert installation_roles_of(user=operator) == {"operator"}
        assert can_import_published(user=operator)
        assert not operator.memberships.exists()
        assert TOTP(Authenticator.objects.get(type=Authenticator.Type.TOTP, user=operator)).validate_code(
            current_code()
        )

    def test_only_the_operator_may_import_published_statistics(self, demo):
        assert [u.email for u in User.objects.all() if can_import_published(user=u)] == [OPERATOR.email]

    def test_the_output_lists_the_operator_of_the_whole_installation(self, demo):
        row = next(line for line in demo.splitlines() if OPERATOR.email in line)
        assert row.split() == ["Whole", "installation", "Operator", OPERATOR.email, "yes"]

    def test_users_whose_role_needs_mfa_have_recovery_codes(self, demo):
        mfa_users = User.objects.filter(authenticator__type=Authenticator.Type.TOTP)
        with_codes = User.objects.filter(authenticator__type=Authenticator.Type.RECOVERY_CODES)
        assert set(mfa_users) == set(with_codes)

    def test_every_expected_agency_has_attendance_at_every_meeting_held(self, demo):
        held = Meeting.objects.filter(held_on__lte=timezone.localdate())
        for meeting in held.select_related("subgroup", "partnership"):
            if meeting.subgroup:
                expected = set(meeting.subgroup.agencies.values_list("pk", flat=True))
            else:
                expected = set(meeting.partnership.agency_links.filter(on_board=True).values_list("agency", flat=True))
            assert set(meeting.attendance.values_list("agency", flat=True)) == expected, str(meeting)

    def test_attendance_mixes_presence_deputies_apologies_and_absence(self, demo):
        statuses = set(Attendance.objects.filter(meeting__partnership=shropshire()).values_list("status", flat=True))
        assert statuses == set(Attendance.Status.values)

    def test_shropshire_holds_six_board_meetings_in_the_year(self, demo):
        board = Meeting.objects.filter(partnership=shropshire(), subgroup=None, held_on__year__lte=2015)
        assert board.count() == 6
        assert all("2014-04-01" <= str(m.held_on) <= "2015-03-31" for m in board)

    def test_every_meeting_is_in_2014_15_but_shropshires_last_and_next_board(self, demo):
        later = Meeting.objects.exclude(held_on__range=("2014-04-01", "2015-03-31"))
        assert {(m.partnership.slug, m.subgroup_id) for m in later} == {("shropshire", None)}
        days = sorted((m.held_on - timezone.localdate()).days for m in later)
        assert len(days) == 2 and days[0] < 0 < days[1]

    def test_the_next_board_meeting_has_no_attendance_yet(self, demo):
        upcoming = Meeting.objects.get(partnership=shropshire(), held_on__gt=timezone.localdate())
        assert not upcoming.attendance.exists()

    def test_the_child_death_overview_panel_is_joint_with_telford_and_wrekin(self, demo):
        panel = Subgroup.objects.get(partnership=shropshire(), name="Child Death Overview Panel")
        assert panel.agencies.filter(name__startswith="Telford & Wrekin Council").exists()

    def test_the_shropshire_business_unit_may_read_confidential_minutes(self, demo):
        business_unit = User.objects.get(email="business-unit@shropshire.demo.assure.test")
        assert has_restricted_grant(user=business_unit, partnership=shropshire(), area="confidential-minutes")
        assert ConfidentialMinute.objects.filter(meeting__partnership=shropshire(), meeting__subgroup=None).count() == 1

    def test_the_tracker_holds_overdue_open_and_completed_actions(self, demo):
        actions = list(Action.objects.filter(partnership=shropshire()))
        assert any(a.is_overdue for a in actions)
        assert any(a.status == Action.Status.IN_PROGRESS and not a.is_overdue for a in actions)
        assert any(a.status == Action.Status.COMPLETED and a.completed_on for a in actions)
        assert any(a.updates.exists() for a in actions)

    def test_a_second_run_refuses_and_changes_nothing(self, demo, settings):
        settings.ASSURE_DEMO = True
        models = (Partnership, Agency, User, Membership, Meeting, Attendance, Contribution, Action, Authenticator)
        before = {model: model.objects.count() for model in models}
        with pytest.raises(CommandError, match="already holds 4 partnership"):
            call_command("load_demo", stdout=StringIO())
        assert {model: model.objects.count() for model in models} == before

    def test_the_output_lists_every_demo_sign_in(self, demo):
        # The demo's practitioners who only fill the training figures cannot sign in (no
        # password): every account that can is listed.
        for user in User.objects.all():
            if user.has_usable_password():
                assert user.email in demo

    def test_the_output_gives_the_password_and_a_current_code(self, demo):
        assert "west-mercia-demo-2015" in demo
        assert "python manage.py demo_totp" in demo
        assert "Recovery codes for business-unit@shropshire.demo.assure.test" in demo

    def test_no_real_person_from_the_report_is_named(self, demo):
        names = " ".join(User.objects.values_list("full_name", flat=True))
        chairs = " ".join(Subgroup.objects.values_list("chair", flat=True))
        assert real_names_in(demo) == []
        assert real_names_in(names) == []
        assert real_names_in(chairs) == []


def test_the_library_is_loaded_first_when_missing(db, monkeypatch):
    # The core dataset's part of the demo is not what this test is about, and is slow; without
    # its figures the reports, whose conclusion is written from them, cannot be published.
    monkeypatch.setattr("assure.demo.load.performance_demo_load", lambda **kwargs: None)
    monkeypatch.setattr("assure.demo.load.reports_demo_load", lambda **kwargs: None)
    # The plan's evidence links the scorecard's indicators, which the core dataset's part writes.
    monkeypatch.setattr("assure.demo.load.plans_demo_evidence", lambda **kwargs: 0)
    # The board papers link the exception reports and board packs those parts write.
    monkeypatch.setattr("assure.demo.load.governance_demo_links", lambda **kwargs: 0)
    from assure.performance.models import Indicator

    Indicator.objects.all().delete()
    LibraryItem.objects.all().delete()
    LibraryDocument.objects.all().delete()
    demo_load()
    assert LibraryDocument.objects.filter(kind="agency-type").exists()
    assert Partnership.objects.count() == 4


def test_load_demo_refuses_outside_a_demo(db, settings):
    settings.DEBUG = False
    settings.ASSURE_DEMO = False
    with pytest.raises(CommandError, match="ASSURE_DEMO"):
        call_command("load_demo", stdout=StringIO())
    assert not Partnership.objects.exists()


def test_demo_totp_prints_the_current_code():
    out = StringIO()
    call_command("demo_totp", stdout=out, stderr=StringIO())
    assert out.getvalue().strip() == current_code()
