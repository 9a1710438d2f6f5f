"""Uploaded archives (Word, Excel, OpenDocument) are opened without trusting what they say:
zip bombs, headers that understate a member's size and archives of countless members are
refused before they can fill the server's memory."""

import io
import struct
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assure.core.uploads import ArchiveLimits, ArchiveTooLarge, NotAnArchive, open_archive
from assure.performance.returns_xlsx import UploadRejected, check_upload
from assure.section11.storage import evidence_problem

MB = 1024 * 1024
ODT = b"application/vnd.oasis.opendocument.text"
SMALL = ArchiveLimits(members=10, member_bytes=2 * MB, total_bytes=3 * MB)


def archive_of(members: dict[str, bytes | int], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive; a member given as a number of bytes is that many zeros, written in pieces
    so that the test itself never holds them all."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, content in members.items():
            if isinstance(content, int):
                with archive.open(name, "w") as member:
                    for start in range(0, content, MB):
                        member.write(b"\0" * min(MB, content - start))
            else:
                archive.writestr(name, content)
    return buffer.getvalue()


def understating(data: bytes, name: str, *, declared: int) -> bytes:
    """The archive with ``name``'s headers (local and central) saying it unpacks to ``declared``
    bytes, whatever it really holds."""
    data = bytearray(data)
    encoded = name.encode()
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = data.find(signature)
        while at >= 0:
            if data[at + name_at : at + name_at + len(encoded)] == encoded:
                struct.pack_into("<I", data, at + size_at, declared)
                break
            at = data.find(signature, at + 1)
        else:
            raise AssertionError(f"no {signature!r} header for {name}")
    return bytes(data)


def with_zip64_end(data: bytes, *, members: int | None = None) -> bytes:
    """The archive with the ZIP64 end records some programs write even for small files (saying
    ``members`` members if given), which zipfile then believes over the ordinary end record."""
    at = data.rfind(b"PK\x05\x06")
    count, directory_bytes, directory_at = struct.unpack_from("<H2L", data, at + 10)
    count = count if members is None else members
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, directory_bytes, directory_at)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, at, 1)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return data[:at] + record + locator + end


def many_members(count: int, **others: bytes) -> bytes:
    return archive_of({**others, **{f"part/{n}.xml": b"" for n in range(count)}})


def peak_memory(check) -> int:
    tracemalloc.start()
    try:
        check()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def docx(**others: bytes | int) -> SimpleUploadedFile:
    return SimpleUploadedFile("policy.docx", archive_of({"word/document.xml": b"<w:document/>", **others}))


def xlsx(data: bytes) -> list[str]:
    with pytest.raises(UploadRejected) as rejected:
        check_upload(SimpleUploadedFile("return.xlsx", data))
    return rejected.value.messages


# The checks themselves


def test_an_ordinary_archive_opens_and_its_members_can_be_read():
    with open_archive(archive_of({"a.xml": b"<a/>", "b.xml": b"<b/>"}), limits=SMALL) as archive:
        archive.unpack_all()
        assert archive.names == {"a.xml", "b.xml"}
        assert archive.read("a.xml", max_bytes=100) == b"<a/>"


def test_a_member_declared_larger_than_the_limit_is_refused_before_anything_is_unpacked():
    with pytest.raises(ArchiveTooLarge), open_archive(archive_of({"big.xml": 3 * MB}), limits=SMALL):
        pass


def test_members_adding_up_to_more_than_the_limit_are_refused():
    data = archive_of({"a.xml": 2 * MB - 1, "b.xml": 2 * MB - 1}, compression=zipfile.ZIP_STORED)
    with pytest.raises(ArchiveTooLarge), open_archive(data, limits=SMALL):
        pass


def test_a_member_that_packs_a_thousandfold_is_refused_even_within_the_size_limits():
    data = archive_of({"dense.xml": int(1.5 * MB)})
    with pytest.raises(ArchiveTooLarge), open_archive(data, limits=SMALL):
        pass


def test_too_many_members_are_refused():
    with pytest.raises(ArchiveTooLarge), open_archive(many_members(11), limits=SMALL):
        pass


