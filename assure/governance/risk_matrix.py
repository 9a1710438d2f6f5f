"""A risk matrix of the library (kind ``risk-matrix``) as the risk register uses it: the labels of
its likelihood and impact scales, a score's band, and whether a score is above the board's
appetite. Pure: it reads the item's stored data, never the database."""

from dataclasses import dataclass

from assure.library.models import LibraryItem


@dataclass(frozen=True)
class Point:
    score: int
    label: str
    description: str


@dataclass(frozen=True)
class Band:
    code: str
    label: str
    lowest: int
    highest: int
    colour: str
    description: str

    @property
    def tag_class(self) -> str:
        return f"govuk-tag--{self.colour}"


@dataclass(frozen=True)
class RiskMatrix:
    title: str
    likelihood: tuple[Point, ...]
    impact: tuple[Point, ...]
    bands: tuple[Band, ...]
    appetite: int

    def band(self, score: int) -> Band | None:
        """The band holding ``score`` (None for a score the matrix cannot give)."""
        return next((band for band in self.bands if band.lowest <= score <= band.highest), None)

    def score(self, likelihood: int, impact: int) -> int:
        return likelihood * impact

    def level(self, likelihood: int, impact: int) -> Band | None:
        return self.band(self.score(likelihood, impact))

    def above_appetite(self, score: int) -> bool:
        return score > self.appetite

    def likelihood_label(self, score: int) -> str:
        return _label(self.likelihood, score)

    def impact_label(self, score: int) -> str:
        return _label(self.impact, score)

    def scale_problem(self, *, likelihood: int | None, impact: int | None) -> dict[str, str]:
        """What is wrong with a likelihood and an impact on this matrix, by which is wrong."""
        problems = {}
        if likelihood not in {point.score for point in self.likelihood}:
            problems["likelihood"] = f"Choose a likelihood from 1 to {len(self.likelihood)}."
        if impact not in {point.score for point in self.impact}:
            problems["impact"] = f"Choose an impact from 1 to {len(self.impact)}."
        return problems

    @property
    def appetite_band(self) -> Band | None:
        return self.band(self.appetite)


def _label(points: tuple[Point, ...], score: int) -> str:
    return next((point.label for point in points if point.score == score), str(score))


def _points(raw: list[dict]) -> tuple[Point, ...]:
    return tuple(Point(score=p["score"], label=p["label"], description=p.get("description", "")) for p in raw)


def matrix_of(item: LibraryItem) -> RiskMatrix:
    """The matrix an item of kind ``risk-matrix`` describes (its data as the library validated it)."""
    data = item.data
    return RiskMatrix(
        title=item.title,
        likelihood=_points(data["likelihood"]),
        impact=_points(data["impact"]),
        bands=tuple(
            Band(
                code=b["code"],
                label=b["label"],
                lowest=b["lowest"],
                highest=b["highest"],
                colour=b["colour"],
                description=b.get("description", ""),
            )
            for b in data["bands"]
        ),
        appetite=data["appetite"],
    )
