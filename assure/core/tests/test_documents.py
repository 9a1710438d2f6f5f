"""The shared check of uploaded documents: a file is kept only when its extension is one its
place allows, its size is within the place's limit and its content is the kind its name says."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assure.core.documents import KNOWN_KINDS, MB, DocumentPolicy, DocumentRefused, extension_of
from assure.core.uploads import ArchiveLimits

LIMITS = ArchiveLimits(members=10, member_bytes=2 * MB, total_bytes=3 * MB)
EVERY_KIND = tuple(KNOWN_KINDS)
POLICY = DocumentPolicy(kinds=EVERY_KIND, max_bytes=1 * MB, archive_limits=LIMITS, hint="Anything known, up to 1 MB.")


def archive_of(members: dict[str, bytes | int]) -> bytes:
    """A zip archive; a member given as a number of bytes is that many zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, b"\0" * content if isinstance(content, int) else content)
    return buffer.getvalue()


def opendocument(content_type: str) -> bytes:
    return archive_of({"mimetype": content_type.encode(), "content.xml": b"<office/>"})


GOOD = {
    "pdf": b"%PDF-1.7 ...",
    "docx": archive_of({"word/document.xml": b"<w:document/>"}),
    "xlsx": archive_of({"xl/workbook.xml": b"<workbook/>"}),
    "pptx": archive_of({"ppt/presentation.xml": b"<p:presentation/>"}),
    "odt": opendocument("application/vnd.oasis.opendocument.text"),
    "ods": opendocument("application/vnd.oasis.opendocument.spreadsheet"),
    "odp": opendocument("application/vnd.oasis.opendocument.presentation"),
    "png": b"\x89PNG\r\n\x1a\n....",
    "jpg": b"\xff\xd8\xff\xe0....",
    "jpeg": b"\xff\xd8\xff\xe0....",
    "txt": "Minutes of the board, café included.\n".encode(),
    "csv": b"agency,rating\nPolice,green\n",
}


def refusal(policy: DocumentPolicy, name: str, data: bytes) -> str:
    with pytest.raises(DocumentRefused) as refused:
        policy.check(SimpleUploadedFile(name, data))
    return refused.value.message


def test_every_known_kind_has_a_good_example():
    assert set(GOOD) == set(KNOWN_KINDS)


@pytest.mark.parametrize("extension", EVERY_KIND)
def test_a_file_of_each_known_kind_is_accepted_and_its_kind_returned(extension):
    assert POLICY.check(SimpleUploadedFile(f"a.{extension}", GOOD[extension])) == KNOWN_KINDS[extension]


@pytest.mark.parametrize("extension", ["pdf", "docx", "pptx", "odp", "png", "jpg"])
def test_an_executable_under_a_known_name_is_refused(extension):
    assert refusal(POLICY, f"a.{extension}", b"MZ\x90\x00") == (
        f"The file’s content is not a {KNOWN_KINDS[extension].label} file: check that it is the file you meant."
    )


def test_a_word_file_named_as_a_presentation_is_refused():
    assert "not a PowerPoint file" in refusal(POLICY, "a.pptx", GOOD["docx"])


def test_an_opendocument_file_of_another_kind_is_refused():
    assert "not a OpenDocument presentation file" in refusal(POLICY, "a.odp", GOOD["odt"])


def test_an_opendocument_file_without_a_mimetype_is_refused():
    assert "not a OpenDocument text file" in refusal(POLICY, "a.odt", archive_of({"content.xml": b"<office/>"}))


def test_a_damaged_archive_is_refused_as_not_its_kind():
    assert "not a Word file" in refusal(POLICY, "a.docx", b"PK\x03\x04 not really")


def test_text_in_windows_1252_is_accepted():
    assert POLICY.problem(SimpleUploadedFile("a.txt", "Caf\u00e9 \u2013 minutes".encode("cp1252"))) is None


def test_binary_content_named_csv_is_refused():
    assert "not a CSV file" in refusal(POLICY, "a.csv", b"a,b\x00c")


def test_an_archive_that_unpacks_past_the_policys_limits_is_refused():
    data = archive_of({"word/document.xml": b"<w:document/>", "word/media/big.bin": 3 * MB})
    assert refusal(POLICY, "a.docx", data) == (
        "The file unpacks to far more than a document of its size should: save it again and upload that copy."
    )


def test_an_extension_the_policy_does_not_allow_is_refused_with_its_hint_and_noun():
    papers = DocumentPolicy(kinds=("pdf",), max_bytes=MB, archive_limits=LIMITS, hint="PDF only.", noun="paper")
    assert refusal(papers, "a.png", GOOD["png"]) == "The paper must be one of: PDF only."


def test_a_file_over_the_policys_size_is_refused_in_megabytes():
    policy = DocumentPolicy(kinds=("pdf",), max_bytes=2 * MB, archive_limits=LIMITS, hint="PDF.", noun="paper")
    assert refusal(policy, "a.pdf", b"%PDF-" + b"0" * 2 * MB) == "The paper must be 2 MB or smaller."


def test_an_empty_file_is_refused():
    assert refusal(POLICY, "a.pdf", b"") == "The file is empty."


def test_problem_is_none_for_a_file_that_may_be_kept():
    assert POLICY.problem(SimpleUploadedFile("a.pdf", GOOD["pdf"])) is None


def test_the_policy_lists_only_its_own_kinds():
    policy = DocumentPolicy(kinds=("pdf", "png"), max_bytes=MB, archive_limits=LIMITS, hint="PDF or PNG.")
    assert set(policy.by_extension) == {"pdf", "png"}


def test_a_policy_of_an_unknown_kind_cannot_be_declared():
    with pytest.raises(ValueError, match="exe"):
        DocumentPolicy(kinds=("pdf", "exe"), max_bytes=MB, archive_limits=LIMITS, hint="")


def test_the_extension_is_read_in_lower_case_from_the_last_suffix():
    assert extension_of("Board Paper.v2.PDF") == "pdf"
    assert extension_of("no-extension") == ""
