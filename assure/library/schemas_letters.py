"""The ``letter-template`` kind: the words of a letter Assure writes for a partnership, with
``{placeholders}`` filled in when the letter is made (the decision letter to someone who referred
a case for consideration). A letter is plain text: its placeholders are filled with
``str.format_map`` from plain text, never HTML, and a record keeps the version it was made from.

The loader refuses a subject or body that uses a placeholder the item does not list, or a
placeholder written wrongly (a format spec, an attribute, an index), naming each.
"""

import re
import string

from pydantic import Field, model_validator

from .schemas import Item, Provenance

PLACEHOLDER = r"^[a-z][a-z0-9_]*$"


def placeholders_used(text: str) -> list[str]:
    """The placeholders ``text`` uses, in order of first use (raises ValueError for braces that
    do not pair)."""
    found: list[str] = []
    for _, name, _, _ in string.Formatter().parse(text):
        if name is not None and name not in found:
            found.append(name)
    return found


class LetterTemplateItem(Item):
    description: str
    subject: str = Field(min_length=1, max_length=200)
    body: str = Field(min_length=1)
    placeholders: list[str] = Field(
        default_factory=list,
        description="The placeholders the subject and body may use, e.g. reference, decision, reasons.",
    )
    provenance: Provenance | None = None

    @model_validator(mode="after")
    def _placeholders_known(self) -> "LetterTemplateItem":
        problems: list[str] = []
        allowed = set(self.placeholders)
        for name in self.placeholders:
            if not _plain_name(name):
                problems.append(f"placeholder {name!r}: use lower-case letters, figures and underscores")
        for field in ("subject", "body"):
            text = getattr(self, field)
            try:
                used = placeholders_used(text)
            except ValueError as error:
                problems.append(f"{field}: {error} (write a brace as {{{{ or }}}})")
                continue
            for name, spec, conversion in _fields(text):
                if spec or conversion:
                    problems.append(f"{field}: placeholder {{{name}}} has a format or conversion; write it plainly")
            unknown = [name for name in used if name not in allowed]
            if unknown:
                problems.append(
                    f"{field} uses placeholders not listed in placeholders: "
                    + ", ".join(f"{{{name}}}" for name in unknown)
                    + (f" (listed: {', '.join(sorted(allowed))})" if allowed else " (none listed)")
                )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def render(self, values: dict[str, str]) -> tuple[str, str]:
        """The letter's subject and body with every placeholder filled from ``values`` (plain
        text); a placeholder without a value is left empty."""
        filled = {name: str(values.get(name, "")) for name in self.placeholders}
        return self.subject.format_map(filled), self.body.format_map(filled)


def _plain_name(name: str) -> bool:
    return bool(re.match(PLACEHOLDER, name))


def _fields(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (name, spec or "", conversion)
        for _, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    ]
