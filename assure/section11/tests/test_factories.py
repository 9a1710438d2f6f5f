from assure.partnerships.tests.factories import AgencyFactory, library_item
from assure.section11.framework import Framework

from .factories import (
    ChallengeMessageFactory,
    CycleFactory,
    EvidenceFileFactory,
    ReturnFactory,
    Section11FrameworkFactory,
)


def test_framework_factory_reads_as_a_framework(db):
    framework = Framework(Section11FrameworkFactory(scale="fully-mostly-partially-not-met"))
    assert [c.ref for c in framework.criteria] == ["1.1", "1.2", "2.1", "2.2"]
    assert framework.scale.code == "fully-mostly-partially-not-met"


def test_return_factory_marks_school_only_criterion_not_applicable(db):
    return_record = ReturnFactory()
    assert [r.not_applicable for r in return_record.responses.order_by("criterion")] == [False, False, False, True]


def test_a_school_answers_the_school_criterion(db):
    cycle = CycleFactory()
    school = AgencyFactory(agency_type=library_item("agency-type", "school"), partnerships=[cycle.lead_partnership])
    return_record = ReturnFactory(cycle=cycle, agency=school)
    assert not return_record.responses.filter(not_applicable=True).exists()


def test_evidence_and_message_factories(db):
    evidence = EvidenceFileFactory()
    assert evidence.file.name.endswith(evidence.token)
    assert ChallengeMessageFactory().response.criterion == "1.1"