def test_the_members_are_counted_before_zipfile_reads_the_directory():
    data = many_members(20_000)
    limits = ArchiveLimits(members=100, member_bytes=MB, total_bytes=MB)

    def check():
        with pytest.raises(ArchiveTooLarge), open_archive(data, limits=limits):
            pass

    # Reading this directory makes 20,000 objects, several megabytes.
    assert peak_memory(check) < MB


def test_an_archive_with_zip64_end_records_opens():
    with open_archive(with_zip64_end(archive_of({"a.xml": b"<a/>"})), limits=SMALL) as archive:
        archive.unpack_all()
        assert archive.names == {"a.xml"}


def test_the_members_a_zip64_end_record_declares_are_counted():
    data = with_zip64_end(archive_of({"a.xml": b"<a/>"}), members=1_000_000)
    with pytest.raises(ArchiveTooLarge), open_archive(data, limits=SMALL):
        pass


def test_a_header_that_understates_a_members_size_is_refused_when_unpacked():
    data = understating(archive_of({"a.xml": b"<a/>", "lie.xml": 30 * MB}), "lie.xml", declared=1000)
    with open_archive(data, limits=SMALL) as archive:

        def unpack():
            with pytest.raises(NotAnArchive):
                archive.unpack_all()

        assert peak_memory(unpack) < MB


def test_a_read_unpacks_no_more_than_it_allows():
    with open_archive(archive_of({"a.xml": b"x" * 1000}), limits=SMALL) as archive, pytest.raises(ArchiveTooLarge):
        archive.read("a.xml", max_bytes=999)


@pytest.mark.parametrize("compression", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_compression_no_office_file_uses_is_refused(compression):
    data = archive_of({"a.xml": b"<a/>"}, compression=compression)
    with pytest.raises(NotAnArchive), open_archive(data, limits=SMALL):
        pass


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really", b"", b"%PDF-1.7"])
def test_what_is_not_a_zip_archive_is_refused(data):
    with pytest.raises(NotAnArchive), open_archive(data, limits=SMALL):
        pass


# Evidence files (Section 11)


def test_an_opendocument_file_is_still_accepted():
    upload = SimpleUploadedFile("policy.odt", archive_of({"mimetype": ODT, "content.xml": b"<office/>"}))
    assert evidence_problem(upload) is None


def test_an_opendocument_file_whose_mimetype_unpacks_to_megabytes_is_refused_without_unpacking_it():
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("mimetype", "w") as member,
    ):
        member.write(ODT)
        for _ in range(20):
            member.write(b" " * MB)
    upload = SimpleUploadedFile("policy.odt", buffer.getvalue())
    problems = []
    assert peak_memory(lambda: problems.append(evidence_problem(upload))) < 2 * MB
    assert "unpacks to far more" in problems[0]


def test_evidence_that_unpacks_past_the_limit_is_refused():
    assert "unpacks to far more" in evidence_problem(docx(**{"word/media/huge.xml": 101 * MB}))


def test_evidence_with_a_member_whose_header_understates_its_size_is_refused():
    data = understating(docx(**{"word/lie.xml": 30 * MB}).read(), "word/lie.xml", declared=1000)
    assert evidence_problem(SimpleUploadedFile("policy.docx", data)) is not None


def test_evidence_of_thousands_of_members_is_refused():
    upload = SimpleUploadedFile("policy.docx", many_members(2001, **{"word/document.xml": b"<w:document/>"}))
    assert "unpacks to far more" in evidence_problem(upload)


# Agency returns (XLSX)


def test_a_return_with_a_member_whose_header_understates_its_size_is_refused():
    workbook = archive_of({"xl/workbook.xml": b"<workbook/>", "xl/lie.xml": 30 * MB})
    data = understating(workbook, "xl/lie.xml", declared=1000)
    assert xlsx(data) == ["The file could not be opened as an Excel workbook (.xlsx)"]


def test_a_return_that_packs_a_thousandfold_is_refused():
    assert "far more than" in xlsx(archive_of({"xl/workbook.xml": b"<workbook/>", "xl/dense.xml": 30 * MB}))[0]


def test_a_return_of_thousands_of_members_is_refused():
    assert "far more than" in xlsx(many_members(1001, **{"xl/workbook.xml": b"<workbook/>"}))[0]
