"""Opening uploaded zip archives (Word, Excel and OpenDocument files) without trusting them.

An archive's directory says how many members it holds and how large each unpacks to, but
whoever made the file wrote it: a few hundred kilobytes can unpack to gigabytes. Every upload
that is a zip archive is opened here. Before anything is unpacked, ``open_archive`` refuses an
archive whose directory is too long or declares too many members, a member or a total too
large, or a ratio of unpacked to packed bytes no office file has. Reads then unpack in small
pieces and count what they actually unpack, so no member, whatever its header says, can fill
the server's memory.
"""

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

CHUNK_BYTES = 64 * 1024
# Below this size a ratio says nothing: a short run of one character packs a hundredfold and
# harms no one.
RATIO_FLOOR_BYTES = 1024 * 1024
# Room in the central directory for each member allowed (its name and extra fields included).
DIRECTORY_BYTES_PER_MEMBER = 512
# Office and OpenDocument files are stored or deflated. Python unpacks other methods (bzip2,
# LZMA) in one step with no bound on the output, so they are refused.
_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
# What zipfile raises, one way or another, on a damaged, encrypted or unsupported archive.
_UNREADABLE = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    RuntimeError,
    NotImplementedError,
    ValueError,
    EOFError,
    OSError,
    zlib.error,
)

_END = b"PK\x05\x06"
_END_SIZE = 22
_END64_LOCATOR = b"PK\x06\x07"
_END64_LOCATOR_SIZE = 20
_END64 = b"PK\x06\x06"
_END64_SIZE = 56


class ArchiveRefused(Exception):
    """The upload cannot safely be opened as a zip archive."""


class NotAnArchive(ArchiveRefused):
    """Not a readable zip archive: damaged, encrypted, or packed as office files never are."""


class ArchiveTooLarge(ArchiveRefused):
    """The archive unpacks, or says it would unpack, to more than its limits allow."""


@dataclass(frozen=True, kw_only=True)
class ArchiveLimits:
    members: int
    member_bytes: int
    total_bytes: int
    ratio: int = 100
    """The most unpacked bytes per packed byte, for a member and for the whole archive, once
    past RATIO_FLOOR_BYTES. Office XML packs about ten to one; a zip bomb a thousand to one."""


class Archive:
    """An archive that passed the checks of its directory. Read members through it, never
    through zipfile directly."""

    def __init__(self, archive: zipfile.ZipFile, *, limits: ArchiveLimits):
        self._archive = archive
        self._limits = limits
        self._members = {member.filename: member for member in archive.infolist()}

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self._members)

    def read(self, name: str, *, max_bytes: int) -> bytes:
        """The member's content. ArchiveTooLarge when it holds more than ``max_bytes``, which
        are all that is ever unpacked; KeyError when there is no such member."""
        member = self._members[name]
        if member.file_size > max_bytes:
            raise ArchiveTooLarge(name)
        return b"".join(self._unpack(member, max_bytes=max_bytes))

    def unpack_all(self) -> None:
        """Unpack every member and throw the bytes away, to refuse an archive that is damaged or
        that actually unpacks to more than its limits before anything else reads it."""
        total = 0
        for member in self._members.values():
            for chunk in self._unpack(member, max_bytes=self._limits.member_bytes):
                total += len(chunk)
                if total > self._limits.total_bytes:
                    raise ArchiveTooLarge("total")

    def _unpack(self, member: zipfile.ZipInfo, *, max_bytes: int) -> Iterator[bytes]:
        unpacked = 0
        try:
            with self._archive.open(member) as stream:
                while chunk := stream.read(CHUNK_BYTES):
                    unpacked += len(chunk)
                    # More than the member declares is a header that lies, whatever zipfile makes of it.
                    if unpacked > min(max_bytes, member.file_size):
                        raise ArchiveTooLarge(member.filename)
                    yield chunk
        except _UNREADABLE as error:
            raise NotAnArchive(member.filename) from error


@contextmanager
def open_archive(source: bytes | IO[bytes], *, limits: ArchiveLimits) -> Iterator[Archive]:
    """The upload (its bytes, or a seekable file) opened as a zip archive once its directory is
    within ``limits``. Raises NotAnArchive or ArchiveTooLarge, both ArchiveRefused."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        stream.seek(0, io.SEEK_END)
        size = stream.tell()
        entries, directory_bytes = _directory_extent(stream)
        if entries > limits.members or directory_bytes > limits.members * DIRECTORY_BYTES_PER_MEMBER:
            raise ArchiveTooLarge("members")
        stream.seek(0)
        archive = zipfile.ZipFile(stream)
    except _UNREADABLE as error:
        raise NotAnArchive from error
    with archive:
        _check_directory(archive.infolist(), archive_bytes=size, limits=limits)
        yield Archive(archive, limits=limits)


def _directory_extent(stream: IO[bytes]) -> tuple[int, int]:
    """The number of members and the length of the central directory, read from the end record
    exactly where zipfile will look for it: zipfile reads the whole directory, making an object
    per member, before anything can be counted."""
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    # The end record, after a comment of up to 64 KiB, and the ZIP64 records just before it.
    start = max(size - _END_SIZE - 0xFFFF - _END64_SIZE - _END64_LOCATOR_SIZE, 0)
    stream.seek(start)
    tail = stream.read()
    if len(tail) >= _END_SIZE and tail[-_END_SIZE:].startswith(_END) and tail.endswith(b"\0\0"):
        at = len(tail) - _END_SIZE
    else:
        at = tail.rfind(_END)
    if at < 0 or len(tail) - at < _END_SIZE:
        raise zipfile.BadZipFile("no end of central directory")
    entries, directory_bytes = struct.unpack_from("<HI", tail, at + 10)
    locator = at - _END64_LOCATOR_SIZE
    record = locator - _END64_SIZE
    if record >= 0 and tail.startswith(_END64_LOCATOR, locator) and tail.startswith(_END64, record):
        entries, directory_bytes = struct.unpack_from("<QQ", tail, record + 32)
    return entries, directory_bytes


def _check_directory(members: list[zipfile.ZipInfo], *, archive_bytes: int, limits: ArchiveLimits) -> None:
    if len(members) > limits.members:
        raise ArchiveTooLarge("members")
    total = 0
    for member in members:
        if member.compress_type not in _METHODS or member.flag_bits & 0x1:
            raise NotAnArchive(member.filename)
        if member.file_size > limits.member_bytes or _packs_too_tightly(
            member.file_size, member.compress_size, limits=limits
        ):
            raise ArchiveTooLarge(member.filename)
        total += member.file_size
    if total > limits.total_bytes or _packs_too_tightly(total, archive_bytes, limits=limits):
        raise ArchiveTooLarge("total")


def _packs_too_tightly(unpacked: int, packed: int, *, limits: ArchiveLimits) -> bool:
    return unpacked > RATIO_FLOOR_BYTES and unpacked > limits.ratio * max(packed, 1)
