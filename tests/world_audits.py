"""Audits records of one side of the permission matrix: each part of audits (the programme and
its case files, findings and themed audits, conferences) gives its samples and records here."""

import datetime as dt

from assure.audits.models import Audit
from assure.audits.tests.factories import AuditFactory, FindingFactory, ProgrammeFactory, ThemedAuditFactory

# The programme: the side's 2014-15 programme and a planned audit of its autumn term in which
# the side's agency takes part (so its lead reads it), which the business unit may edit or cancel.
PROGRAMME_SAMPLES: dict = {
    "audits:programme_edit": lambda s: {"pk": s.audit_programme.pk},
    "audits:audit_detail": lambda s: {"pk": s.audit.pk},
    "audits:audit_edit": lambda s: {"pk": s.audit.pk},
    "audits:audit_cancel": lambda s: {"pk": s.audit.pk},
}
# Case files: a file of the planned audit (added, removed, the audit started), and an audit whose
# files are being audited with a file the agencies are answering (the side's agency answers it;
# the business unit may chase it), one every agency has answered awaiting the grade of its lead
# auditor (the side's first auditor), and one graded awaiting moderation.
CASE_SAMPLES: dict = {
    "audits:case_add": lambda s: {"pk": s.audit.pk},
    "audits:audit_start": lambda s: {"pk": s.audit.pk},
    "audits:case_remove": lambda s: {"pk": s.case_planned.pk},
    "audits:case_detail": lambda s: {"pk": s.case_answering.pk},
    "audits:case_answers": lambda s: {"pk": s.case_answers.pk},
    "audits:answers_remind": lambda s: {"pk": s.case_answers.pk},
    "audits:case_grade": lambda s: {"pk": s.case_grading.pk},
    "audits:case_moderate": lambda s: {"pk": s.case_moderation.pk},
}
# Findings and themed audits: a themed audit the side's agency takes part in, its files awaiting
# moderation (so its findings may still change, it may be reported and its theme re-audited), with
# a finding, and a re-audit following it (the comparison page).
FINDINGS_SAMPLES: dict = {
    "audits:finding_create": lambda s: {"audit": s.themed_audit.pk},
    "audits:finding_detail": lambda s: {"pk": s.finding.pk},
    "audits:finding_edit": lambda s: {"pk": s.finding.pk},
    "audits:finding_move": lambda s: {"pk": s.finding.pk},
    "audits:finding_delete": lambda s: {"pk": s.finding.pk},
    "audits:finding_action": lambda s: {"pk": s.finding.pk},
    "audits:audit_report": lambda s: {"pk": s.themed_audit.pk},
    "audits:audit_re_audit": lambda s: {"pk": s.themed_audit.pk},
    "audits:audit_compare": lambda s: {"pk": s.re_audit.pk},
}
# Conferences: a conference whose checklist is submitted (read by those who read the figures) and
# one whose checklist is still a draft, recorded by the side's agency lead where there is one (so
# they, and the business unit, answer it).
CONFERENCE_SAMPLES: dict = {
    "audits:conference_detail": lambda s: {"pk": s.conference.pk},
    "audits:conference_checklist": lambda s: {"pk": s.conference_draft.pk},
}

AUDITS_SAMPLES = {**PROGRAMME_SAMPLES, **CASE_SAMPLES, **FINDINGS_SAMPLES, **CONFERENCE_SAMPLES}


def _programme_records(partnership, agency, recorder) -> dict:
    programme = ProgrammeFactory(partnership=partnership, year=2014)
    audit = AuditFactory(partnership=partnership, programme=programme, created_by=recorder, agencies=[agency])
    return {"audit_programme": programme, "audit": audit}


def _case_records(partnership, agency, recorder, programme: dict) -> dict:
    from assure.accounts.models import User
    from assure.audits.models import CaseAudit
    from assure.audits.selectors.cases import agency_sections, auditor_sections, tool_of
    from assure.audits.tests.factories import CaseAuditFactory, CaseReferenceFactory
    from assure.questionnaires.services import response_start

    auditor = (
        User.objects.filter(memberships__partnership=partnership, memberships__role="auditor").order_by("pk").first()
    )
    planned = CaseAuditFactory(audit=programme["audit"], reference=f"{programme['audit'].reference}/01")
    CaseReferenceFactory(case=planned, agency=agency)
    running = AuditFactory(
        partnership=partnership, created_by=recorder, agencies=[agency], status=Audit.Status.AUDITING
    )
    tool = tool_of(running)

    def case(number: int, status: str, **fields) -> CaseAudit:
        found = CaseAuditFactory(
            audit=running, reference=f"{running.reference}/{number:02d}", status=status, lead_auditor=auditor, **fields
        )
        CaseReferenceFactory(case=found, agency=agency)
        return found

    def asked(about: CaseAudit, *, submitted: bool):
        answers = response_start(
            actor=recorder,
            partnership=partnership,
            questionnaire=running.questionnaire,
            about=about,
            sections=agency_sections(tool, agency),
            agency=agency,
            status="submitted" if submitted else "draft",
        )
        response_start(
            actor=recorder,
            partnership=partnership,
            questionnaire=running.questionnaire,
            about=about,
            sections=auditor_sections(tool),
            respondent=auditor,
        )
        return answers

    answering = case(1, CaseAudit.Status.ANSWERING)
    grading = case(2, CaseAudit.Status.GRADING)
    moderation = case(3, CaseAudit.Status.MODERATION, grade="good", grade_reason="A clear plan, well reviewed.")
    answers = asked(answering, submitted=False)
    asked(grading, submitted=True)
    asked(moderation, submitted=True)
    return {
        "case_planned": planned,
        "case_answering": answering,
        "case_answers": answers,
        "case_grading": grading,
        "case_moderation": moderation,
    }


def _findings_records(partnership, agency, recorder, programme: dict) -> dict:
    themed = ThemedAuditFactory(
        partnership=partnership, created_by=recorder, agencies=[agency], status=Audit.Status.MODERATION
    )
    re_audit = ThemedAuditFactory(
        partnership=partnership,
        created_by=recorder,
        agencies=[agency],
        follows=themed,
        title="Re-audit: children on a second child protection plan",
        starts_on=dt.date(2015, 9, 1),
        ends_on=dt.date(2015, 12, 18),
    )
    finding = FindingFactory(audit=themed, created_by=recorder)
    return {"themed_audit": themed, "re_audit": re_audit, "finding": finding}


def _conference_records(partnership, agency, recorder) -> dict:
    from assure.accounts.models import Membership
    from assure.audits.services.conferences import conference_record
    from assure.audits.tests.factories import checklist_conference

    lead = Membership.objects.filter(partnership=partnership, agency=agency, role="agency-lead").first()
    draft = conference_record(
        actor=lead.user if lead else recorder,
        partnership=partnership,
        held_on=dt.date(2015, 1, 13),
        chair="Conference chair",
        case_reference="CP15-0042",
    )
    return {"conference": checklist_conference(partnership=partnership), "conference_draft": draft}


def audits_records(partnership, agency, recorder) -> dict:
    programme = _programme_records(partnership, agency, recorder)
    return {
        **programme,
        **_case_records(partnership, agency, recorder, programme),
        **_findings_records(partnership, agency, recorder, programme),
        **_conference_records(partnership, agency, recorder),
    }
