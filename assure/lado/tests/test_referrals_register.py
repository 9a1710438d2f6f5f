"""The officer's register of referrals: by urgency (the open referral whose next timescale falls due
soonest first, an overdue one before all), then drafts, then closed ones; its filters; its
download, which never holds the person's name or what was alleged; and what waits for the officer."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from assure.lado.selectors.referrals import by_urgency
from assure.lado.tests.factories import ReferralFactory
from assure.lado.waiting_referrals import drafts_waiting, referrals_phrase

pytestmark = pytest.mark.django_db

TODAY = dt.date(2014, 9, 1)


def url(partnership, query: str = "") -> str:
    return reverse("lado:referrals", kwargs={"partnership": partnership.slug}) + query


def referred(partnership, days_ago: int, **more):
    day = TODAY - dt.timedelta(days=days_ago)
    return ReferralFactory(partnership=partnership, date_known=day, date_referred=day, **more)


def test_open_referrals_come_by_their_next_due_date_an_overdue_one_first(partnership):
    recent = referred(partnership, 10)  # its month runs to 22 August + 1 month
    older = referred(partnership, 50)  # its month is over: its three months are next
    overdue = referred(partnership, 400)  # every timescale passed: overdue on the last
    assert by_urgency([recent, older, overdue], today=TODAY) == [overdue, recent, older]


def test_drafts_come_after_open_referrals_and_closed_ones_last(partnership):
    closed = referred(partnership, 30, status="closed", closed_on=TODAY)
    draft = referred(partnership, 2, status="draft", route="member")
    open_one = referred(partnership, 5)
    assert by_urgency([closed, draft, open_one], today=TODAY) == [open_one, draft, closed]


def test_the_next_clock_of_an_open_referral_is_the_one_it_is_ordered_by(partnership):
    (older,) = by_urgency([referred(partnership, 50)], today=TODAY)
    clocks = older.register_clocks
    assert clocks.next_timescale.code == "quarter" and clocks.next_clock.due_on == dt.date(2014, 10, 13)


def test_the_register_lists_the_referrals_by_urgency(client, officer, partnership, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    recent, overdue = referred(partnership, 10), referred(partnership, 400)
    client.force_login(officer)
    html = client.get(url(partnership)).content.decode()
    assert html.index(overdue.reference) < html.index(recent.reference)


def test_the_register_shows_a_late_referral(client, officer, partnership):
    ReferralFactory(partnership=partnership, date_known=dt.date(2014, 6, 2), date_referred=dt.date(2014, 6, 5))
    client.force_login(officer)
    assert "Referred 2 working days late" in client.get(url(partnership)).content.decode()


def test_the_register_is_searched_by_employer(client, officer, partnership):
    school = ReferralFactory(partnership=partnership, employer_name="Severnside Primary School")
    club = ReferralFactory(partnership=partnership, employer_name="Riverside Swimming Club", sector="sport")
    client.force_login(officer)
    html = client.get(url(partnership, "?q=swimming")).content.decode()
    assert club.reference in html and school.reference not in html


def test_the_register_is_filtered_by_year(client, officer, partnership):
    earlier = ReferralFactory(
        partnership=partnership, date_known=dt.date(2013, 6, 2), date_referred=dt.date(2013, 6, 3)
    )
    later = ReferralFactory(partnership=partnership)
    client.force_login(officer)
    html = client.get(url(partnership, "?year=2013-14")).content.decode()
    assert earlier.reference in html and later.reference not in html


def test_the_download_holds_no_name_and_nothing_alleged(client, officer, partnership, referral):
    client.force_login(officer)
    text = client.get(url(partnership, "?_export=csv")).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["Reference"] == referral.reference and rows[0]["Sector"] == "Education"
    assert referral.person.given_names not in text and "Ashdown" not in text and "Grabbed" not in text


def test_the_download_gives_the_clock_in_words(client, officer, partnership, referral):
    client.force_login(officer)
    text = client.get(url(partnership, "?_export=csv")).content.decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text)))
    # Referred in June 2014: every timescale has passed, the last (twelve months) is overdue.
    assert row["Next timescale"].startswith("Within twelve months: Overdue, Due 3 June 2015")
    assert "<" not in text


# --- what waits ------------------------------------------------------------------------------------


def test_a_draft_waits_for_the_officer_with_the_grant(officer, partnership):
    draft = ReferralFactory(partnership=partnership, status="draft", route="member")
    items = drafts_waiting(user=officer, partnership=partnership, today=TODAY)
    assert [item.title for item in items] == [f"Allegation referral {draft.reference}"]


def test_a_draft_does_not_wait_for_an_officer_without_the_grant(designated_officer, partnership):
    ReferralFactory(partnership=partnership, status="draft", route="member")
    assert drafts_waiting(user=designated_officer, partnership=partnership, today=TODAY) == []


def test_the_menu_counts_the_drafts_to_accept(officer, partnership):
    ReferralFactory.create_batch(2, partnership=partnership, status="draft", route="member")
    assert referrals_phrase(user=officer, partnership=partnership) == "2 drafts to accept"
