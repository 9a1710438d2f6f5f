"""The permission matrix: every URL of the project × every persona, on records of the persona's
own partnership and of another one.

A URL whose view declares no access fails here, and so does a URL this file does not know how to
fill in. The expectations below are written out by hand from the personas of docs/architecture.md
— they do not read the roles library — so a change to who may do what has to be made in both
places.
"""

import pytest
from django.test import Client
from django.urls import reverse

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.partnerships.tests.factories import AgencyFactory
from conftest import PERSONAS
from tests.urlwalk import project_routes
from tests.world import SAMPLES, build_side, url_for

EVERYONE_IN_PARTNERSHIP = {
    "business_unit",
    "board_member",
    "chair",
    "agency_lead",
    "auditor",
    "panel_member",
    "cdop_manager",
    "designated_officer",
    "viewer",
}

# Who may use a view declared with each permission, in their own partnership.
EXPECTED = {
    "partnerships.view": EVERYONE_IN_PARTNERSHIP,
    "partnerships.manage": {"business_unit"},
    "minutes.read_confidential": {"business_unit", "board_member", "chair"},
    "members.view": {"business_unit"},
    "members.manage": {"business_unit"},
    "actions.view": EVERYONE_IN_PARTNERSHIP - {"viewer"},
    "actions.manage": {"business_unit"},
    "actions.update": {"business_unit", "agency_lead"},
    "audit.view": {"business_unit"},
    "performance.view": EVERYONE_IN_PARTNERSHIP - {"viewer"},
    "performance.manage": {"business_unit"},
    "returns.view": {"business_unit", "auditor", "agency_lead"},
    "returns.submit": {"business_unit", "agency_lead"},
    "returns.remind": {"business_unit"},
    "exceptions.comment": {"business_unit", "agency_lead"},
    "section11.view": {"business_unit", "board_member", "chair", "auditor", "agency_lead"},
    "section11.complete": {"agency_lead"},
    "section11.moderate": {"business_unit", "auditor"},
    "section11.manage": {"business_unit"},
    "section11.analyse": {"business_unit", "board_member", "chair", "auditor"},
    "reports.view": {"business_unit", "board_member", "chair", "auditor", "agency_lead"},
    "reports.manage": {"business_unit"},
    "reports.contribute": {"agency_lead"},
    # The business plan is the partnership's published plan: every member reads it.
    "plan.view": EVERYONE_IN_PARTNERSHIP,
    "plan.manage": {"business_unit"},
    # Any member may challenge an agency; the viewer reads published material only.
    "challenges.view": EVERYONE_IN_PARTNERSHIP - {"viewer"},
    "challenges.raise": EVERYONE_IN_PARTNERSHIP - {"viewer"},
    "challenges.respond": {"business_unit", "agency_lead"},
    "challenges.manage": {"business_unit"},
    "risks.view": {"business_unit", "board_member", "chair", "auditor"},
    "risks.manage": {"business_unit"},
    "agendas.view": {"business_unit", "board_member", "chair", "auditor", "agency_lead"},
    "agendas.manage": {"business_unit"},
    # Audits: an agency lead sees the audits its agency takes part in and answers its sections.
    "audits.view": {"business_unit", "board_member", "chair", "auditor", "agency_lead"},
    "audits.manage": {"business_unit"},
    "audits.grade": {"business_unit", "auditor"},
    "audits.answer": {"agency_lead"},
    "conferences.view": {"business_unit", "board_member", "chair", "auditor"},
    # The chair's agency (children's social care) records its conferences' checklists.
    "conferences.record": {"business_unit", "agency_lead"},
    "questionnaires.check": {"business_unit"},
    # Case reviews: the board and the reviewers read reviews (their named content needs the
    # case-review grant as well); any member but a viewer refers a case; the chair decides;
    # an agency lead uploads their agency's chronologies and reports.
    "reviews.view": {"business_unit", "board_member", "chair", "auditor"},
    "reviews.refer": EVERYONE_IN_PARTNERSHIP - {"viewer"},
    "reviews.manage": {"business_unit"},
    "reviews.run": {"business_unit", "auditor"},
    "reviews.decide": {"chair"},
    "reviews.contribute": {"agency_lead"},
    "clocks.view": {
        "business_unit",
        "board_member",
        "chair",
        "auditor",
        "panel_member",
        "cdop_manager",
        "designated_officer",
    },
    "cdop.view": {"business_unit", "board_member", "chair", "panel_member", "cdop_manager"},
    "cdop.setup": {"business_unit"},
    "cdop.review": {"panel_member", "cdop_manager"},
    "cdop.manage": {"cdop_manager"},
    "cdop.notify": {"agency_lead"},
    "cdop.report": {"agency_lead"},
    # Allegations: figures (suppressed) for the board's people and the officer; the cases need the
    # lado grant on top of lado.manage (NARROWER); an agency's lead refers through the form.
    "lado.view": {"business_unit", "board_member", "chair", "designated_officer"},
    "lado.manage": {"designated_officer"},
    "lado.refer": {"agency_lead"},
    # Training: the board reads the figures, the business unit keeps the training; a practitioner
    # books (their own records only) and marks the register of a session they teach (NARROWER
    # where the side's session names no trainer); an agency's lead makes the training return.
    "training.view": {"business_unit", "board_member", "chair"},
    "training.manage": {"business_unit"},
    "training.register": {"business_unit", "practitioner"},
    "training.book": {"practitioner"},
    "training.return": {"agency_lead"},
    # Registers: the board reads the figures (breakdowns' small numbers hidden); the business unit
    # keeps every register; an agency's lead records its agency's entries of the kinds its agency's
    # type records (the agency lead's agency is a police force); a verified private provider
    # notifies placements and sees only their own.
    "registers.view": {"business_unit", "board_member", "chair"},
    "registers.manage": {"business_unit"},
    "registers.record": {"business_unit", "agency_lead"},
    "registers.notify": {"provider"},
    # Engagement: the board reads campaigns, surveys' results, voices and events; the business
    # unit keeps them. Anyone answers an open survey on its public link.
    "engagement.view": {"business_unit", "board_member", "chair"},
    "engagement.manage": {"business_unit"},
}

