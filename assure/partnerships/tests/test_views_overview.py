import datetime as dt

from django.urls import reverse

from assure.core.views import LAST_PARTNERSHIP
from assure.partnerships.tests.factories import MeetingFactory


def test_overview_shows_the_partnership_and_its_counts(client, viewer, partnership, agency, other_agency):
    client.force_login(viewer)
    response = client.get(reverse("partnerships:home", kwargs={"partnership": partnership.slug}))
    assert response.status_code == 200
    page = response.content.decode()
    assert partnership.name in page and partnership.ons_code in page and partnership.old_la_code in page
    assert "2 agencies, 2 on the board" in page


def test_overview_lists_the_next_meetings(client, viewer, partnership):
    MeetingFactory(partnership=partnership, held_on=dt.date(2999, 5, 4), title="Annual report sign-off")
    client.force_login(viewer)
    response = client.get(reverse("partnerships:home", kwargs={"partnership": partnership.slug}))
    assert "Annual report sign-off" in response.content.decode()


def test_overview_remembers_the_partnership_as_last_used(client, viewer, partnership):
    client.force_login(viewer)
    client.get(reverse("partnerships:home", kwargs={"partnership": partnership.slug}))
    assert client.session[LAST_PARTNERSHIP] == partnership.slug


def test_outsider_gets_404_for_the_overview(client, outsider, partnership):
    client.force_login(outsider)
    assert client.get(reverse("partnerships:home", kwargs={"partnership": partnership.slug})).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in(client, partnership):
    response = client.get(reverse("partnerships:home", kwargs={"partnership": partnership.slug}))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
