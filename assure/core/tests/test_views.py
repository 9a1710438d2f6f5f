from django.urls import reverse

from assure.core.views import LAST_PARTNERSHIP


def test_anonymous_home_goes_to_sign_in(client):
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response.url == reverse("account_login")


def test_member_of_one_partnership_goes_straight_to_it(client, viewer, partnership):
    client.force_login(viewer)
    response = client.get(reverse("core:home"))
    assert response.url == partnership.get_absolute_url()


def test_member_of_two_partnerships_chooses_one(client, viewer, other_partnership):
    from assure.accounts.tests.factories import MembershipFactory

    MembershipFactory(user=viewer, partnership=other_partnership, role="viewer")
    client.force_login(viewer)
    response = client.get(reverse("core:home"))
    assert response.url == reverse("core:partnerships")


def test_home_returns_to_the_partnership_last_worked_in(client, viewer, other_partnership):
    from assure.accounts.tests.factories import MembershipFactory

    MembershipFactory(user=viewer, partnership=other_partnership, role="viewer")
    client.force_login(viewer)
    session = client.session
    session[LAST_PARTNERSHIP] = other_partnership.slug
    session.save()
    assert client.get(reverse("core:home")).url == other_partnership.get_absolute_url()


def test_partnership_list_shows_only_own_partnerships(client, viewer, partnership, other_partnership):
    client.force_login(viewer)
    page = client.get(reverse("core:partnerships")).content.decode()
    assert partnership.name in page
    assert other_partnership.name not in page


def test_partnership_list_explains_what_to_do_with_none(client, db):
    from assure.accounts.tests.factories import UserFactory

    client.force_login(UserFactory())
    assert "Ask your partnership's business unit" in client.get(reverse("core:partnerships")).content.decode()


def _main(html: str) -> str:
    """The page's own content, without the menu."""
    return html.split('<main class="govuk-main-wrapper" id="main-content">', 1)[1].split("</main>", 1)[0]


def test_an_operator_of_no_partnership_is_told_what_they_can_do(client, operator):
    client.force_login(operator)
    main = _main(client.get(reverse("core:partnerships")).content.decode())
    assert "Ask your partnership's business unit" not in main
    assert f'href="{reverse("statistics:list")}"' in main
    assert ">Published statistics</a>" in main and "see none of their records" in main


def test_an_operator_who_is_a_member_sees_their_partnerships_and_the_installation(client, operator, partnership):
    from assure.accounts.tests.factories import MembershipFactory

    MembershipFactory(user=operator, partnership=partnership, role="viewer")
    client.force_login(operator)
    main = _main(client.get(reverse("core:partnerships")).content.decode())
    assert partnership.name in main
    assert f'href="{reverse("statistics:list")}"' in main


def test_a_member_of_a_partnership_is_not_offered_the_installation(client, business_unit):
    client.force_login(business_unit)
    main = _main(client.get(reverse("core:partnerships")).content.decode())
    assert reverse("statistics:list") not in main


def test_accessibility_statement_is_public(client, db):
    response = client.get(reverse("core:accessibility"))
    assert response.status_code == 200
    assert "WCAG" in response.content.decode()


def test_pages_carry_a_content_security_policy_without_inline_script(client, db):
    response = client.get(reverse("core:accessibility"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_not_found_page_names_nothing(client, viewer):
    client.force_login(viewer)
    response = client.get("/p/southshire/")
    assert response.status_code == 404
    assert "Southshire" not in response.content.decode()


def test_the_session_cookie_is_the_only_cookie(client, db):
    client.get(reverse("account_login"))
    assert set(client.cookies) <= {"sessionid"}
