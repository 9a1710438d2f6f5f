"""What Section 11 asks of people, by e-mail with a link straight to the thing
(``assure.notifications.services.notify``): a cycle opened (each agency's leads, to its return),
a criterion challenged (the agency's leads, to the criterion), a challenge answered (the
moderators who asked and the business unit, to the criterion's review) and a return given back
(the agency's leads, to the return). Called inside the services' transactions, so nothing is
sent for a change that does not happen. The e-mails name the cycle, the agency and the
criterion, never what anyone wrote (which stays inside Assure)."""

from django.utils.text import Truncator

from assure.core.navigation import partnership_url
from assure.notifications.services import notify
from assure.partnerships.models import Partnership

from ..framework import framework_of
from ..models import ChallengeMessage, Cycle, Response, Return
from ..selectors.recipients import answer_readers, return_leads


def return_path(partnership: Partnership, return_record: Return) -> str:
    return partnership_url("section11:return_detail", partnership, pk=return_record.pk)


def criterion_path(partnership: Partnership, response: Response) -> str:
    """The return's page at the criterion (its anchor)."""
    return f"{return_path(partnership, response.return_record)}#criterion-{response.criterion}"


def _criterion(response: Response) -> str:
    criterion = framework_of(response.return_record.cycle.framework).criterion(response.criterion)
    return f"{response.criterion} {Truncator(criterion.text).words(12)}" if criterion else response.criterion


def cycle_opened_notify(*, cycle: Cycle) -> None:
    """Ask every agency of a new cycle for its return."""
    returns = list(cycle.returns.select_related("agency", "cycle").prefetch_related("cycle__partnerships"))
    leads = return_leads(returns)
    for return_record in returns:
        for partnership, people in leads[return_record.pk].items():
            notify(
                recipients=people,
                partnership=partnership,
                kind="section11.cycle_opened",
                subject=f"Section 11 self-assessment due by {cycle.deadline:%-d %B %Y}: {cycle.title}",
                body=(
                    f"{partnership.name} asks {return_record.agency} to assess itself against the Section 11 "
                    f"standards in “{cycle.title}”.\n\nThe return opens on {cycle.opens_on:%-d %B %Y} and is due "
                    f"by {cycle.deadline:%-d %B %Y}. Each criterion saves as you go; submit the return when "
                    "every criterion is rated.\n"
                ),
                path=return_path(partnership, return_record),
                target=return_record,
            )


def challenge_raised_notify(*, response: Response) -> None:
    """Ask the agency's leads to answer a moderator's challenge on a criterion."""
    return_record = response.return_record
    for partnership, people in return_leads([return_record]).get(return_record.pk, {}).items():
        notify(
            recipients=people,
            partnership=partnership,
            kind="section11.challenge_raised",
            subject=f"Section 11: a moderator challenged criterion {response.criterion}",
            body=(
                f"A moderator has a question about {return_record.agency}’s answer to criterion "
                f"{_criterion(response)} in “{return_record.cycle.title}”.\n\nRead the question and answer it in "
                "Assure; you can attach a file as evidence with your answer.\n"
            ),
            path=criterion_path(partnership, response),
            target=response,
        )


def challenge_answered_notify(*, partnership: Partnership, response: Response) -> None:
    """Tell the moderators who asked, and the business unit, that the agency has answered."""
    askers = response.messages.filter(kind=ChallengeMessage.Kind.QUESTION).values_list("author_id", flat=True)
    return_record = response.return_record
    notify(
        recipients=answer_readers(partnership=partnership, askers=askers),
        partnership=partnership,
        kind="section11.challenge_answered",
        subject=f"Section 11: {return_record.agency} answered the challenge on criterion {response.criterion}",
        body=(
            f"{return_record.agency} has answered the challenge on criterion {_criterion(response)} in "
            f"“{return_record.cycle.title}”.\n\nReview the answer, then accept the criterion or challenge it again.\n"
        ),
        path=partnership_url("section11:response_moderate", partnership, pk=response.pk),
        target=response,
    )


def return_reopened_notify(*, return_record: Return) -> None:
    """Tell the agency's leads their return was given back to them to change."""
    for partnership, people in return_leads([return_record]).get(return_record.pk, {}).items():
        notify(
            recipients=people,
            partnership=partnership,
            kind="section11.return_reopened",
            subject=f"Section 11: your return for {return_record.cycle.title} was given back to you",
            body=(
                f"A moderator reopened {return_record.agency}’s Section 11 return for “{return_record.cycle.title}”, "
                "so that you can change it. The reason is on the return’s page.\n\nChange what is asked, then submit "
                "the return again.\n"
            ),
            path=return_path(partnership, return_record),
            target=return_record,
        )
