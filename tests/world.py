"""Records of every kind in a partnership, enough to fill in every URL of the project; shared
by the permission matrix and the accessibility sweep."""

from types import SimpleNamespace

from django.urls import reverse

from assure.accounts.tests.factories import MembershipFactory, RestrictedGrantFactory
from assure.actions.tests.factories import ActionFactory, ActionUpdateFactory
from assure.partnerships.tests.factories import (
    AttendanceFactory,
    ConfidentialMinuteFactory,
    ContributionFactory,
    ExpenditureFactory,
    MeetingFactory,
    SubgroupFactory,
)
from assure.performance.tests.factories import (
    ExceptionItemFactory,
    ExceptionReportFactory,
    ImportJobFactory,
    LocalImportFactory,
    PriorityFactory,
    ScorecardLineFactory,
    indicator,
    return_with,
)
from tests.world_actions import ACTIONS_SAMPLES, actions_records
from tests.world_audits import AUDITS_SAMPLES, audits_records
from tests.world_cdop import CDOP_SAMPLES, cdop_records
from tests.world_engagement import ENGAGEMENT_SAMPLES, engagement_records
from tests.world_governance import GOVERNANCE_SAMPLES, governance_records
from tests.world_lado import LADO_SAMPLES, lado_records
from tests.world_plans import PLANS_SAMPLES, plans_records
from tests.world_questionnaires import QUESTIONNAIRES_SAMPLES, questionnaires_records
from tests.world_registers import REGISTERS_SAMPLES, registers_records
from tests.world_reports import REPORTS_SAMPLES, report_records
from tests.world_reviews import REVIEWS_SAMPLES, reviews_records
from tests.world_section11 import SECTION11_SAMPLES, section11_records
from tests.world_training import TRAINING_SAMPLES, training_records


class Side(SimpleNamespace):
    """One partnership's records, enough to fill in every URL of the project: each app's world
    module (``tests/world_<app>.py``) gives some of them, by name."""


def build_side(partnership, agency, recorder) -> Side:
    subgroup = SubgroupFactory(partnership=partnership)
    meeting = MeetingFactory(partnership=partnership)
    AttendanceFactory(meeting=meeting, agency=agency)
    member = MembershipFactory(partnership=partnership, role="auditor")
    action = ActionFactory(partnership=partnership, owner_agency=agency, created_by=recorder)
    return Side(
        partnership=partnership,
        agency=agency,
        subgroup=subgroup,
        meeting=meeting,
        minute=ConfidentialMinuteFactory(meeting=meeting, recorded_by=recorder),
        contribution=ContributionFactory(partnership=partnership, agency=agency),
        expenditure=ExpenditureFactory(partnership=partnership),
        membership=member,
        grant=RestrictedGrantFactory(user=member.user, partnership=partnership, area="case-review"),
        action=action,
        update=ActionUpdateFactory(action=action, author=recorder),
        **_performance_records(partnership, agency, recorder),
        **section11_records(partnership, agency, recorder),
        **report_records(partnership, agency, recorder),
        **actions_records(partnership, agency, recorder),
        **governance_records(partnership, agency, recorder),
        **plans_records(partnership, agency, recorder),
        **audits_records(partnership, agency, recorder),
        **reviews_records(partnership, agency, recorder),
        **cdop_records(partnership, agency, recorder),
        **lado_records(partnership, agency, recorder),
        **training_records(partnership, agency, recorder),
        **registers_records(partnership, agency, recorder),
        **engagement_records(partnership, agency, recorder),
        **questionnaires_records(partnership, agency, recorder),
    )


def _performance_records(partnership, agency, recorder) -> dict:
    referrals = indicator("csc-referrals")
    priority = PriorityFactory(partnership=partnership)
    report = ExceptionReportFactory(partnership=partnership, created_by=recorder)
    return {
        "priority": priority,
        "line": ScorecardLineFactory(priority=priority, indicator=referrals, owner_agency=agency),
        "data_return": return_with(partnership=partnership, agency=agency, indicators=[referrals]),
        "exception_report": report,
        "exception_item": ExceptionItemFactory(report=report, indicator=referrals, owner_agency=agency),
        "import_job": ImportJobFactory(partnership=None, created_by=recorder),
        "local_import": LocalImportFactory(partnership=partnership, created_by=recorder),
    }


