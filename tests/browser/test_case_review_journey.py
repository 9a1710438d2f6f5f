"""Case reviews and learning, end to end in a real browser: an agency lead refers a case on the
member form and a practitioner without an account refers another on the public form, confirming
it from the e-mail they are sent; the business unit acknowledges the first and records the
subgroup's consideration; the chair decides on a learning review, which is commissioned, and reads
the decision letter. The business unit records a serious incident on its statutory clocks and its
notification to the national panel. The review is started, a reviewer records a finding and a
recommendation, the business unit raises an action from it, which the action plan shows; a
learning briefing written from the review is published and read on the public learning page
without signing in. Every page is checked with axe-core."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from assure.accounts.tests.factories import RestrictedGrantFactory
from assure.actions.models import Action
from assure.clocks.workingdays import add_working_days
from assure.partnerships.tests.factories import MeetingFactory, SubgroupFactory
from assure.reviews.models import Briefing, Incident, Recommendation, Referral, Review, ReviewFinding

pytestmark = pytest.mark.browser

BRIEFING_TITLE = "Children who stop going to school"
BRIEFING_SECTIONS = {
    "Background": "A learning review looked at how agencies responded when a young person stopped going to school.",
    "Why it matters": "Missing education can be the first sign that a child is not safe at home.",
    "What we found": "Each agency saw one missed week at a time; nobody put the weeks together.",
    "What to do": "Share every run of missed school with the school nurse and the social worker.",
    "Questions to ask yourself": "Who else knows this child is not in school?",
}


def day(value: dt.date) -> str:
    """A date as the pages write it: 5 March 2026."""
    return f"{value.day} {value:%B %Y}"


def emailed_path(address: str, kind: str) -> str:
    """The path of the link in the latest e-mail to ``address`` whose link leads to ``kind``
    (confirm or status) of the public referral pages."""
    for message in reversed(mail.outbox):
        if address in message.to:
            found = re.search(rf"/refer/[\w-]+/{kind}/[^/\s]+/", message.body)
            if found:
                return found.group()
    raise AssertionError(f"No e-mail to {address} holds a {kind} link: {[m.subject for m in mail.outbox]}")


def test_a_case_is_referred_decided_reviewed_and_its_learning_published(
    pages, second_pages, partnership, business_unit, chair, agency, other_agency, agency_lead, auditor
):
    slug = partnership.slug
    today = timezone.localdate()
    for person in (business_unit, chair):
        RestrictedGrantFactory(user=person, partnership=partnership, area="case-review", reason="Case reviews")
    subgroup = SubgroupFactory(partnership=partnership, name="Learning and Improvement")
    meeting = MeetingFactory(partnership=partnership, subgroup=subgroup, held_on=today, title="Subgroup meeting")

    # 1. The agency lead refers a case on the member form, and finds it under "Your referrals".
    pages.sign_in_as(agency_lead)
    page = pages.goto(reverse("reviews:referral_create", kwargs={"partnership": slug}))
    expect(page.get_by_role("heading", level=1)).to_have_text("Refer a case for consideration")
    expect(page.get_by_label("Your name")).to_have_value(agency_lead.full_name)
    page.get_by_label("Your role").fill("Named nurse for safeguarding")
    page.locator("input[name=route][value=learning-review]").check()
    page.get_by_label("Lead agency", exact=True).select_option(label=agency.name)
    page.get_by_label("The lead agency's case reference").fill("CSC-20418")
    page.get_by_label("The child's age in years").fill("13")
    page.locator("input[name=agencies_involved]").nth(0).check()
    page.locator("input[name=agencies_involved]").nth(1).check()
    page.get_by_label("Why the case meets the route you chose").fill(
        "Several agencies knew of the missed appointments but did not share what they knew."
    )
    page.get_by_label("A short chronology of the agencies' involvement").fill(
        "March: first missed appointment.\nApril: the school raised concerns.\nMay: the health visitor closed the case."
    )
    page.get_by_role("button", name="Send the referral").click()
    pages.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your referrals")
    row = page.get_by_role("row", name=re.compile("CC-001"))
    expect(row).to_contain_text("Received")
    member_referral = Referral.objects.get(partnership=partnership, reference="CC-001")
    assert member_referral.referred_by == agency_lead
    assert member_referral.case_reference == "CSC-20418"
    assert set(member_referral.agencies_involved.all()) == {agency, other_agency}

    # 2. A practitioner without an account refers a case on the public form, signed out. The live
    # server runs in this process, so its locmem mail backend fills this test's django.core.mail.outbox
    # (the task backend is immediate): the links are read from the e-mails actually sent.
    public = second_pages.goto(reverse("refer:form", kwargs={"partnership": slug}))
    address = "r.hale@northshire-academy.example.org"
    public.get_by_label("Your name").fill("Rowan Hale")
    public.get_by_label("Your work e-mail address").fill(address)
    public.get_by_label("Your role").fill("Designated safeguarding lead")
    public.get_by_label("Your agency").select_option(label="Another organisation, not listed")
    public.get_by_label("Your organisation, if it is not listed").fill("Northshire primary academy")
    public.locator("input[name=route][value=audit]").check()
    public.get_by_label("Lead agency", exact=True).select_option(label=agency.name)
    public.get_by_label("The lead agency's case reference").fill("CSC-31507")
    public.get_by_label("The child's age in years").fill("9")
    public.get_by_label("Why the case meets the route you chose").fill(
        "The school's concerns about neglect were raised three times before anything changed."
    )
    public.get_by_label("A short chronology of the agencies' involvement").fill(
        "September: the school raised concerns.\nNovember: a second referral was made."
    )
    public.get_by_role("button", name="Send the referral").click()
    second_pages.check()
    expect(public.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    assert Referral.objects.get(referrer_email=address).status == Referral.Status.AWAITING_CONFIRMATION

    public = second_pages.goto(emailed_path(address, "confirm"))
    expect(public.get_by_role("heading", level=1)).to_have_text("Confirm your referral")
    public.get_by_role("button", name="Confirm and send the referral").click()
    second_pages.check()
    expect(public.get_by_role("heading", level=1)).to_have_text("Referral received")
    public_referral = Referral.objects.get(referrer_email=address)
    assert (public_referral.reference, public_referral.status) == ("CC-002", Referral.Status.SUBMITTED)

    public = second_pages.goto(emailed_path(address, "status"))
    expect(public.get_by_role("heading", level=1)).to_have_text("Case consideration CC-002")
    status = public.locator(".govuk-summary-list")
    expect(status).to_contain_text("Received")
    expect(status).to_contain_text("Not yet decided")
    expect(public.locator("main")).not_to_contain_text("CC-001")
    expect(public.locator("main")).not_to_contain_text("CSC-31507")

    # 3. The business unit acknowledges the member's referral and records the subgroup's
    # consideration; the chair decides on a learning review, which is commissioned.
    pages.sign_in_as(business_unit)
    page = pages.goto(reverse("reviews:referral_detail", kwargs={"partnership": slug, "pk": member_referral.pk}))
    expect(page.get_by_role("heading", level=1)).to_have_text("CC-001")
    expect(page.locator("main")).to_contain_text("CSC-20418")
    page.get_by_role("button", name="Acknowledge").click()
    pages.check()
    page.get_by_role("button", name="Acknowledge and tell the referrer").click()
    pages.check()
    expect(page.locator(".govuk-summary-list").first).to_contain_text("Acknowledged")
    page.get_by_role("button", name="Record the subgroup's consideration").click()
    pages.check()
    page.get_by_label("The meeting that considered the case").select_option(value=str(meeting.pk))
    page.locator("input[name=recommendation][value=learning-review]").check()
    page.get_by_label("The meeting's reasons").fill(
        "Agencies did not share what they knew; a review would help them learn."
    )
    page.get_by_role("button", name="Save and ask the chair").click()
    pages.check()
    expect(page.locator(".govuk-summary-list").first).to_contain_text("Considered by the subgroup")
    member_referral.refresh_from_db()
    assert (member_referral.status, member_referral.considered_at) == (Referral.Status.CONSIDERED, meeting)

    second_pages.sign_in_as(chair)
    decide = second_pages.goto(
        reverse("reviews:referral_detail", kwargs={"partnership": slug, "pk": member_referral.pk})
    )
    decide.get_by_role("button", name="Decide").click()
    second_pages.check()
    expect(decide.get_by_role("heading", level=1)).to_have_text("Your decision")
    decide.locator("input[name=decision][value=learning-review]").check()
    decide.get_by_label("Your reasons").fill(
        "The agencies involved did not share what they knew: a learning review will show why, and what to change."
    )
    decide.get_by_label("Title of the review, if the decision commissions one").fill("Missed health appointments")
    decide.get_by_role("button", name="Decide and send the letter").click()
    second_pages.check()
    expect(decide.locator(".govuk-summary-list").first).to_contain_text("Decided")
    member_referral.refresh_from_db()
    assert member_referral.status == Referral.Status.DECIDED
    review = Review.objects.get(partnership=partnership, referral=member_referral)
    assert (review.kind, review.title, review.status) == (
        "learning-review",
        "Missed health appointments",
        Review.Status.COMMISSIONED,
    )
    expect(decide.get_by_role("link", name=f"{review.reference} Missed health appointments")).to_be_visible()
    decide.get_by_role("button", name="Read the decision letter").click()
    second_pages.check()
    expect(decide.get_by_role("heading", level=1)).to_have_text("Decision letter")
    expect(decide.locator("main")).to_contain_text("a learning review will show why")

    # 4. The business unit records a serious incident the local authority learnt of three working
    # days ago: the notification clock runs on its page; once the notification is recorded, the
    # rapid review's clock runs, and the statutory clocks page lists it.
    aware_on = add_working_days(today, -3)
    page = pages.goto(reverse("reviews:incident_create", kwargs={"partnership": slug}))
    page.get_by_label("What happened").fill("Serious injury to a baby")
    page.get_by_label("Lead agency", exact=True).select_option(label=agency.name)
    page.get_by_label("The lead agency's case reference").fill("CSC-40211")
    page.get_by_label("The child's age in years").fill("0")
    page.get_by_label("The date the local authority became aware of the incident").fill(aware_on.isoformat())
    page.get_by_label("Circumstances").fill("Admitted to hospital with injuries not explained by the account given.")
    page.get_by_role("button", name="Record the incident").click()
    pages.check()
    incident = Incident.objects.get(partnership=partnership)
    expect(page.get_by_role("heading", level=1)).to_have_text("Serious injury to a baby")
    clocks = page.locator(".govuk-summary-list").first
    notification = clocks.locator(".govuk-summary-list__row", has_text="Notification to the national panel")
    expect(notification).to_contain_text(f"Due {day(add_working_days(aware_on, 5))}")
    expect(notification.locator(".govuk-tag")).to_have_text(re.compile("^(Due soon|Running)$"))
    expect(notification).to_contain_text(re.compile(r"\d working days? left|Due today"))

    page.get_by_label("The date the incident was notified to the national panel").fill(today.isoformat())
    page.get_by_role("button", name="Record the notification").click()
    pages.check()
    incident.refresh_from_db()
    assert incident.notified_on == today
    clocks = page.locator(".govuk-summary-list").first
    notification = clocks.locator(".govuk-summary-list__row", has_text="Notification to the national panel")
    expect(notification.locator(".govuk-tag")).to_have_text("Met")
    expect(notification).to_contain_text(f"Met on {day(today)}")
    rapid = clocks.locator(".govuk-summary-list__row", has_text="Rapid review")
    expect(rapid).to_contain_text(f"Due {day(add_working_days(today, 15))}")
    expect(rapid.locator(".govuk-tag")).to_have_text("Running")

    page = pages.goto(reverse("clocks:open", kwargs={"partnership": slug}))
    expect(page.get_by_role("heading", level=1)).to_have_text("Statutory clocks")
    expect(page.locator("main table")).to_contain_text(f"{incident.reference} Serious injury to a baby: rapid review")

    # 5. The review the chair commissioned: the business unit starts it, the reviewer records a
    # finding and a recommendation, the business unit raises an action from it.
    page = pages.goto(reverse("reviews:review_detail", kwargs={"partnership": slug, "pk": review.pk}))
    expect(page.get_by_role("heading", level=1)).to_have_text("Missed health appointments")
    expect(page.locator(".govuk-summary-list").first).to_contain_text("Commissioned")
    page.get_by_role("button", name="Move the review on").click()
    pages.check()
    page.get_by_label("Start the review").check()
    page.get_by_role("button", name="Continue").click()
    pages.check()
    expect(page.locator(".govuk-summary-list").first).to_contain_text("Under way")
    review.refresh_from_db()
    assert review.status == Review.Status.UNDER_WAY

    second_pages.sign_in_as(auditor)
    reviewer = second_pages.goto(reverse("reviews:review_findings", kwargs={"partnership": slug, "pk": review.pk}))
    expect(reviewer.get_by_role("heading", level=1)).to_have_text("Findings and recommendations")
    reviewer.get_by_role("button", name="Add a finding").click()
    second_pages.check()
    reviewer.get_by_label("What the review found").fill(
        "Missed appointments were seen one at a time by each agency; nobody put them together."
    )
    reviewer.get_by_role("button", name="Add the finding").click()
    second_pages.check()
    finding = ReviewFinding.objects.get(review=review)
    expect(reviewer.locator(f"#finding-{finding.number}")).to_contain_text("nobody put them together")
    reviewer.get_by_role("button", name="Add a recommendation").click()
    second_pages.check()
    reviewer.get_by_label("The recommendation").fill(
        "Every missed health appointment of a child on a plan is shared with the social worker within a week."
    )
    reviewer.get_by_label("The finding it answers").select_option(value=str(finding.pk))
    reviewer.get_by_label("Addressed to").select_option(label=agency.name)
    reviewer.get_by_role("button", name="Add the recommendation").click()
    second_pages.check()
    recommendation = Recommendation.objects.get(review=review)
    assert (recommendation.finding, recommendation.agency) == (finding, agency)
    card = reviewer.locator(f"#recommendation-{recommendation.number}")
    expect(card).to_contain_text(f"Finding {finding.number}")
    expect(card).to_contain_text(agency.name)

    page = pages.goto(reverse("reviews:review_findings", kwargs={"partnership": slug, "pk": review.pk}))
    page.get_by_role("link", name=f"Raise an action from recommendation {recommendation.number}").click()
    pages.check()
    expect(page.get_by_label("Owner agency")).to_have_value(str(agency.pk))
    page.get_by_label("Title").fill("Share missed health appointments with the social worker")
    due_on = today + dt.timedelta(days=90)
    page.get_by_label("Due date").fill(due_on.isoformat())
    page.get_by_role("button", name="Raise the action").click()
    pages.check()
    expect(page.get_by_role("heading", level=1)).to_have_text("Action plan")
    action = Action.objects.get(
        partnership=partnership, title="Share missed health appointments with the social worker"
    )
    assert (action.owner_agency, action.due_on) == (agency, due_on)
    card = page.locator(f"#recommendation-{recommendation.number}")
    expect(card).to_contain_text(f"{action.reference}: {action.title}")
    expect(card).to_contain_text(f"due {day(due_on)}")
    expect(card).to_contain_text("0 of 1 completed")

    # 6. The business unit writes a briefing from the review and publishes it; signed out, the
    # public learning page lists it, its search finds it and its page opens.
    page = pages.goto(reverse("reviews:briefing_create", kwargs={"partnership": slug}))
    page.get_by_label("Title", exact=True).fill(BRIEFING_TITLE)
    page.get_by_label("A local review").check()
    page.get_by_label("The partnership's review").select_option(label=f"{review.reference} {review.title}")
    for label, text in BRIEFING_SECTIONS.items():
        # A section may be left empty in a draft, so its label ends "(optional)".
        page.get_by_label(re.compile(f"^{label}")).fill(text)
    page.get_by_role("button", name="Save as a draft").click()
    pages.check()
    briefing = Briefing.objects.get(partnership=partnership)
    assert (briefing.status, briefing.review) == (Briefing.Status.DRAFT, review)
    expect(page.get_by_role("heading", level=1)).to_have_text(BRIEFING_TITLE)
    expect(page.locator(".govuk-summary-list").first).to_contain_text("Draft")
    page.get_by_role("button", name="Publish", exact=True).click()
    pages.check()
    page.get_by_role("button", name="Publish the briefing").click()
    pages.check()
    expect(page.locator(".govuk-summary-list").first).to_contain_text("Published")
    briefing.refresh_from_db()
    assert briefing.status == Briefing.Status.PUBLISHED

    # Signed out: the second browser forgets its session.
    second_pages.page.context.clear_cookies()
    reader = second_pages.goto(reverse("learning:index", kwargs={"partnership": slug}))
    expect(reader.get_by_role("heading", level=1)).to_have_text("Learning briefings")
    expect(reader.get_by_role("link", name=BRIEFING_TITLE)).to_be_visible()
    reader.get_by_label("Search the briefings").fill("nurse")
    reader.get_by_role("button", name="Search").click()
    second_pages.check()
    expect(reader.get_by_role("status")).to_have_text("1 briefing found for “nurse”.")
    reader.get_by_role("link", name=BRIEFING_TITLE).click()
    second_pages.check()
    expect(reader.get_by_role("heading", level=1)).to_have_text(BRIEFING_TITLE)
    expect(reader.locator("main")).to_contain_text("nobody put the weeks together")
    assert reader.url.endswith(f"/learning/{slug}/{briefing.slug}/")
