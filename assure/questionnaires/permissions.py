"""Who may do what with the questionnaire engine's own pages. Answering a questionnaire and
seeing its results are the using app's decisions (a case-file audit's, a conference's): its own
predicates guard them. Predicates follow docs/architecture.md section 2."""

from django.core.exceptions import PermissionDenied

from assure.accounts.permissions import has_permission


def can_check_questionnaires(*, user, partnership) -> bool:
    """True when the user may read the library's questionnaires in outline and check a
    questionnaire file before it is added: the business unit."""
    return has_permission(user=user, permission="questionnaires.check", partnership=partnership)


def ensure_can_check_questionnaires(*, user, partnership) -> None:
    if not can_check_questionnaires(user=user, partnership=partnership):
        raise PermissionDenied("You cannot check questionnaires in this partnership.")