# Who may use a view of the whole installation, declared with each installation permission. The
# operator imports the published statistics every partnership shares; no partnership role may.
EXPECTED_INSTALLATION = {
    "statistics.import": {"operator"},
    # Creating partnerships and inviting each one's first business unit officer.
    "partnerships.create": {"operator"},
}

# Views of records every partnership shares (the library's indicators): no other partnership's
# record to refuse.
# The library's Section 11 frameworks likewise: any partnership may open a cycle on any of them.
# The library's questionnaires too: Assure's are shown to every partnership, by code.
SHARED = {"performance:indicator", "section11:framework_detail", "questionnaires:outline"}
# A register's kind is the library's, shared by every partnership: its pages show the asking
# partnership's own entries (assure/registers/tests/test_entries_views.py checks whose).
SHARED |= {"registers:entries", "registers:entry_create"}
# The figures of a kind are the asking partnership's own entries' counts (test_figures_views.py).
SHARED |= {"registers:kind_figures", "registers:kind_figures_download", "registers:monitored_under"}
# A kind's upload page and template: the upload records into the asking partnership's own register
# (assure/registers/tests/test_uploads_views.py checks for which agencies).
SHARED |= {"registers:upload", "registers:upload_template"}

# Views whose records narrow the permission further.
NARROWER = {
    # A booking's own pages answer its practitioner only: the side's booking is another
    # practitioner's (assure/training/tests/test_bookings_views.py covers the persona's own).
    "training:booking_detail": set(),
    "training:booking_cancel": set(),
    "training:offer_accept": set(),
    "training:booking_ics": set(),
    # The partnership's overview is partnerships.view's; a practitioner, who may not view the
    # partnership, is sent on to their own training page rather than refused (the only redirect
    # counted as "allowed" here; assure/training/tests/test_practitioners_access.py checks where to).
    # A private provider is sent on to "My notifications" the same way.
    "partnerships:home": EVERYONE_IN_PARTNERSHIP | {"practitioner", "provider"},
    # A placement notification's pages answer its own provider only: the side's notification is
    # another provider's (assure/registers/tests/test_providers_notify.py covers the persona's own).
    "registers:notification_detail": set(),
    "registers:notification_answers": set(),
    # The questions of an entry answer those who see the entry: the side's placement notification is
    # held by children's social care, not the agency lead's police force (test_entries_views.py).
    "registers:entry_answers": {"business_unit"},
    # A session's register is marked by the business unit or a trainer named on the session; the
    # side's session names none (assure/training/tests/test_attendance_register.py covers trainers).
    "training:register": {"business_unit"},
    # A delegate's evaluations and certificates are their own: the side's booking is another
    # practitioner's (assure/training/tests/test_evaluations_*.py covers their own).
    "training:evaluate": set(),
    "training:evaluation_start": set(),
    "training:certificate": set(),
    # A group's landing page is open to whoever may use one of its parts: every part of
    # Performance and assurance needs performance.view, returns.view or section11.view.
    "menu:assurance": EVERYONE_IN_PARTNERSHIP - {"viewer"},
    # The business unit cancels an action itself; only someone who works on it but may not
    # cancel it (the agency lead, on their agency's action) proposes cancelling.
    "actions:cancellation_propose": {"agency_lead"},
    # A risk's review is recorded by the business unit or by the risk's own owner (who may hold
    # only risks.view): the sample risk is owned by the business unit, so no one else reviews it.
    "governance:risk_review": {"business_unit"},
    # A restricted record needs an explicit grant as well: only the business unit holds one here.
    "partnerships:confidential_minute_detail": {"business_unit"},
    # A case consideration's decision letter is case content: its referring member (the sample's,
    # the business unit) reads it, and so would a reader of reviews with a case-review grant (no
    # persona holds one here: assure/reviews/tests/test_referrals_views.py covers the grant).
    "reviews:referral_letter": {"business_unit"},
    # A review's case file and final report need the case-review grant, which no persona holds in
    # the matrix's world (tests/world_reviews.py); an agency's uploaded chronology is downloaded by
    # its own agency's lead without it (declared reviews.refer, narrowed by the contribution).
    "reviews:review_case": set(),
    # Child death panels and clocks, exchanges: about children, the cdop grant needed (no persona
    # holds it here; assure/cdop/tests covers the grant).
    "cdop:death_pause": set(),
    "cdop:death_resume": set(),
    "cdop:exchange_create": set(),
    "cdop:exchange_detail": set(),
    "cdop:exchange_download": set(),
    "cdop:exchange_import": set(),
    "reviews:review_report_download": set(),
    # The export of every child death shaped like the national database needs the cdop grant.
    "cdop:ncmd_export": set(),
    "reviews:contribution_download": {"agency_lead"},
    # Section 11: the sample return is submitted (under challenge), so every persona of
    # section11.view reads it. A draft return narrows further, to its agency's lead and the
    # business unit: assure/section11/tests/test_visibility.py covers drafts and evidence.
    # Reports: the sample section is asked of the agency lead's agency, so they read and write it;
    # its report is a draft, which no one outside the partnership reads
    # (assure/reports/tests/test_visibility.py covers the other sections of a draft).
    # A report's preview and documents are the whole report: of a draft, the agency lead reads
    # only their own section, so these wait until it is published (test_rendering_views.py).
    **dict.fromkeys(
        ["reports:preview", "reports:outputs", "reports:rendering", "reports:rendering_download"],
        {"business_unit", "board_member", "chair", "auditor"},
    ),
    # Learning: the learning briefings (reviews.view), the training the board reads
    # (training.view) and an agency lead's single-agency training return (training.return); a
    # practitioner's "My training" is under it too, but the group's page needs partnerships.view.
    "menu:learning": {"business_unit", "board_member", "chair", "auditor", "agency_lead"},
    # Reviews and panels: its parts need reviews.view, reviews.refer (every member but a viewer),
    # reviews.contribute or clocks.view.
    "menu:reviews": EVERYONE_IN_PARTNERSHIP - {"viewer"},
    # Child death reviews, the panel's analysis: every page is about one child and needs the cdop
    # grant, which no persona holds here (assure/cdop/tests/test_analysis_views.py covers it).
    **dict.fromkeys(
        [
            "cdop:review_meeting",
            "cdop:death_analysis",
            "cdop:analysis_reopen",
            "cdop:factor_add",
            "cdop:factor_remove",
            "cdop:recommendation_add",
            "cdop:death_referral",
        ],
        set(),
    ),
    # Child death agency reports: the pages about one child need the cdop grant, which no persona
    # holds here (assure/cdop/tests/test_reports_views.py covers it); the agency lead answers the
    # report asked of their own agency without it.
    **dict.fromkeys(["cdop:report_request", "cdop:report_detail", "cdop:report_remind", "cdop:report_withdraw"], set()),
    # Child deaths: the register and every page about one child need the cdop grant, which no
    # persona holds here (assure/cdop/tests/test_deaths_views.py covers it). Notifying a death
    # (cdop:notify, cdop:notify_sent) is the agency lead's, as EXPECTED says.
    **dict.fromkeys(
        [
            "cdop:deaths",
            "cdop:death_create",
            "cdop:death_detail",
            "cdop:death_edit",
            "cdop:death_confirm",
            "cdop:death_duplicate",
            "cdop:death_pass_on",
        ],
        set(),
    ),
    # Allegations, the people they are about and their repeat referrals: every page shows a
    # person's restricted name and needs the lado grant, which no persona holds here
    # (assure/lado/tests/test_people_views.py covers it).
    **dict.fromkeys(
        ["lado:matches", "lado:person_detail", "lado:person_edit", "lado:match_decide", "lado:person_set"],
        set(),
    ),
    # Allegations, the referrals: the register and every page about one referral need the lado
    # grant, which no persona holds here (assure/lado/tests/test_referrals_views.py covers it).
    # Referring one (lado:refer, lado:refer_sent) is the agency lead's, as EXPECTED says.
    **dict.fromkeys(
        [
            "lado:referrals",
            "lado:referral_create",
            "lado:referral_detail",
            "lado:referral_edit",
            "lado:referral_accept",
            "lado:referral_decline",
        ],
        set(),
    ),
    # Allegations, the handling of a referral and the updates asked of the employer: every page is
    # about one referral and needs the lado grant, which no persona holds here
    # (assure/lado/tests/test_handling_views.py and test_updates_views.py cover it). The employer's
    # case manager answers an update on a public page, by its link.
    **dict.fromkeys(
        [
            "lado:referral_consideration",
            "lado:referral_police",
            "lado:referral_employer",
            "lado:referral_onward",
            "lado:referral_close",
            "lado:referral_reopen",
            "lado:meeting_add",
            "lado:meeting_edit",
            "lado:meeting_remove",
            "lado:update_ask",
            "lado:update_remind",
            "lado:update_withdraw",
        ],
        set(),
    ),
    # Allegations figures: the figures and the officer's annual report are lado.view's, as EXPECTED
    # says (small numbers hidden); the expected referrals by sector are set by the officer with the
    # lado grant, which no persona holds here (assure/lado/tests/test_figures_views.py covers it).
    "lado:expectations": set(),
}


