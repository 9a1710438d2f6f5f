"""Factories of the audits app's records, one block per part; each part may add its own."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from assure.accounts.tests.factories import UserFactory
from assure.audits.models import Audit, CaseAudit, CaseReference, Conference, Finding, Programme
from assure.library.selectors import current_item
from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory

# --- the programme and its audits --------------------------------------------------------------


def case_file_audit_tool():
    """The multi-agency case-file audit tool Assure ships (the library is loaded for every test)."""
    return current_item(kind="questionnaire", code="case-file-audit")


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("partnership", "year")

    partnership = factory.SubFactory(PartnershipFactory)
    year = 2014
    title = factory.LazyAttribute(lambda p: f"Multi-agency audit programme {p.year}-{(p.year + 1) % 100:02d}")
    description = "Ten case files a term, themed on the business plan's priorities."


class AuditFactory(DjangoModelFactory):
    """A termly audit of the programme, planned; pass ``agencies=[...]`` for those taking part."""

    class Meta:
        model = Audit
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    programme = factory.LazyAttribute(lambda a: ProgrammeFactory(partnership=a.partnership))
    reference = factory.Sequence(lambda n: f"AU-{n + 1:03d}")
    kind = Audit.Kind.PROGRAMME
    title = "Compromised parenting"
    theme = "Children living with domestic abuse, parental mental ill health or substance misuse"
    tier = "practice"
    term = "autumn"
    questionnaire = factory.LazyFunction(case_file_audit_tool)
    files_planned = 10
    starts_on = dt.date(2014, 9, 1)
    ends_on = dt.date(2014, 12, 19)
    status = Audit.Status.PLANNED
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def agencies(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.agencies.set(extracted)


class ThemedAuditFactory(AuditFactory):
    """A themed audit commissioned outside the termly programme."""

    programme = None
    kind = Audit.Kind.THEMED
    title = "Children on a second child protection plan"
    theme = "Second child protection plans within two years"
    tier = "oversight"
    term = ""
    question = "Why has the number of children on a second plan within two years risen so fast?"


class CaseAuditFactory(DjangoModelFactory):
    class Meta:
        model = CaseAudit

    audit = factory.SubFactory(AuditFactory)
    partnership = factory.LazyAttribute(lambda c: c.audit.partnership)
    reference = factory.Sequence(lambda n: f"AU-001/{n + 1:02d}")
    age = 7
    status = CaseAudit.Status.ANSWERING


class CaseReferenceFactory(DjangoModelFactory):
    class Meta:
        model = CaseReference

    case = factory.SubFactory(CaseAuditFactory)
    agency = factory.SubFactory(AgencyFactory)
    reference = factory.Sequence(lambda n: f"CASE-{n + 1000}")


# --- findings -------------------------------------------------------------------------------------


class FindingFactory(DjangoModelFactory):
    class Meta:
        model = Finding

    audit = factory.SubFactory(AuditFactory)
    partnership = factory.LazyAttribute(lambda f: f.audit.partnership)
    kind = Finding.Kind.DEVELOPMENT
    theme = "Planning"
    text = "Plans did not say clearly what had to change for the child, or by when."
    position = factory.Sequence(lambda n: n + 1)
    created_by = factory.SubFactory(UserFactory)


# --- conferences ------------------------------------------------------------------------------------


class ConferenceFactory(DjangoModelFactory):
    class Meta:
        model = Conference

    partnership = factory.SubFactory(PartnershipFactory)
    held_on = dt.date(2014, 10, 14)
    chair = "Conference chair"
    recorded_by = factory.SubFactory(UserFactory)


# Every question of the conference checklist answered the way most conferences answer it.
CHECKLIST_ANSWERS = {
    "conference-type": "review",
    "report-on-time": "yes",
    "parents-saw-report": "yes",
    "evidence-based-analysis": "yes",
    "clear-recommendations": "yes",
    "family-present": "yes",
    "children-present": "no",
    "social-work-representation": "yes",
    "key-agencies-present": "yes",
    "agencies-absent": ["none"],
    "core-groups-held": "yes",
    "agencies-contributed": "yes",
    "plan-followed": "yes",
    "resources-secured": "yes",
}


def conference_checklist():
    """The conference checklist Assure ships."""
    return current_item(kind="questionnaire", code="conference-checklist")


def checklist_conference(*, partnership, held_on=dt.date(2014, 10, 14), status="submitted", **answers):
    """A conference with its checklist answered (``CHECKLIST_ANSWERS``, with ``answers`` in their
    place; an answer of None leaves the question unanswered) and, by default, submitted. Answers
    are written directly, as the demo writes them; the services' own tests go through the pages."""
    from django.contrib.contenttypes.models import ContentType

    from assure.questionnaires.definition import questionnaire_of
    from assure.questionnaires.models import Answer, Response

    conference = ConferenceFactory(partnership=partnership, held_on=held_on)
    item = conference_checklist()
    definition = questionnaire_of(item)
    given = {code: value for code, value in {**CHECKLIST_ANSWERS, **answers}.items() if value is not None}
    answered, asked = definition.progress(given)
    response = Response.objects.create(
        partnership=partnership,
        questionnaire=item,
        about_type=ContentType.objects.get_for_model(Conference),
        about_id=str(conference.pk),
        status=status,
        answered=answered,
        asked=asked,
    )
    for code, value in given.items():
        answer = Answer(response=response, question=code)
        answer.set_value(value, kind=definition.question(code).type)
        answer.save()
    conference.response = response
    conference.save(update_fields=["response"])
    return conference


