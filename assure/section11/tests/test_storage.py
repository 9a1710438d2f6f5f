import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from assure.section11.storage import ALLOWED_HINT, MAX_BYTES, evidence_problem


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_a_pdf_is_accepted():
    assert evidence_problem(SimpleUploadedFile("a.pdf", b"%PDF-1.7 ...")) is None


def test_a_docx_is_accepted():
    assert evidence_problem(SimpleUploadedFile("a.docx", _docx())) is None


def test_a_zip_renamed_docx_without_a_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", "MZ")
    assert evidence_problem(SimpleUploadedFile("a.docx", buffer.getvalue())) == (
        "The file’s content is not a Word file: check that it is the file you meant."
    )


def test_an_executable_named_pdf_is_refused():
    assert evidence_problem(SimpleUploadedFile("a.pdf", b"MZ\x90\x00")) == (
        "The file’s content is not a PDF file: check that it is the file you meant."
    )


def test_an_extension_not_allowed_is_refused():
    assert evidence_problem(SimpleUploadedFile("a.exe", b"MZ")) == f"The file must be one of: {ALLOWED_HINT}"


def test_binary_content_named_txt_is_refused():
    assert evidence_problem(SimpleUploadedFile("a.txt", b"abc\x00def")) == (
        "The file’s content is not a text file: check that it is the file you meant."
    )


def test_a_csv_is_accepted():
    assert evidence_problem(SimpleUploadedFile("a.csv", b"agency,rating\nPolice,green\n")) is None


def test_an_empty_file_is_refused():
    assert evidence_problem(SimpleUploadedFile("a.pdf", b"")) == "The file is empty."


def test_a_file_over_10_mb_is_refused():
    big = SimpleUploadedFile("a.pdf", b"%PDF-" + b"0" * MAX_BYTES)
    assert evidence_problem(big) == "The file must be 10 MB or smaller."
