"""Recording a month's extract: all of it or nothing, every row checked as an entry and against
the month, a case given twice refused, names and dates of birth refused by line and column, a
month's upload replaced only when asked, an agency's lead uploading for their own agency only,
and deleting an upload with its entries."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from assure.audit.models import Event
from assure.registers.kinds import kind_for
from assure.registers.models import Entry, Upload
from assure.registers.services.uploads import UploadAlreadyMade, UploadInvalid, upload_delete, upload_record
from assure.registers.tests.factories import UploadFactory
from assure.registers.uploads import Row

pytestmark = pytest.mark.django_db
MAY = dt.date(2015, 5, 1)


def _marac(line: int, reference: str = "MARAC/1", discussed: str = "2015-05-04", **cells) -> Row:
    return Row(
        line=line,
        cells={
            "agency_reference": reference,
            "discussed-on": discussed,
            "repeat": "no",
            "children": "2",
            "referred-by": "police",
            **cells,
        },
    )


def _record(actor, partnership, kind, agency, rows, **kwargs) -> Upload:
    return upload_record(
        actor=actor,
        partnership=partnership,
        kind=kind,
        agency=agency,
        month=kwargs.pop("month", MAY),
        filename="marac-may.csv",
        rows=rows,
        **kwargs,
    )


def test_a_good_file_records_an_upload_and_an_entry_for_each_row(agency_lead, partnership, agency, marac):
    upload = _record(agency_lead, partnership, marac, agency, [_marac(2), _marac(3, "MARAC/2", "2015-05-28")])
    assert upload.rows == 2
    entries = list(Entry.objects.filter(upload=upload).order_by("occurred_on"))
    assert [e.agency_reference for e in entries] == ["MARAC/1", "MARAC/2"]
    assert {e.source for e in entries} == {Entry.Source.UPLOAD}
    assert {e.status for e in entries} == {Entry.Status.SUBMITTED}
    assert entries[0].values["children"] == 2
    assert Event.objects.filter(verb="registers.upload_recorded").count() == 1


def test_a_file_with_the_headings_only_says_there_were_no_cases(agency_lead, partnership, agency, marac):
    upload = _record(agency_lead, partnership, marac, agency, [])
    assert upload.rows == 0 and not Entry.objects.exists()


def test_one_bad_row_writes_nothing(agency_lead, partnership, agency, marac):
    with pytest.raises(UploadInvalid) as invalid:
        _record(agency_lead, partnership, marac, agency, [_marac(2), _marac(3, "MARAC/2", repeat="maybe")])
    assert [(p.line, p.column) for p in invalid.value.problems] == [(3, "repeat")]
    assert not Upload.objects.exists()
    assert not Entry.objects.exists()


def test_a_name_as_the_reference_is_refused_by_line_and_column(agency_lead, partnership, agency, marac):
    with pytest.raises(UploadInvalid) as invalid:
        _record(agency_lead, partnership, marac, agency, [_marac(2), _marac(3, "Jane Smith")])
    assert [(p.line, p.column) for p in invalid.value.problems] == [(3, "agency_reference")]


def test_a_full_date_of_birth_as_the_reference_is_refused(agency_lead, partnership, agency, marac):
    with pytest.raises(UploadInvalid) as invalid:
        _record(agency_lead, partnership, marac, agency, [_marac(2, "03/04/2009")])
    assert [(p.line, p.column) for p in invalid.value.problems] == [(2, "agency_reference")]


def test_an_address_as_the_area_is_refused(agency_lead, partnership, agency):
    kind = kind_for(partnership, "operation-encompass")
    row = Row(
        line=2,
        cells={
            "agency_reference": "OE/1",
            "age": "9",
            "area": "12 Castle Street",
            "incident-at": "2015-05-04 21:40",
            "school-told-at": "2015-05-05 08:30",
            "present": "yes",
            "emergency-duty": "",
        },
    )
    with pytest.raises(UploadInvalid) as invalid:
        _record(agency_lead, partnership, kind, agency, [row])
    assert [(p.line, p.column) for p in invalid.value.problems] == [(2, "area")]


def test_a_row_of_another_month_is_refused(agency_lead, partnership, agency, marac):
    with pytest.raises(UploadInvalid) as invalid:
        _record(agency_lead, partnership, marac, agency, [_marac(2, discussed="2015-06-01")])
    problem = invalid.value.problems[0]
    assert (problem.line, problem.column) == (2, "discussed-on")
    assert "May 2015" in problem.message


def test_the_same_case_twice_in_a_file_is_refused(agency_lead, partnership, agency, marac):
    with pytest.raises(UploadInvalid) as invalid:
        _record(agency_lead, partnership, marac, agency, [_marac(2), _marac(5, "marac/1")])
    problem = invalid.value.problems[0]
    assert (problem.line, problem.column) == (5, "agency_reference")
    assert "line 2" in problem.message


def test_every_bad_row_is_listed(agency_lead, partnership, agency, marac):
    rows = [_marac(line, f"MARAC/{line}", children="many") for line in range(2, 302)]
    with pytest.raises(UploadInvalid) as invalid:
        _record(agency_lead, partnership, marac, agency, rows)
    assert len(invalid.value.problems) == 300


def test_a_formula_like_reference_is_stored_as_its_text(agency_lead, partnership, agency, marac):
    _record(agency_lead, partnership, marac, agency, [_marac(2, "=1+1")])
    assert Entry.objects.get().agency_reference == "=1+1"


def test_a_month_already_uploaded_is_replaced_only_when_asked(agency_lead, partnership, agency, marac):
    first = _record(agency_lead, partnership, marac, agency, [_marac(2), _marac(3, "MARAC/2")])
    with pytest.raises(UploadAlreadyMade) as made:
        _record(agency_lead, partnership, marac, agency, [_marac(2, "MARAC/9")])
    assert made.value.upload == first
    assert Entry.objects.count() == 2
    second = _record(agency_lead, partnership, marac, agency, [_marac(2, "MARAC/9")], replace=True)
    assert not Upload.objects.filter(pk=first.pk).exists()
    assert list(Entry.objects.values_list("agency_reference", "upload")) == [("MARAC/9", second.pk)]
    assert Event.objects.filter(verb="registers.upload_replaced").exists()


def test_a_bad_file_never_replaces_the_month(agency_lead, partnership, agency, marac):
    _record(agency_lead, partnership, marac, agency, [_marac(2)])
    with pytest.raises(UploadInvalid):
        _record(agency_lead, partnership, marac, agency, [_marac(2, repeat="maybe")], replace=True)
    assert Entry.objects.get().agency_reference == "MARAC/1"


def test_an_agency_lead_cannot_upload_for_another_agency(agency_lead, partnership, other_agency, marac):
    with pytest.raises(PermissionDenied):
        _record(agency_lead, partnership, marac, other_agency, [_marac(2)])
    assert not Upload.objects.exists()


def test_the_business_unit_uploads_for_any_agency_that_records_the_kind(
    business_unit, partnership, other_agency, marac
):
    assert _record(business_unit, partnership, marac, other_agency, [_marac(2)]).agency == other_agency


def test_a_month_to_come_is_refused(agency_lead, partnership, agency, marac):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        _record(agency_lead, partnership, marac, agency, [], month=dt.date(2015, 6, 1), today=dt.date(2015, 5, 20))
    assert "month" in refused.value.message_dict


def test_deleting_an_upload_deletes_its_entries_only(agency_lead, partnership, agency, marac):
    upload = _record(agency_lead, partnership, marac, agency, [_marac(2), _marac(3, "MARAC/2")])
    kept = _record(
        agency_lead, partnership, marac, agency, [_marac(2, discussed="2015-04-20")], month=dt.date(2015, 4, 1)
    )
    assert upload_delete(actor=agency_lead, partnership=partnership, upload=upload) == 2
    assert list(Entry.objects.values_list("upload", flat=True)) == [kept.pk]
    assert Event.objects.filter(verb="registers.upload_deleted").exists()


def test_an_agency_lead_cannot_delete_another_agencys_upload(agency_lead, partnership, other_agency):
    upload = UploadFactory(partnership=partnership, agency=other_agency)
    with pytest.raises(PermissionDenied):
        upload_delete(actor=agency_lead, partnership=partnership, upload=upload)
    assert Upload.objects.filter(pk=upload.pk).exists()