# --- case files: the agencies' answers, grading, moderation ------------------------------------------


def full_answers(response) -> dict[str, list[str]]:
    """A valid answer to every question of the response's sections, as a form sends them: "yes"
    to yes-no questions, the first choice of the others, a few words of text."""
    from assure.questionnaires.definition import questionnaire_of

    definition = questionnaire_of(response.questionnaire)
    data: dict[str, list[str]] = {}
    for question in definition.questions(response.sections):
        if question.type == "yes-no":
            data[question.code] = ["yes"]
        elif question.type in {"scale", "grade", "single", "multiple"}:
            data[question.code] = [definition.choices(question)[0].code]
        elif question.type == "number":
            data[question.code] = ["1"]
        elif question.type == "date":
            data[question.code] = ["1", "10", "2014"]
        else:
            data[question.code] = ["The plan was reviewed at every core group and the work was timely."]
    return data


def case_added(audit, actor, lead, *references, age=9):
    """A case file added to the audit through the service, with these agencies' references
    (pairs of agency and text)."""
    from assure.audits.services.cases import case_add

    return case_add(
        actor=actor, audit=audit, age=age, lead_auditor=lead, references={a.pk: text for a, text in references}
    )


def agency_answers(case, agency):
    """The agency's response about the case file."""
    from assure.audits.selectors.cases import responses_about

    return next(r for r in responses_about([case.pk])[case.pk] if r.agency_id == agency.pk)


def overall_answers(case):
    """The lead auditor's response about the case file (the overall section)."""
    from assure.audits.selectors.cases import responses_about

    return next(r for r in responses_about([case.pk])[case.pk] if r.agency_id is None)


def answered_and_submitted(case, agency, lead):
    """The agency's lead answers every question about the case file and submits the answers."""
    from assure.audits.services.cases import case_answers_submit
    from assure.questionnaires.services import answers_save

    response = agency_answers(case, agency)
    answers_save(actor=lead, response=response, data=full_answers(response))
    case_answers_submit(actor=lead, case=case, response=response)


def graded(case, actor, grade_code="requires-improvement"):
    """The lead auditor's overall section answered with ``grade_code`` and submitted."""
    from assure.audits.services.cases import case_grade_submit
    from assure.questionnaires.services import answers_save

    response = overall_answers(case)
    answers_save(
        actor=actor,
        response=response,
        data={
            "overall-multi-agency": ["no"],
            "overall-grade": [grade_code],
            "grade-reason": ["Plans lacked timescales; the police shared information well."],
        },
    )
    return case_grade_submit(actor=actor, case=case, response=response)