ROUTES = project_routes()


def _login_redirect(response) -> bool:
    return response.status_code == 302 and response.url.startswith(reverse("account_login"))


def _allowed(response) -> bool:
    if response.status_code >= 400:
        return False
    return not (_login_redirect(response) or (response.status_code == 302 and "/2fa/totp/activate" in response.url))


def _denied(response) -> bool:
    return response.status_code in (403, 404)


def test_every_url_declares_who_may_use_it():
    undeclared = [r.name for r in ROUTES if r.access is None]
    assert undeclared == [], f"views without an access declaration: {undeclared}"


def test_every_url_with_arguments_can_be_filled_in():
    unknown = [r.name for r in ROUTES if set(r.kwargs) - {"partnership"} and r.name not in SAMPLES]
    assert unknown == [], f"add these URLs to SAMPLES: {unknown}"


def test_every_permission_has_expectations():
    permissions = {r.access.permission for r in ROUTES if r.access and r.access.kind == "partnership"}
    assert permissions <= set(EXPECTED), f"permissions without expectations: {permissions - set(EXPECTED)}"
    installation = {r.access.permission for r in ROUTES if r.access and r.access.kind == "installation"}
    assert installation <= set(EXPECTED_INSTALLATION), (
        f"installation permissions without expectations: {installation - set(EXPECTED_INSTALLATION)}"
    )


