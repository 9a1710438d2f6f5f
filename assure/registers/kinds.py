"""The register kinds a partnership keeps: the library's ``register-kind`` items Assure ships and
the partnership's own (a kind of the partnership's with the same code replaces Assure's). Every
part of the app reads a kind through here, as a validated ``RegisterKindItem`` beside the library
item (the version an entry or an upload records)."""

from dataclasses import dataclass

from assure.library.models import LibraryItem
from assure.library.schemas import SHIPPED_PROVIDER
from assure.library.schemas_registers import RegisterField, RegisterKindItem
from assure.library.selectors import current_items

KIND = "register-kind"


@dataclass(frozen=True)
class RegisterKind:
    item: LibraryItem
    spec: RegisterKindItem

    @property
    def code(self) -> str:
        return self.spec.code

    @property
    def title(self) -> str:
        return self.spec.title

    def field(self, code: str) -> RegisterField | None:
        return next((field for field in self.spec.fields if field.code == code), None)


def kind_of(item: LibraryItem) -> RegisterKind:
    """The kind of a library item (any version: an entry's own)."""
    return RegisterKind(item=item, spec=RegisterKindItem.model_validate(item.data))


def kinds_for(partnership) -> list[RegisterKind]:
    """The partnership's register kinds, in library order: its own, and Assure's it has not
    replaced."""
    items = list(
        current_items(kind=KIND)
        .filter(document__provider__in=(SHIPPED_PROVIDER, partnership.slug))
        .select_related("document")
    )
    own = {item.code for item in items if item.document.provider == partnership.slug}
    return [kind_of(item) for item in items if item.document.provider == partnership.slug or item.code not in own]


def kind_for(partnership, code: str) -> RegisterKind | None:
    """The partnership's current kind of that code, or None."""
    return next((kind for kind in kinds_for(partnership) if kind.code == code), None)
