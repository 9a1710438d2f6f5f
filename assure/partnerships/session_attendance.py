"""The attendance of a training session, for apps that name a session by its reference (TS-0042)
without importing training: an engagement event run as a conference in the training calendar
counts those the training register marked attended rather than a number typed again.

Training registers the one reader in its ``AppConfig.ready()``; without it (training not
installed) every reference reads as unknown."""

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass


@dataclass(frozen=True)
class SessionAttendance:
    """A training session as another app shows it: its title, the day it was held and those
    marked attended on its register."""

    reference: str
    title: str
    held_on: dt.date
    attended: int


Reader = Callable[..., dict[str, SessionAttendance]]
_readers: list[Reader] = []


def register_session_attendance(function: Reader) -> Reader:
    """Register ``function(*, partnership, references)`` giving, for each reference of the
    partnership's sessions among ``references``, its ``SessionAttendance`` (unknown references
    left out), in a constant number of queries."""
    if function not in _readers:
        _readers.append(function)
    return function


def sessions_attendance(*, partnership, references: Collection[str]) -> dict[str, SessionAttendance]:
    """The attendance of each of the partnership's sessions named in ``references``, by reference
    (as written in capitals); a reference no session has is left out."""
    wanted = {reference.strip().upper() for reference in references if reference and reference.strip()}
    found: dict[str, SessionAttendance] = {}
    if not wanted:
        return found
    for function in _readers:
        found.update(function(partnership=partnership, references=wanted))
    return found


def session_attendance(*, partnership, reference: str) -> SessionAttendance | None:
    """The attendance of one of the partnership's sessions, or None when it has no such session."""
    return sessions_attendance(partnership=partnership, references=[reference]).get((reference or "").strip().upper())