@pytest.fixture
def world(partnership, other_partnership, agency, agency_lead, business_unit, outsider, request):
    """Both partnerships with a record of every kind; the personas all exist (and the business
    unit holds a confidential-minutes grant)."""
    for name in PERSONAS:
        request.getfixturevalue(name)
    RestrictedGrantFactory(user=business_unit, partnership=partnership, area="confidential-minutes")
    RestrictedGrantFactory(user=outsider, partnership=other_partnership, area="confidential-minutes")
    foreign_agency = AgencyFactory(name="Southshire Community Health Trust", partnerships=[other_partnership])
    return {
        "own": build_side(partnership, agency, business_unit),
        "other": build_side(other_partnership, foreign_agency, outsider),
    }


def _users(request) -> dict:
    users = {name: request.getfixturevalue(name) for name in PERSONAS}
    users["anonymous"] = None
    return users


def _client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("route", [r for r in ROUTES if r.access is not None], ids=lambda r: r.name)
def test_matrix(route, world, request):
    own, other = world["own"], world["other"]
    mismatches: list[str] = []
    users = _users(request)
    for persona, user in users.items():
        client = _client_for(user)
        kind = route.access.kind
        if kind == "public":
            response = client.get(url_for(route, own, own.partnership.slug))
            if response.status_code >= 400:
                mismatches.append(f"{persona}: public page answered {response.status_code}")
            continue
        if kind == "signed_in":
            response = client.get(url_for(route, own, own.partnership.slug))
            if user is None and not _login_redirect(response):
                mismatches.append(f"anonymous: not sent to sign in ({response.status_code})")
            if user is not None and (_login_redirect(response) or response.status_code == 403):
                mismatches.append(f"{persona}: refused a page for anyone signed in ({response.status_code})")
            continue
        if kind == "installation":
            # Pages of the whole installation: no partnership in the address, the same records for
            # every persona; only an installation role opens them, membership of a partnership never.
            response = client.get(url_for(route, own, own.partnership.slug))
            if user is None:
                if not _login_redirect(response):
                    mismatches.append(f"anonymous: not sent to sign in ({response.status_code})")
                continue
            if persona in EXPECTED_INSTALLATION[route.access.permission]:
                if not _allowed(response):
                    mismatches.append(f"{persona}: installation page refused ({response.status_code})")
            else:
                if not _denied(response):
                    mismatches.append(f"{persona}: installation page allowed ({response.status_code})")
                posted = client.post(url_for(route, own, own.partnership.slug), {})
                if not _denied(posted):
                    mismatches.append(f"{persona}: POST not refused ({posted.status_code})")
            continue

        allowed = NARROWER.get(route.name, EXPECTED[route.access.permission])
        # 1. Their own partnership's records.
        response = client.get(url_for(route, own, own.partnership.slug))
        if user is None:
            # The API answers 401 (with a WWW-Authenticate header) where pages send people to sign in.
            if getattr(route.callback, "assure_api", False):
                if response.status_code != 401:
                    mismatches.append(f"anonymous: API did not answer 401 ({response.status_code})")
            elif not _login_redirect(response):
                mismatches.append(f"anonymous: not sent to sign in ({response.status_code})")
            continue
        if persona in allowed and not _allowed(response):
            mismatches.append(f"{persona}: own partnership refused ({response.status_code})")
        if persona not in allowed and persona != "outsider" and not _denied(response):
            mismatches.append(f"{persona}: own partnership allowed ({response.status_code})")
        if persona not in allowed or persona == "outsider":
            posted = client.post(url_for(route, own, own.partnership.slug), {})
            if not _denied(posted):
                mismatches.append(f"{persona}: POST not refused ({posted.status_code})")
        if persona == "outsider" and not _denied(response):
            mismatches.append(f"outsider: saw another partnership's page ({response.status_code})")
        # 2. The other partnership, through its own address: only its own member (the outsider,
        #    a business unit officer there) gets in.
        response = client.get(url_for(route, other, other.partnership.slug))
        if persona != "outsider" and not _denied(response):
            mismatches.append(f"{persona}: other partnership allowed ({response.status_code})")
        # 3. The other partnership's records addressed through their own partnership.
        if set(route.kwargs) - {"partnership"} and persona in allowed and route.name not in SHARED:
            response = client.get(url_for(route, other, own.partnership.slug))
            if not _denied(response):
                mismatches.append(f"{persona}: another partnership's record served ({response.status_code})")
    assert mismatches == [], f"{route.name} ({route.access}):\n" + "\n".join(mismatches)
