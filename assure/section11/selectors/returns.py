"""Reads of returns: the returns, responses and evidence files a user may see, a return laid
out by the framework's standards with its progress, why it was reopened, and the agencies an
action raised from a criterion can be given to."""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet, prefetch_related_objects

from assure.accounts.models import User
from assure.actions.models import Action
from assure.actions.selectors import actions_visible_to
from assure.audit.selectors import events_about
from assure.partnerships.models import Agency, Partnership
from assure.partnerships.selectors.agencies import partnership_agencies

from ..framework import Criterion, Framework, Level, Scale, Standard, framework_of
from ..models import ChallengeMessage, EvidenceFile, Response, Return
from .access import return_scope_q


def returns_visible_to(*, user, partnership: Partnership) -> QuerySet[Return]:
    """The returns the user may read in the partnership (see access.py); none without section11.view."""
    scope = return_scope_q(user=user, partnership=partnership)
    if scope is None:
        return Return.objects.none()
    ids = Return.objects.filter(scope).values("pk")
    return Return.objects.filter(pk__in=ids).select_related(
        "cycle", "cycle__framework__document", "cycle__lead_partnership", "agency", "agency__agency_type"
    )


def responses_visible_to(*, user, partnership: Partnership) -> QuerySet[Response]:
    """Responses of the returns the user may read (see ``returns_visible_to``), each with its
    return, cycle, framework item and agency, which every page of one criterion reads."""
    return Response.objects.filter(
        return_record__in=returns_visible_to(user=user, partnership=partnership)
    ).select_related(
        "return_record",
        "return_record__cycle",
        "return_record__cycle__framework__document",
        "return_record__agency",
        "return_record__agency__agency_type",
    )


def evidence_visible_to(*, user, partnership: Partnership) -> QuerySet[EvidenceFile]:
    """Evidence files of the returns the user may read: a file is never reachable otherwise."""
    return EvidenceFile.objects.filter(
        response__return_record__in=returns_visible_to(user=user, partnership=partnership)
    ).select_related("response", "response__return_record", "response__return_record__cycle")


@dataclass
class CriterionRow:
    """One criterion of the return with its answer, the moderation thread and actions."""

    criterion: Criterion
    response: Response
    by_framework: bool  # not applicable because the framework excludes the agency's type
    level: Level | None
    moderated_level: Level | None
    scale: Scale
    files: list[EvidenceFile] = field(default_factory=list)
    messages: list[ChallengeMessage] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    form: object = None  # the answer's form, where the page offers one
    next_challenged: str = ""  # the next challenged criterion's reference, on a return's page

    @property
    def challenged(self) -> bool:
        """A moderator's challenge on it is still open: awaiting the agency's answer or the moderator."""
        return self.response.moderation in (Response.Moderation.CHALLENGED, Response.Moderation.ANSWERED)

    @property
    def done(self) -> bool:
        return self.response.rated

    @property
    def not_fully_met(self) -> bool:
        """Rated at a level that does not count as compliant: the lead may raise an action."""
        return self.level is not None and not self.level.compliant


@dataclass
class StandardSection:
    standard: Standard
    rows: list[CriterionRow]


@dataclass
class ReturnLayout:
    framework: Framework
    sections: list[StandardSection]

    @property
    def rows(self) -> list[CriterionRow]:
        return [row for section in self.sections for row in section.rows]

    @property
    def applicable(self) -> list[CriterionRow]:
        return [row for row in self.rows if not row.by_framework]

    @property
    def done(self) -> int:
        return sum(1 for row in self.applicable if row.done)

    @property
    def total(self) -> int:
        return len(self.applicable)

    @property
    def unrated(self) -> list[CriterionRow]:
        return [row for row in self.applicable if not row.done]

    @property
    def challenged(self) -> list[CriterionRow]:
        """The criteria whose challenge is still open, in the framework's order."""
        return [row for row in self.applicable if row.challenged]


def link_challenged(layout: ReturnLayout) -> list[CriterionRow]:
    """Give each challenged criterion the reference of the next one (the last none), so a long
    return can be read challenge by challenge; returns the challenged criteria."""
    challenged = layout.challenged
    for row, following in zip(challenged, challenged[1:], strict=False):
        row.next_challenged = following.criterion.ref
    return challenged


