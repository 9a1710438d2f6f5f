"""Action records of one side of the permission matrix beyond the side's own action: a second
action of the side's agency whose cancellation its lead has proposed, waiting for the business
unit's decision (the side's own action has none, so its lead may propose cancelling it)."""

from assure.actions.tests.factories import ActionFactory, CancellationProposalFactory

ACTIONS_SAMPLES = {
    "actions:cancel": lambda s: {"pk": s.action.pk},
    "actions:cancellation_propose": lambda s: {"pk": s.action.pk},
    "actions:cancellation_decide": lambda s: {"pk": s.action_proposal.action_id},
    "actions:remind": lambda s: {"pk": s.action.pk},
}


def actions_records(partnership, agency, recorder) -> dict:
    proposed = ActionFactory(
        partnership=partnership, owner_agency=agency, created_by=recorder, title="Review the neglect strategy"
    )
    return {"action_proposal": CancellationProposalFactory(action=proposed, proposed_by=recorder)}
