"""Reads for the import pages. Published figures and their publications belong to the whole
installation (every partnership compares with the same DfE files); import jobs belong to the
partnership whose business unit started them."""

from django.db.models import Exists, OuterRef, QuerySet

from assure.accounts.models import Membership

from ..models import ImportJob, Publication


def publications_for(*, user, partnership) -> QuerySet[Publication]:
    """Every publication imported, newest first, with ``imported_here`` telling whether the
    person who imported it is a member of this partnership (only then is their name shown)."""
    members_here = Membership.objects.filter(user=OuterRef("imported_by"), partnership=partnership)
    return (
        Publication.objects.select_related("mapping__document", "imported_by")
        .annotate(imported_here=Exists(members_here))
        .order_by("-imported_at", "-pk")
    )


def import_jobs_for(*, user, partnership) -> QuerySet[ImportJob]:
    """The partnership's import jobs, newest first."""
    return (
        ImportJob.objects.filter(partnership=partnership)
        .select_related("mapping__document", "created_by", "publication")
        .order_by("-created_at", "-pk")
    )