# How to fill in each URL's arguments from a side. Every URL with arguments other than the
# partnership's slug must be listed, or the matrix fails.
SAMPLES = {
    # The operator's invitation page names any partnership of the installation by its slug.
    "installation_partnerships:invite": lambda s: {"slug": s.partnership.slug},
    "partnerships:agency_detail": lambda s: {"pk": s.agency.pk},
    "partnerships:agency_edit": lambda s: {"pk": s.agency.pk},
    "partnerships:agency_remove": lambda s: {"pk": s.agency.pk},
    "partnerships:subgroup_detail": lambda s: {"pk": s.subgroup.pk},
    "partnerships:subgroup_edit": lambda s: {"pk": s.subgroup.pk},
    "partnerships:meeting_detail": lambda s: {"pk": s.meeting.pk},
    "partnerships:meeting_edit": lambda s: {"pk": s.meeting.pk},
    "partnerships:meeting_attendance": lambda s: {"pk": s.meeting.pk},
    "partnerships:confidential_minute_create": lambda s: {"pk": s.meeting.pk},
    "partnerships:confidential_minute_detail": lambda s: {"pk": s.minute.pk},
    "partnerships:contribution_edit": lambda s: {"pk": s.contribution.pk},
    "partnerships:contribution_delete": lambda s: {"pk": s.contribution.pk},
    "partnerships:expenditure_edit": lambda s: {"pk": s.expenditure.pk},
    "partnerships:expenditure_delete": lambda s: {"pk": s.expenditure.pk},
    "accounts:member_detail": lambda s: {"pk": s.membership.pk},
    "accounts:member_role": lambda s: {"pk": s.membership.pk},
    "accounts:member_end": lambda s: {"pk": s.membership.pk},
    "accounts:grant_add": lambda s: {"pk": s.membership.pk},
    "accounts:grant_revoke": lambda s: {"pk": s.grant.pk},
    "actions:detail": lambda s: {"pk": s.action.pk},
    "actions:edit": lambda s: {"pk": s.action.pk},
    "actions:status": lambda s: {"pk": s.action.pk},
    "actions:update_add": lambda s: {"pk": s.action.pk},
    "performance:line_edit": lambda s: {"pk": s.line.pk},
    "performance:line_delete": lambda s: {"pk": s.line.pk},
    "performance:round_detail": lambda s: {"pk": s.data_return.round_id},
    "performance:round_assign": lambda s: {"pk": s.data_return.round_id},
    "performance:round_assign_bulk": lambda s: {"pk": s.data_return.round_id},
    "performance:return_detail": lambda s: {"pk": s.data_return.pk},
    "performance:return_edit": lambda s: {"pk": s.data_return.pk},
    "performance:return_template": lambda s: {"pk": s.data_return.pk},
    "performance:return_upload": lambda s: {"pk": s.data_return.pk},
    "performance:return_submit": lambda s: {"pk": s.data_return.pk},
    "performance:return_validate": lambda s: {"pk": s.data_return.pk},
    "performance:return_send_back": lambda s: {"pk": s.data_return.pk},
    "performance:return_remind": lambda s: {"pk": s.data_return.pk},
    # An indicator is the same in every partnership: its page is addressed by code.
    "performance:indicator": lambda s: {"code": "csc-referrals"},
    "performance:exception_detail": lambda s: {"pk": s.exception_report.pk},
    "performance:exception_comment": lambda s: {"pk": s.exception_item.pk},
    "performance:exception_action": lambda s: {"pk": s.exception_item.pk},
    # The installation's import jobs (its operator's): no partnership in the address.
    "statistics:job": lambda s: {"pk": s.import_job.pk},
    "performance:local_import_job": lambda s: {"pk": s.local_import.pk},
    "account_reset_password_from_key": lambda s: {"uidb36": "1", "key": "not-a-real-key"},
    **SECTION11_SAMPLES,
    **ACTIONS_SAMPLES,
    **REPORTS_SAMPLES,
    **GOVERNANCE_SAMPLES,
    **PLANS_SAMPLES,
    **AUDITS_SAMPLES,
    **REVIEWS_SAMPLES,
    **CDOP_SAMPLES,
    **LADO_SAMPLES,
    **TRAINING_SAMPLES,
    **REGISTERS_SAMPLES,
    **ENGAGEMENT_SAMPLES,
    **QUESTIONNAIRES_SAMPLES,
    "reports:preview": lambda s: {"pk": s.report.pk},
    "reports:outputs": lambda s: {"pk": s.report.pk},
    "reports:rendering_request": lambda s: {"pk": s.report.pk},
    "reports:rendering": lambda s: {"pk": s.report_rendering.pk},
    "reports:rendering_download": lambda s: {"pk": s.report_rendering.pk},
    "reports:block_add": lambda s: {"pk": s.report_section.pk},
    "reports:block_remove": lambda s: {"pk": s.report_block.pk},
    "reports:block_move": lambda s: {"pk": s.report_block.pk},
}


def url_for(route, side: Side, slug: str) -> str:
    """The route's address for one side's records, in the partnership named by ``slug``."""
    kwargs = dict(SAMPLES[route.name](side)) if route.name in SAMPLES else {}
    if "partnership" in route.kwargs:
        kwargs["partnership"] = slug
    return reverse(route.name, kwargs=kwargs)
