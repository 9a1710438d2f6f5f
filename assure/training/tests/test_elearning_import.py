"""Importing the e-learning platform's export: every row checked before anything is written, a
completion counted once, names and e-mail addresses never kept, organisations matched to the
partnership's agencies by name; and the pages of the import, with its preview."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assure.core.secrets import token_digest
from assure.training.imports import UploadRejected, read_completions
from assure.training.models import Course, ElearningCompletion
from assure.training.selectors.elearning import completions_by_year_and_agency
from assure.training.services.elearning import completions_import, completions_match
from assure.training.tests.factories import CourseFactory, ElearningCompletionFactory

pytestmark = pytest.mark.django_db
MODULE = "Safeguarding children: awareness"
HEADER = "Learner ID,Email,Organisation,Completed on,Course\n"


@pytest.fixture
def module(partnership):
    return CourseFactory(partnership=partnership, title=MODULE, delivery=Course.Delivery.ELEARNING, level="foundation")


def _csv(text: str, name: str = "completions.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def _import(actor, partnership, upload) -> int:
    preview = completions_match(actor=actor, partnership=partnership, rows=read_completions(upload))
    return completions_import(actor=actor, partnership=partnership, to_add=preview.to_add)


def test_a_good_file_adds_each_completion(business_unit, partnership, agency, module):
    upload = _csv(
        HEADER
        + f"L-1001,jo.bloggs@example.org,{agency.name.upper()},31/10/2014,{MODULE}\n"
        + f"L-1002,sam@example.org,Little Acorns Nursery,2015-02-03,{MODULE.lower()}\n"
    )
    assert _import(business_unit, partnership, upload) == 2
    first, second = ElearningCompletion.objects.order_by("completed_on")
    assert (first.agency, first.organisation, first.completed_on) == (agency, "", dt.date(2014, 10, 31))
    assert (second.agency, second.organisation) == (None, "Little Acorns Nursery")


def test_a_learner_is_kept_as_the_digest_of_their_identifier(business_unit, partnership, agency, module):
    _import(business_unit, partnership, _csv(HEADER + f"L-1001,jo.bloggs@example.org,x,31/10/2014,{MODULE}\n"))
    assert ElearningCompletion.objects.get().learner == token_digest("L-1001")


def test_names_and_emails_are_never_stored(business_unit, partnership, agency, module):
    _import(
        business_unit,
        partnership,
        _csv("Learner ID,Name,Organisation,Completed on,Course\n" + f"L-7,Jo Bloggs,Other Org,31/10/2014,{MODULE}\n"),
    )
    stored = str(list(ElearningCompletion.objects.values()))
    assert "Jo Bloggs" not in stored and "L-7" not in stored


def test_a_bad_row_writes_nothing_and_is_reported_by_its_line(business_unit, partnership, module):
    upload = _csv(
        HEADER + f"L-1,a@example.org,Org,31/10/2014,{MODULE}\n" + f"L-2,b@example.org,Org,31 October,{MODULE}\n"
    )
    with pytest.raises(UploadRejected) as rejected:
        read_completions(upload)
    assert rejected.value.messages == ["Line 3: “31 October” is not a date: write it as 31/10/2014 or 2014-10-31"]
    assert not ElearningCompletion.objects.exists()


def test_a_module_not_in_the_catalogue_is_reported_by_its_line(business_unit, partnership, module):
    rows = read_completions(_csv(HEADER + "L-1,a@example.org,Org,31/10/2014,Another module\n"))
    with pytest.raises(ValidationError) as refused:
        completions_match(actor=business_unit, partnership=partnership, rows=rows)
    assert "Line 2" in refused.value.message_dict["upload"][0]


def test_a_completion_already_held_is_skipped(business_unit, partnership, module):
    ElearningCompletionFactory(
        course=module, partnership=partnership, learner=token_digest("L-1"), completed_on=dt.date(2014, 10, 31)
    )
    rows = read_completions(
        _csv(HEADER + f"L-1,a@example.org,Org,31/10/2014,{MODULE}\n" + f"L-2,b@example.org,Org,31/10/2014,{MODULE}\n")
    )
    preview = completions_match(actor=business_unit, partnership=partnership, rows=rows)
    assert (len(preview.to_add), preview.already) == (1, 1)
    completions_import(actor=business_unit, partnership=partnership, to_add=preview.to_add)
    assert ElearningCompletion.objects.count() == 2


def test_the_same_completion_twice_in_a_file_counts_once(business_unit, partnership, module):
    line = f"L-1,a@example.org,Org,31/10/2014,{MODULE}\n"
    assert _import(business_unit, partnership, _csv(HEADER + line + line)) == 1


def test_an_xlsx_export_is_read(business_unit, partnership, module):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Learner ID", "E-mail", "Organisation", "Completed on", "Module"])
    sheet.append(["L-9", "x@example.org", "Org", dt.datetime(2014, 11, 5), MODULE])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("export.xlsx", buffer.getvalue())
    rows = read_completions(upload)
    assert [(r.completed_on, r.course) for r in rows] == [(dt.date(2014, 11, 5), MODULE)]


def test_a_file_that_is_not_csv_is_refused(business_unit, partnership, module):
    with pytest.raises(UploadRejected):
        read_completions(SimpleUploadedFile("export.csv", b"\x00\x01\x02binary"))


def test_completions_are_counted_by_reporting_year_and_agency(business_unit, partnership, agency, module):
    ElearningCompletionFactory(course=module, partnership=partnership, agency=agency, completed_on=dt.date(2015, 3, 31))
    ElearningCompletionFactory(course=module, partnership=partnership, agency=agency, completed_on=dt.date(2015, 4, 1))
    years, rows = completions_by_year_and_agency(user=business_unit, partnership=partnership)
    assert years == ["2015-16", "2014-15"]
    assert rows == [{"agency": agency.name, "years": [1, 1], "total": 2}]


def test_the_import_page_previews_then_adds(client, business_unit, partnership, module):
    client.force_login(business_unit)
    url = reverse("training:elearning_import", kwargs={"partnership": partnership.slug})
    page = client.post(url, {"upload": _csv(HEADER + f"L-1,a@example.org,Org,31/10/2014,{MODULE}\n")})
    assert "1 completion to add" in page.content.decode()
    assert not ElearningCompletion.objects.exists()
    done = client.post(url, {"action": "confirm"})
    assert done.status_code == 302
    assert ElearningCompletion.objects.count() == 1


def test_the_import_page_lists_each_bad_line(client, business_unit, partnership, module):
    client.force_login(business_unit)
    url = reverse("training:elearning_import", kwargs={"partnership": partnership.slug})
    page = client.post(url, {"upload": _csv(HEADER + f",a@example.org,Org,31/10/2014,{MODULE}\n")})
    assert "Line 2: the learner id is missing" in page.content.decode()


def test_the_elearning_page_shows_the_modules(client, business_unit, partnership, module):
    client.force_login(business_unit)
    page = client.get(reverse("training:elearning", kwargs={"partnership": partnership.slug}))
    assert MODULE in page.content.decode()


def test_the_elearning_page_lists_each_import_with_who_made_it(client, business_unit, partnership, module):
    _import(business_unit, partnership, _csv(HEADER + f"L-1,a@example.org,Org,31/10/2014,{MODULE}\n"))
    client.force_login(business_unit)
    download = client.get(reverse("training:elearning", kwargs={"partnership": partnership.slug}) + "?_export=csv")
    assert f",{business_unit.full_name},1,31 Oct 2014 and 31 Oct 2014" in download.content.decode()
