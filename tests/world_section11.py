"""Section 11 records of one side of the permission matrix: a cycle of the side's partnership
and the side's agency's return in it, submitted and under challenge (so every persona allowed by
a permission has something to read: board members and auditors see returns only once they are
submitted), with a challenged criterion, its question and an evidence file."""

from assure.section11.models import Response, Return
from assure.section11.tests.factories import ChallengeMessageFactory, CycleFactory, EvidenceFileFactory, ReturnFactory

SECTION11_SAMPLES = {
    "section11:cycle_detail": lambda s: {"pk": s.section11_cycle.pk},
    "section11:cycle_edit": lambda s: {"pk": s.section11_cycle.pk},
    "section11:cycle_close": lambda s: {"pk": s.section11_cycle.pk},
    "section11:return_detail": lambda s: {"pk": s.section11_return.pk},
    "section11:return_submit": lambda s: {"pk": s.section11_return.pk},
    "section11:return_accept": lambda s: {"pk": s.section11_return.pk},
    "section11:return_reopen": lambda s: {"pk": s.section11_return.pk},
    "section11:return_remind": lambda s: {"pk": s.section11_return.pk},
    "section11:response_edit": lambda s: {"pk": s.section11_response.pk},
    "section11:response_action": lambda s: {"pk": s.section11_response.pk},
    "section11:response_moderate": lambda s: {"pk": s.section11_response.pk},
    "section11:response_answer": lambda s: {"pk": s.section11_response.pk},
    "section11:evidence_download": lambda s: {"pk": s.section11_evidence.pk},
    "section11:evidence_delete": lambda s: {"pk": s.section11_evidence.pk},
    # Pages of the analysis and the frameworks, filled in from the same records.
    "section11:analysis": lambda s: {"pk": s.section11_cycle.pk},
    "section11:framework_detail": lambda s: {"pk": s.section11_cycle.framework_id},
}


def section11_records(partnership, agency, recorder) -> dict:
    cycle = CycleFactory(lead_partnership=partnership, created_by=recorder)
    return_record = ReturnFactory(cycle=cycle, agency=agency, status=Return.Status.UNDER_CHALLENGE)
    return_record.responses.filter(not_applicable=False).update(self_rating="amber", evidence="Policy in place.")
    response = return_record.responses.get(criterion="1.1")
    response.moderation = Response.Moderation.CHALLENGED
    response.save(update_fields=["moderation"])
    return {
        "section11_cycle": cycle,
        "section11_return": return_record,
        "section11_response": response,
        "section11_evidence": EvidenceFileFactory(response=response, uploaded_by=recorder),
        "section11_message": ChallengeMessageFactory(response=response, author=recorder),
    }
