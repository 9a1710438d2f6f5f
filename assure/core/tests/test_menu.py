"""The service navigation: the groups each persona sees, the group of the page marked, the
landing pages with what is waiting there, and a part's own navigation, all from the registry."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from assure.actions.tests.factories import ActionFactory
from assure.core import menu
from assure.library.selectors import role_definitions


def _url(name: str, partnership) -> str:
    return reverse(name, kwargs={"partnership": partnership.slug})


def _html(client, user, address: str) -> str:
    client.force_login(user)
    response = client.get(address)
    assert response.status_code == 200
    return response.content.decode()


def _menu(html: str) -> list[str]:
    """The labels of the service navigation's links, in order."""
    listed = re.search(r'<ul class="govuk-service-navigation__list" id="navigation">(.*?)</ul>', html, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", link).strip() for link in re.findall(r"<a [^>]*>(.*?)</a>", listed, re.S)]


def _marked(html: str) -> dict[str, str]:
    """The service navigation's links marked as current: label → the aria-current value."""
    listed = re.search(r'<ul class="govuk-service-navigation__list" id="navigation">(.*?)</ul>', html, re.S).group(1)
    return {
        re.sub(r"<[^>]+>", "", label).strip(): value
        for value, label in re.findall(r'<a [^>]*aria-current="(\w+)"[^>]*>(.*?)</a>', listed, re.S)
    }


ACCOUNT = ["Switch partnership", "Your account", "Sign out"]


# --- the registry ------------------------------------------------------------------------------


def test_every_part_names_a_group_a_page_and_a_permission_some_role_holds(db, partnership):
    groups = {g.key for g in menu.groups()}
    granted = set().union(*(d.permissions for d in role_definitions().values()))
    for part in menu.all_parts():
        assert part.group in groups, part
        assert part.permission in granted, part
        assert _url(part.url_name, partnership)
        for page in part.local.pages if part.local else ():
            assert page.permission in granted, page
            assert _url(page.url_name, partnership)


def test_a_page_belongs_to_the_part_naming_it_most_closely():
    assert menu.part_of_page("partnerships:home").label == "Home"
    assert menu.part_of_page("partnerships:agency_edit").label == "Agencies"
    assert menu.part_of_page("partnerships:confidential_minute_detail").label == "Meetings"
    assert menu.part_of_page("performance:return_detail").label == "Data returns"
    assert menu.part_of_page("performance:journey").label == "Scorecard"
    assert menu.part_of_page("section11:cycle_detail").label == "Section 11"
    assert menu.part_of_page("core:partnerships") is None
    assert menu.part_of_page(None) is None
    assert menu.group_of_page("menu:board").key == "board"
    assert menu.group_of_page("audit:events").key == "board"


def test_a_new_part_takes_its_place_without_a_template_changing(monkeypatch, client, viewer, partnership):
    monkeypatch.setattr(menu, "_groups", dict(menu._groups))
    monkeypatch.setattr(menu, "_parts", dict(menu._parts))
    # (A group with a landing page gets its address when the URLs are first read, so the test
    # registers one that links straight to its part.)
    menu.register_group(menu.Group("registers", "Registers", order=55, landing=False))
    menu.register(
        menu.Part(
            group="registers",
            label="Registers",
            url_name="partnerships:subgroups",  # any page of the partnership will do for the test
            permission="partnerships.view",
            description="The partnership's registers.",
            order=10,
        )
    )
    html = _html(client, viewer, _url("partnerships:home", partnership))
    assert _menu(html) == ["Home", "Board", "Registers", *ACCOUNT]
    assert f'href="{_url("partnerships:subgroups", partnership)}"' in html


# --- the navigation each persona sees ----------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "groups"),
    [
        ("business_unit", ["Home", "Board", "Performance and assurance", "Reviews and panels", "Learning", "Reports"]),
        ("board_member", ["Home", "Board", "Performance and assurance", "Reviews and panels", "Learning", "Reports"]),
        ("chair", ["Home", "Board", "Performance and assurance", "Reviews and panels", "Learning", "Reports"]),
        # The agency lead's Learning is their agency's single-agency training return.
        ("agency_lead", ["Home", "Board", "Performance and assurance", "Reviews and panels", "Learning", "Reports"]),
        ("auditor", ["Home", "Board", "Performance and assurance", "Reviews and panels", "Learning", "Reports"]),
        ("panel_member", ["Home", "Board", "Performance and assurance", "Reviews and panels"]),
        ("designated_officer", ["Home", "Board", "Performance and assurance", "Reviews and panels"]),
        ("viewer", ["Home", "Board"]),
    ],
    indirect=["persona"],
)
def test_each_persona_sees_the_groups_their_roles_can_use(client, persona, partnership, groups):
    assert _menu(_html(client, persona, _url("partnerships:home", partnership))) == groups + ACCOUNT


