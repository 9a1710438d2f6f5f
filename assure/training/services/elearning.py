"""E-learning completions imported from the e-learning platform's export. A completion is
counted once: the same learner (by the digest of the platform's identifier), module and day is
skipped when it is already held. Nothing is written unless every row of the file is good."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assure.audit.services import event_record
from assure.core.computations import records_changed
from assure.partnerships.years import financial_year_of

from ..imports import CompletionRow
from ..models import Course, ElearningCompletion
from ..permissions import ensure_can_manage
from ..selectors.elearning import elearning_courses
from ..selectors.returns import current_agencies


@dataclass(frozen=True)
class Matched:
    """A completion ready to be written: its row matched to a module and, when the organisation
    is one of the partnership's agencies by name, to that agency."""

    line: int
    learner: str
    course_id: int
    agency_id: int | None
    organisation: str
    completed_on: str  # ISO date, so a preview can be kept in the session

    @property
    def key(self) -> tuple:
        return (self.course_id, self.learner, self.completed_on)


@dataclass(frozen=True)
class Preview:
    to_add: list[Matched]
    already: int
    unmatched_organisations: list[str]


def completions_match(*, actor, partnership, rows: list[CompletionRow]) -> Preview:
    """Match the file's rows to the partnership's e-learning modules (by title, case ignored) and
    agencies (by name, case ignored; otherwise the organisation is kept as written), and count
    those already held. ValidationError naming every row whose module is unknown."""
    ensure_can_manage(user=actor, partnership=partnership)
    courses = {c.title.strip().lower(): c for c in elearning_courses(user=actor, partnership=partnership)}
    if not courses:
        raise ValidationError(
            {"upload": "Add the e-learning module to the catalogue before importing its completions."}
        )
    agencies = {a.name.strip().lower(): a for a in current_agencies(partnership)}
    problems, matched = [], []
    for row in rows:
        course = courses.get(row.course.strip().lower())
        if course is None:
            problems.append(
                f"Line {row.line}: “{row.course[:80]}” is not an e-learning module of the catalogue "
                f"({', '.join(sorted(c.title for c in courses.values()))})"
            )
            continue
        agency = agencies.get(row.organisation.strip().lower())
        matched.append(
            Matched(
                line=row.line,
                learner=row.learner,
                course_id=course.pk,
                agency_id=agency.pk if agency else None,
                organisation="" if agency else row.organisation,
                completed_on=row.completed_on.isoformat(),
            )
        )
    if problems:
        raise ValidationError({"upload": problems})
    held = set(
        ElearningCompletion.objects.filter(
            partnership=partnership,
            course_id__in={m.course_id for m in matched},
            learner__in={m.learner for m in matched},
        ).values_list("course_id", "learner", "completed_on")
    )
    held = {(c, learner, day.isoformat()) for c, learner, day in held}
    to_add = [m for m in matched if m.key not in held]
    unmatched = sorted({m.organisation for m in matched if m.organisation})
    return Preview(to_add=to_add, already=len(matched) - len(to_add), unmatched_organisations=unmatched)


@transaction.atomic
def completions_import(*, actor, partnership, to_add: list[Matched]) -> int:
    """Write the completions matched by ``completions_match``, skipping any held by now; the
    number written. One import shares one time, by which the list of imports groups it."""
    ensure_can_manage(user=actor, partnership=partnership)
    allowed = set(
        Course.objects.filter(partnership=partnership, delivery=Course.Delivery.ELEARNING).values_list("pk", flat=True)
    )
    agencies = set(current_agencies(partnership).values_list("pk", flat=True))
    if any(m.course_id not in allowed or (m.agency_id and m.agency_id not in agencies) for m in to_add):
        raise ValidationError("The import no longer matches the catalogue: upload the file again.")
    now = timezone.now()
    records = [
        ElearningCompletion(
            partnership=partnership,
            course_id=m.course_id,
            learner=m.learner,
            agency_id=m.agency_id,
            organisation=m.organisation,
            completed_on=m.completed_on,
            imported_at=now,
            imported_by=actor,
        )
        for m in to_add
    ]
    written = ElearningCompletion.objects.bulk_create(records, ignore_conflicts=True)
    count = ElearningCompletion.objects.filter(partnership=partnership, imported_at=now).count()
    event_record(
        actor=actor,
        verb="training.elearning_imported",
        target=partnership,
        partnership=partnership,
        summary=f"E-learning completions imported: {count}",
        data={"completions": count, "rows": len(written)},
    )
    years = sorted({financial_year_of(dt.date.fromisoformat(m.completed_on)) for m in to_add})
    records_changed("training", partnership_ids=[partnership.pk], years=years)
    return count
