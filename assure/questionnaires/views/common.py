"""What the questionnaire engine's own pages share: their breadcrumbs."""

from assure.core.navigation import Crumb, crumbs, partnership_url
from assure.partnerships.models import Partnership


def questionnaires_crumbs(partnership: Partnership, *trail: Crumb) -> list[Crumb]:
    """Breadcrumbs through the list of questionnaires, followed by ``trail``."""
    return crumbs(partnership, ("Questionnaires", partnership_url("questionnaires:list", partnership)), *trail)
