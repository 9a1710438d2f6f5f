"""Reads of what audits found: the findings of an audit, each with the actions it raised and their
progress, and the record it was taken to. Every function takes the requesting user: findings are
read through the audits the person may see (an agency lead's, the audits their agency takes part
in), and the actions through the tracker's own selector (an agency lead's, their agency's)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet

from assure.accounts.models import User
from assure.actions.models import Action, ActionUpdate
from assure.actions.selectors import actions_visible_to
from assure.actions.tables import status_tag
from assure.core.links import linked_url
from assure.partnerships.models import Partnership

from ..models import Audit, Finding
from ..permissions import may_raise_actions_from_findings, may_re_audit, may_record_findings, may_report_audit
from .programme import audits_visible_to


def findings_visible_to(*, user: User, partnership: Partnership) -> QuerySet[Finding]:
    """The findings of the partnership's audits the user may see, in each audit's order."""
    audits = audits_visible_to(user=user, partnership=partnership)
    return (
        Finding.objects.filter(partnership=partnership, audit__in=audits)
        .select_related("audit", "audit__partnership", "case", "partnership", "link_type")
        .order_by("audit", "position", "pk")
    )


@dataclass(frozen=True)
class ActionProgress:
    """An action raised from a finding, and how far it has got."""

    action: Action
    latest: ActionUpdate | None  # the newest progress update or evidence, if any

    @property
    def is_overdue(self) -> bool:
        return self.action.is_overdue

    @property
    def status_tag(self) -> str:
        return status_tag(self.action)


@dataclass
class FindingRow:
    finding: Finding
    actions: list[ActionProgress] = field(default_factory=list)
    link_url: str = ""  # the linked record's page, when the reader may open it

    @property
    def actions_done(self) -> int:
        return sum(1 for a in self.actions if a.action.status == Action.Status.COMPLETED)


def finding_actions(*, user: User, partnership: Partnership, findings: Iterable[Finding]) -> dict[int, list]:
    """The actions each finding raised that the user may see, with their latest update: one query
    for the actions and one for their updates, however many findings."""
    ids = [str(f.pk) for f in findings]
    if not ids:
        return {}
    updates = ActionUpdate.objects.exclude(kind=ActionUpdate.Kind.STATUS).order_by("-recorded_on", "-pk")
    actions = (
        actions_visible_to(user=user, partnership=partnership)
        .filter(source_type=ContentType.objects.get_for_model(Finding), source_id__in=ids)
        .prefetch_related(Prefetch("updates", queryset=updates, to_attr="progress_updates"))
        .order_by("reference")
    )
    grouped: dict[int, list] = defaultdict(list)
    for action in actions:
        latest = action.progress_updates[0] if action.progress_updates else None
        grouped[int(action.source_id)].append(ActionProgress(action=action, latest=latest))
    return grouped


def finding_rows(*, user: User, partnership: Partnership, findings: Iterable[Finding]) -> list[FindingRow]:
    """Each finding with the actions it raised and the address of the record it was taken to."""
    findings = list(findings)
    actions = finding_actions(user=user, partnership=partnership, findings=findings)
    return [
        FindingRow(
            finding=finding,
            actions=actions.get(finding.pk, []),
            link_url=linked_url(
                user=user, partnership=partnership, content_type=finding.link_type, object_id=finding.link_id
            ),
        )
        for finding in findings
    ]


def audit_findings(*, user: User, audit: Audit) -> dict:
    """The context of the audit page's findings part (``audits/findings/_audit_findings.html``):
    its strengths and areas for development in order, each with its actions and their progress,
    and what the person may do with them. The audit page has already found the audit through the
    audits the person may see."""
    partnership = audit.partnership
    findings = findings_visible_to(user=user, partnership=partnership).filter(audit=audit)
    rows = finding_rows(user=user, partnership=partnership, findings=findings)
    visible = audits_visible_to(user=user, partnership=partnership)
    return {
        "audit": audit,
        "finding_rows": rows,
        "strengths": [row for row in rows if row.finding.kind == Finding.Kind.STRENGTH],
        "developments": [row for row in rows if row.finding.kind == Finding.Kind.DEVELOPMENT],
        "may_record_findings": may_record_findings(user=user, audit=audit),
        "may_raise_actions": may_raise_actions_from_findings(user=user, audit=audit),
        # The audit's report to the board, what commissioned it, and its re-audits.
        "source_url": linked_url(
            user=user, partnership=partnership, content_type=audit.source_type, object_id=audit.source_id
        ),
        "may_report": may_report_audit(user=user, audit=audit),
        "may_re_audit": may_re_audit(user=user, audit=audit),
        "re_audits": list(visible.filter(follows=audit).order_by("starts_on", "pk")),
        "follows_visible": audit.follows_id is not None and visible.filter(pk=audit.follows_id).exists(),
    }
