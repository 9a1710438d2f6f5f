"""Reads for the import pages. Published figures and their publications belong to the whole
installation (every partnership compares with the same DfE files), and so do the import jobs of
its operator. A partnership's own figures, imported from its files, are its alone: only its
members see them."""

from collections.abc import Iterable

from django.db.models import QuerySet

from assure.accounts.permissions import can_import_published, has_permission

from ..models import ImportJob, Indicator, LocalImport, Observation, Period, Publication
from ..permissions import can_manage_performance, can_view_performance


def publications_for(*, user, partnership) -> QuerySet[Publication]:
    """Every publication imported, newest first, for a member of the partnership who may manage
    its figures. Each names the operator who imported it and when, and the figures it corrected:
    a change to a published figure changes it for every partnership, so every one sees who made it."""
    if not has_permission(user=user, permission="performance.manage", partnership=partnership):
        return Publication.objects.none()
    return installation_publications()


def installation_publications() -> QuerySet[Publication]:
    """Every publication imported, newest first. Shared by every partnership, so it needs no user:
    the callers above check theirs."""
    return Publication.objects.select_related("mapping__document", "imported_by").order_by("-imported_at", "-pk")


def publications_for_operator(*, user) -> QuerySet[Publication]:
    """Every publication imported, for the installation's operator."""
    if not can_import_published(user=user):
        return Publication.objects.none()
    return installation_publications()


def import_jobs_for(*, user) -> QuerySet[ImportJob]:
    """Every import job of the installation, newest first, for its operator."""
    if not can_import_published(user=user):
        return ImportJob.objects.none()
    return ImportJob.objects.select_related("mapping__document", "created_by", "publication").order_by(
        "-created_at", "-pk"
    )


def local_imports_for(*, user, partnership) -> QuerySet[LocalImport]:
    """The partnership's imports of its own figures, newest first, for a member who may manage its
    figures (its business unit); empty for anyone else."""
    if not can_manage_performance(user=user, partnership=partnership):
        return LocalImport.objects.none()
    return LocalImport.objects.filter(partnership=partnership).select_related("created_by", "partnership")


def local_observations_for(
    *, user, partnership, indicators: Iterable[Indicator], periods: Iterable[Period] | None = None
) -> QuerySet[Observation]:
    """The partnership's own imported figures of the indicators (in the periods, when given), for
    a member who may see its performance; empty for anyone else."""
    if not can_view_performance(user=user, partnership=partnership):
        return Observation.objects.none()
    rows = Observation.objects.filter(
        source=Observation.Source.LOCAL_IMPORT, partnership=partnership, indicator__in=list(indicators)
    )
    if periods is not None:
        rows = rows.filter(period__in=list(periods))
    return rows