def test_every_group_with_parts_has_a_landing_page(partnership):
    for key in ("board", "assurance", "reviews", "learning"):
        assert _url(f"menu:{key}", partnership)


def test_the_group_holding_the_page_is_marked(client, business_unit, partnership):
    assert _marked(_html(client, business_unit, _url("partnerships:home", partnership))) == {"Home": "page"}
    assert _marked(_html(client, business_unit, _url("menu:board", partnership))) == {"Board": "page"}
    assert _marked(_html(client, business_unit, _url("partnerships:agencies", partnership))) == {"Board": "true"}
    assert _marked(_html(client, business_unit, _url("audit:trail", partnership))) == {"Board": "true"}
    marked = _marked(_html(client, business_unit, _url("section11:cycles", partnership)))
    assert marked == {"Performance and assurance": "true"}
    assert _marked(_html(client, business_unit, _url("reports:reports", partnership))) == {"Reports": "page"}
    assert _marked(_html(client, business_unit, reverse("core:partnerships"))) == {"Your partnerships": "page"}


def test_outside_a_partnership_only_the_account_links_show(client, business_unit):
    assert _menu(_html(client, business_unit, reverse("core:partnerships"))) == ["Your partnerships", *ACCOUNT[1:]]


# --- the installation's pages ------------------------------------------------------------------


def test_every_installation_page_names_a_page_and_a_permission_an_installation_role_holds(db):
    granted = set().union(*(d.permissions for d in role_definitions().values() if d.scope == "installation"))
    assert menu.installation_pages()
    for page in menu.installation_pages():
        assert page.permission in granted, page
        assert reverse(page.url_name)


def test_the_operator_finds_the_installation_pages_in_the_menu(client, operator):
    html = _html(client, operator, reverse("core:partnerships"))
    assert _menu(html) == ["Partnerships", "Published statistics", "Your partnerships", *ACCOUNT[1:]]
    assert f'href="{reverse("statistics:list")}"' in html


def test_the_installation_link_is_marked_on_the_installation_pages(client, operator):
    assert _marked(_html(client, operator, reverse("statistics:list"))) == {"Published statistics": "page"}
    assert _marked(_html(client, operator, reverse("statistics:create"))) == {"Published statistics": "true"}


def test_an_operator_who_is_also_a_member_finds_it_inside_the_partnership(client, operator, partnership):
    from assure.accounts.tests.factories import MembershipFactory

    MembershipFactory(user=operator, partnership=partnership, role="viewer")
    html = _html(client, operator, _url("partnerships:home", partnership))
    assert _menu(html) == ["Home", "Board", "Partnerships", "Published statistics", *ACCOUNT]


@pytest.mark.parametrize(
    "persona", ["business_unit", "board_member", "agency_lead", "auditor", "viewer"], indirect=True
)
def test_no_partnership_role_gives_the_installation_link(client, persona, partnership):
    for address in (reverse("core:partnerships"), _url("partnerships:home", partnership)):
        html = _html(client, persona, address)
        assert "Published statistics" not in _menu(html)
        assert reverse("statistics:list") not in html


# --- landing pages -----------------------------------------------------------------------------


def _parts(html: str) -> list[str]:
    listed = re.search(r'<ul class="govuk-list" data-testid="parts">(.*?)</ul>', html, re.S).group(1)
    return re.findall(r"<h2 [^>]*><a [^>]*>(.*?)</a></h2>", listed)


def test_the_board_lists_the_parts_each_person_may_use(client, business_unit, viewer, partnership):
    everything = [
        "Business plan",
        "Agencies",
        "Subgroups",
        "Meetings",
        "Attendance",
        "Budget",
        "Members",
        "Actions",
        "Challenge log",
        "Risk register",
        "Trail",
    ]
    assert _parts(_html(client, business_unit, _url("menu:board", partnership))) == everything
    assert _parts(_html(client, viewer, _url("menu:board", partnership))) == everything[:6]


