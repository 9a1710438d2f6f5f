"""Audits' records other parts of Assure may point at (``assure/core/links.py``): an audit (what a
challenge is about, a meeting's paper, evidence of a plan's review) and a finding (what a challenge
is about, evidence of a review). Registered from ``registrations.findings``. Both are found through
the audits the person may see, given the user, so nobody links an audit they may not read."""

from assure.core.links import LinkableKind, register_linkable


def audit_label(audit) -> str:
    return f"Audit {audit.reference}: {audit.title}"[:200]


def finding_label(finding) -> str:
    return f"Audit {finding.audit.reference}, {finding.get_kind_display().lower()}: {finding.theme}"[:200]


def audit_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The partnership's audits the user may read, newest first, cancelled ones left out."""
    from .models import Audit
    from .selectors.programme import audits_visible_to

    audits = (
        audits_visible_to(user=user, partnership=partnership)
        .exclude(status=Audit.Status.CANCELLED)
        .order_by("-starts_on", "-pk")
    )
    return [(str(a.pk), f"{audit_label(a)} ({a.get_status_display().lower()})") for a in audits]


def audit_find(*, user, partnership, pk):
    """The audit ``pk`` when the user may read it in the partnership, else None."""
    from .selectors.programme import audits_visible_to

    if not str(pk).isdigit():
        return None
    return audits_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()


def finding_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The findings of the audits the user may read, the newest audit first, in its order."""
    from .selectors.findings import findings_visible_to

    findings = findings_visible_to(user=user, partnership=partnership).order_by(
        "-audit__starts_on", "-audit_id", "position", "pk"
    )
    return [(str(f.pk), finding_label(f)) for f in findings]


def finding_find(*, user, partnership, pk):
    """The finding ``pk`` when the user may read its audit in the partnership, else None."""
    from .selectors.findings import findings_visible_to

    if not str(pk).isdigit():
        return None
    return findings_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()


def register_links() -> None:
    register_linkable(
        LinkableKind(
            key="audits.audit",
            label="Audit",
            model="audits.audit",
            choices=audit_choices,
            find=audit_find,
            url=lambda audit: audit.get_absolute_url(),
            uses=frozenset({"challenge", "paper", "evidence"}),
            describe=audit_label,
        ),
        LinkableKind(
            key="audits.finding",
            label="Audit finding",
            model="audits.finding",
            choices=finding_choices,
            find=finding_find,
            url=lambda finding: finding.get_absolute_url(),
            uses=frozenset({"challenge", "evidence"}),
            describe=finding_label,
        ),
    )