# A criterion's moderation thread, with each message's author (the thread shows who wrote it)
# and the files an answer came with.
THREAD = Prefetch("messages", queryset=ChallengeMessage.objects.select_related("author").prefetch_related("files"))


def _thread(response: Response) -> list[ChallengeMessage]:
    # return_layout prefetches every response's thread; a response read on its own reads its own
    # (prefetch_related_objects leaves a thread already fetched alone).
    prefetch_related_objects([response], THREAD)
    return list(response.messages.all())


def criterion_row(response: Response, framework: Framework | None = None, *, actions=()) -> CriterionRow:
    """One response read against its framework, with its files and thread (and the ``actions``
    raised from it, where the caller has them)."""
    framework = framework or framework_of(response.return_record.cycle.framework)
    criterion = framework.criterion(response.criterion)
    if criterion is None:  # the cycle's framework version is fixed; a stray response is a bug
        raise LookupError(f"criterion {response.criterion} is not in {framework.title}")
    agency_type = response.return_record.agency.agency_type.code
    return CriterionRow(
        criterion=criterion,
        response=response,
        by_framework=not criterion.applies(agency_type),
        level=framework.scale.level(response.self_rating) if response.self_rating else None,
        moderated_level=framework.moderated_scale.level(response.moderated_rating)
        if response.moderated_rating
        else None,
        scale=framework.scale,
        files=list(response.files.all()),
        messages=_thread(response),
        actions=list(actions),
    )


def return_layout(*, user, partnership: Partnership, return_record: Return) -> ReturnLayout:
    """The return by standard and criterion, with files, threads and the actions the user may
    see raised from each criterion in this partnership's tracker. The caller has found the
    return through ``returns_visible_to``."""
    framework = framework_of(return_record.cycle.framework)
    responses = {r.criterion: r for r in return_record.responses.prefetch_related("files", THREAD)}
    actions = actions_by_response(user=user, partnership=partnership, responses=responses.values())
    sections = []
    for standard in framework.standards:
        rows = []
        for criterion in standard.criteria:
            response = responses.get(criterion.ref)
            if response is not None:
                rows.append(criterion_row(response, framework, actions=actions.get(response.pk, [])))
        sections.append(StandardSection(standard=standard, rows=rows))
    return ReturnLayout(framework=framework, sections=sections)


def actions_by_response(*, user, partnership: Partnership, responses) -> dict[int, list[Action]]:
    """Actions raised from the responses that the user may see, in this partnership's tracker
    only (another partnership's tracker is not this one's to show). One query."""
    ids = [str(r.pk) for r in responses]
    if not ids:
        return {}
    found: dict[int, list[Action]] = {}
    raised = actions_visible_to(user=user, partnership=partnership).filter(
        source_type=ContentType.objects.get_for_model(Response), source_id__in=ids
    )
    for action in raised.order_by("reference"):
        found.setdefault(int(action.source_id), []).append(action)
    return found


def action_owner_agencies(*, user, partnership: Partnership) -> QuerySet[Agency]:
    """Agencies an action raised from a criterion can be given to in the partnership's tracker:
    every active agency linked to the partnership, a partner agency as well as the lead's own."""
    return partnership_agencies(user=user, partnership=partnership, include_former=True).filter(is_active=True)


def unrated_criteria(return_record: Return) -> list[str]:
    """References of the applicable criteria not yet rated (nor explained as not applying)."""
    return [r.criterion for r in return_record.responses.all() if not r.not_applicable and not r.self_rating]


@dataclass(frozen=True)
class Reopening:
    """One time a moderator gave the return back to the agency, and why."""

    reopened_at: dt.datetime
    reopened_by: User | None
    reason: str


def return_reopenings(*, user, partnership: Partnership, return_record: Return, last: int = 5) -> list[Reopening]:
    """Why the return was given back to the agency, newest first (the ``last`` few). The latest
    reopening is kept on the return itself; the earlier ones are read from its history."""
    if not return_record.reopen_reason:  # a moderator always gives a reason: never reopened
        return []
    if not returns_visible_to(user=user, partnership=partnership).filter(pk=return_record.pk).exists():
        return []
    latest = Reopening(return_record.reopened_at, return_record.reopened_by, return_record.reopen_reason)
    earlier = events_about(target=return_record, verb="section11.return_reopened")[1:last]
    return [latest, *(Reopening(e.occurred_at, e.actor, (e.data or {}).get("reason", "")) for e in earlier)]
