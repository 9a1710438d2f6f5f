"""Reads of the library. Reference content is shared by every partnership of an installation and
holds nothing personal, so these reads need no user; records that use an item keep a foreign key
to the exact version they used."""

from contextvars import ContextVar
from dataclasses import dataclass

from django.core.signals import request_finished, request_started
from django.db.models import Max, QuerySet

from .models import LibraryDocument, LibraryItem


def current_documents(*, kind: str | None = None) -> QuerySet[LibraryDocument]:
    """The newest version of each document (optionally of one kind)."""
    newest = LibraryDocument.objects.values("urn").annotate(v=Max("version"))
    if kind:
        newest = newest.filter(kind=kind)
    pairs = {(row["urn"], row["v"]) for row in newest}
    ids = [d.pk for d in LibraryDocument.objects.filter(urn__in={u for u, _ in pairs}) if (d.urn, d.version) in pairs]
    return LibraryDocument.objects.filter(pk__in=ids).order_by("kind", "title")


def current_items(*, kind: str) -> QuerySet[LibraryItem]:
    """The items of the newest version of every document of a kind, in document order."""
    return (
        LibraryItem.objects.filter(document__in=current_documents(kind=kind))
        .select_related("document")
        .order_by("document__title", "position")
    )


def current_item(*, kind: str, code: str) -> LibraryItem | None:
    return current_items(kind=kind).filter(code=code).first()


@dataclass(frozen=True)
class RoleDefinition:
    code: str
    title: str
    description: str
    mfa_required: bool
    agency_scoped: bool
    restricted_areas: frozenset[str]
    permissions: frozenset[str]
    scope: str = "partnership"


_role_cache: dict[int, dict[str, RoleDefinition]] = {}

# Which roles document is the newest, asked once per request: every page checks permissions
# several times (the view's access, the shell, the menu, the MFA rule), and all of them should
# answer from the same roles. Outside a request (commands, tasks) it is asked every time.
_NOT_ASKED = object()
_newest_role_document: ContextVar[dict | None] = ContextVar("assure_newest_role_document", default=None)


def _request_started(**kwargs) -> None:
    _newest_role_document.set({})


def _request_finished(**kwargs) -> None:
    _newest_role_document.set(None)


request_started.connect(_request_started, dispatch_uid="assure.library.roles.request_started")
request_finished.connect(_request_finished, dispatch_uid="assure.library.roles.request_finished")


def _newest_role_document_pk() -> int | None:
    asked = _newest_role_document.get()
    newest = asked.get("pk", _NOT_ASKED) if asked is not None else _NOT_ASKED
    if newest is _NOT_ASKED:
        newest = (
            LibraryDocument.objects.filter(kind="role")
            .order_by("-loaded_at", "-pk")
            .values_list("pk", flat=True)
            .first()
        )
        if asked is not None:
            asked["pk"] = newest
    return newest


def role_definitions() -> dict[str, RoleDefinition]:
    """Role code → definition, from the newest roles document. Cached per loaded version, so a
    newly loaded roles document takes effect from the next request (at once outside one)."""
    newest = _newest_role_document_pk()
    if newest is None:
        return {}
    if newest not in _role_cache:
        _role_cache.clear()
        _role_cache[newest] = {
            item.code: RoleDefinition(
                code=item.code,
                title=item.title,
                description=item.data["description"],
                mfa_required=item.data["mfa_required"],
                agency_scoped=item.data["agency_scoped"],
                restricted_areas=frozenset(item.data.get("restricted_areas", [])),
                permissions=frozenset(item.data["permissions"]),
                scope=item.data.get("scope", "partnership"),
            )
            for item in current_items(kind="role")
        }
    return _role_cache[newest]