@pytest.mark.parametrize(
    ("persona", "parts"),
    [
        (
            "business_unit",
            [
                "Scorecard",
                "Data returns",
                "Section 11",
                "Case-file audits",
                "Audit results",
                "Conference quality assurance",
                "Conference checklists",
                "Registers",
                "Register uploads",
                "Private providers",
                "Registers’ figures",
                "Registers’ retention",
                "Questionnaires",
            ],
        ),
        # An agency lead records their agency's entries of the registers its type records.
        (
            "agency_lead",
            [
                "Scorecard",
                "Data returns",
                "Section 11",
                "Case-file audits",
                "Audit results",
                "Conference checklists",
                "Registers",
                "Register uploads",
            ],
        ),
        (
            "board_member",
            [
                "Scorecard",
                "Section 11",
                "Case-file audits",
                "Audit results",
                "Conference quality assurance",
                "Registers’ figures",
            ],
        ),
        ("panel_member", ["Scorecard"]),
    ],
    indirect=["persona"],
)
def test_performance_and_assurance_lists_the_parts_each_person_may_use(client, persona, partnership, parts):
    assert _parts(_html(client, persona, _url("menu:assurance", partnership))) == parts


@pytest.mark.parametrize(
    ("persona", "parts"),
    [
        (
            "business_unit",
            [
                "Case considerations",
                "Refer a case",
                "Serious incidents",
                "Case reviews",
                "Action plans",
                "Statutory clocks",
                "Child death figures",
                "Child death panels",
                "Allegations figures",
            ],
        ),
        (
            "chair",
            [
                "Case considerations",
                "Refer a case",
                "Serious incidents",
                "Case reviews",
                "Action plans",
                "Statutory clocks",
                "Child death figures",
                "Allegations figures",
            ],
        ),
        # An agency lead notifies a child's death, writes the reports asked of their agency and refers
        # an allegation about someone who works for it.
        (
            "agency_lead",
            [
                "Refer a case",
                "Review contributions",
                "Notify a child’s death",
                "Child death reports",
                "Refer an allegation",
            ],
        ),
        # The panel roles read the clocks and, with their grant, the panel's cases.
        (
            "panel_member",
            ["Refer a case", "Statutory clocks", "Child deaths", "Child death figures", "Scoring exchanges"],
        ),
        (
            "cdop_manager",
            ["Refer a case", "Statutory clocks", "Child deaths", "Child death figures", "Scoring exchanges"],
        ),
        # The designated officer works on the allegations (with their grant) and reads their figures.
        ("designated_officer", ["Refer a case", "Statutory clocks", "Allegations", "Allegations figures"]),
    ],
    indirect=["persona"],
)
def test_reviews_and_panels_lists_the_parts_each_person_may_use(client, persona, partnership, parts):
    assert _parts(_html(client, persona, _url("menu:reviews", partnership))) == parts


def test_learning_lists_the_training_and_engagement_the_board_reads(client, board_member, partnership):
    assert _parts(_html(client, board_member, _url("menu:learning", partnership))) == [
        "Learning briefings",
        "Training courses",
        "Training evaluations",
        "Representation at training",
        "Training figures",
        "Campaigns",
        "Engagement this year",
        "Surveys",
        "Voices heard",
        "Events",
    ]


@pytest.mark.parametrize(("persona", "status"), [("viewer", 403), ("outsider", 404)], indirect=["persona"])
def test_a_group_none_of_whose_parts_the_person_may_use_is_refused(client, persona, partnership, status):
    client.force_login(persona)
    assert client.get(_url("menu:assurance", partnership)).status_code == status


def test_the_board_says_how_many_actions_are_overdue(client, business_unit, agency_lead, agency, partnership):
    yesterday = dt.date.today() - dt.timedelta(days=1)
    ActionFactory(partnership=partnership, owner_agency=agency, due_on=yesterday)
    ActionFactory(partnership=partnership, due_on=yesterday)
    ActionFactory(partnership=partnership, owner_agency=agency)  # not yet due
    assert "2 actions overdue" in _html(client, business_unit, _url("menu:board", partnership))
    # An agency lead counts their own agency's.
    assert "1 action overdue" in _html(client, agency_lead, _url("menu:board", partnership))


def test_nothing_is_said_when_nothing_waits(client, business_unit, partnership):
    assert 'data-testid="waiting"' not in _html(client, business_unit, _url("menu:board", partnership))


# --- a part's own navigation -------------------------------------------------------------------


def test_the_core_dataset_has_its_own_navigation_on_its_pages_only(client, business_unit, agency_lead, partnership):
    html = _html(client, business_unit, _url("performance:returns", partnership))
    assert 'aria-label="Core dataset"' in html
    assert f'href="{_url("performance:setup", partnership)}"' in html
    assert 'aria-current="page">Data returns</a>' in html
    # Only the pages the person may use.
    assert f'href="{_url("performance:setup", partnership)}"' not in _html(
        client, agency_lead, _url("performance:scorecard", partnership)
    )
    assert 'aria-label="Core dataset"' not in _html(client, business_unit, _url("section11:cycles", partnership))
    assert 'aria-label="Core dataset"' not in _html(client, business_unit, _url("menu:assurance", partnership))
