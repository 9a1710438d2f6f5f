"""Reading a framework version of the library: its standards and criteria, which criteria apply
to an agency, and the rating scales it is scored on. A cycle keeps the framework item of the
version it opened with, so everything here reads that item, never the newest version."""

from dataclasses import dataclass
from functools import cached_property

from assure.library.models import LibraryItem
from assure.library.selectors import current_items


@dataclass(frozen=True)
class Level:
    code: str
    label: str
    description: str
    score: int | None
    colour: str | None
    compliant: bool


@dataclass(frozen=True)
class Scale:
    code: str
    title: str
    levels: tuple[Level, ...]

    def level(self, code: str) -> Level | None:
        return next((level for level in self.levels if level.code == code), None)

    def choices(self) -> list[tuple[str, str]]:
        return [(level.code, level.label) for level in self.levels]

    @classmethod
    def of(cls, item: LibraryItem) -> "Scale":
        return cls(
            code=item.code,
            title=item.title,
            levels=tuple(
                Level(
                    code=level["code"],
                    label=level["label"],
                    description=level.get("description", ""),
                    score=level.get("score"),
                    colour=level.get("colour"),
                    compliant=bool(level.get("compliant")),
                )
                for level in item.data["levels"]
            ),
        )


@dataclass(frozen=True)
class Criterion:
    ref: str
    text: str
    guidance: str
    evidence: str
    applies_to: tuple[str, ...]
    standard_number: int

    def applies(self, agency_type_code: str) -> bool:
        return not self.applies_to or agency_type_code in self.applies_to


@dataclass(frozen=True)
class Standard:
    number: int
    title: str
    description: str
    criteria: tuple[Criterion, ...]


class Framework:
    """A framework item of the library, read."""

    def __init__(self, item: LibraryItem):
        self.item = item
        self.code = item.code
        self.title = item.title
        self.version = item.document.version
        self.description = item.data.get("description", "")
        self.applies_to = tuple(item.data.get("applies_to", []))
        self.standards = tuple(
            Standard(
                number=s["number"],
                title=s["title"],
                description=s.get("description", ""),
                criteria=tuple(
                    Criterion(
                        ref=c["ref"],
                        text=c["text"],
                        guidance=c.get("guidance", ""),
                        evidence=c.get("evidence", ""),
                        applies_to=tuple(c.get("applies_to", [])),
                        standard_number=s["number"],
                    )
                    for c in s["criteria"]
                ),
            )
            for s in item.data["standards"]
        )

    @property
    def criteria(self) -> list[Criterion]:
        return [c for s in self.standards for c in s.criteria]

    @cached_property
    def _criteria_by_ref(self) -> dict[str, Criterion]:
        by_ref: dict[str, Criterion] = {}
        for c in self.criteria:
            by_ref.setdefault(c.ref, c)
        return by_ref

    def criterion(self, ref: str) -> Criterion | None:
        # Looked up once per response scored: thousands of times on a cycle's analysis.
        return self._criteria_by_ref.get(ref)

    def answered_by(self, agency_type_code: str) -> bool:
        """Whether an agency of this type answers the framework at all."""
        return not self.applies_to or agency_type_code in self.applies_to

    def applicable(self, agency_type_code: str) -> list[Criterion]:
        return [c for c in self.criteria if c.applies(agency_type_code)]

    @cached_property
    def _rating_scales(self) -> dict[str, LibraryItem]:
        # Every current rating scale, read at once: a paired scale and its pair then cost one
        # look-up, not one each. The first of a code is the one current_item would find.
        scales: dict[str, LibraryItem] = {}
        for item in current_items(kind="rating-scale"):
            scales.setdefault(item.code, item)
        return scales

    def _rating_scale(self, code: str) -> LibraryItem:
        item = self._rating_scales.get(code)
        if item is None:  # the loader refuses a framework naming an unknown scale; this is a guard
            raise LookupError(f"there is no rating scale {code!r} in the library")
        return item

    @cached_property
    def scale(self) -> Scale:
        """The scale the agency rates on (the self score, for a paired scale)."""
        return Scale.of(self._rating_scale(self.item.data["scale"]))

    @cached_property
    def moderated_scale(self) -> Scale:
        """The scale a moderator rates on: the pair of the self scale where it has one, else the same."""
        paired = self._rating_scale(self.item.data["scale"]).data.get("paired_with")
        return Scale.of(self._rating_scale(paired)) if paired else self.scale


def framework_of(item: LibraryItem) -> Framework:
    """The framework ``item`` holds, read once per item instance: a page and the services it
    calls, handed the same cycle, share one reading and so look its scales up once. The reading
    lasts as long as the instance (a request's, or a task's)."""
    framework = getattr(item, "_section11_framework", None)
    if framework is None:
        framework = item._section11_framework = Framework(item)
    return framework
