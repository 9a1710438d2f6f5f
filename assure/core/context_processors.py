"""What every page's shell needs: the partnership being worked in, the person's other
partnerships (for switching), what they may do here and what their installation roles allow
(to show only the links they can use)."""

from assure.accounts.permissions import installation_permissions_of, permissions_of
from assure.partnerships.selectors import partnerships_of


def shell(request) -> dict:
    partnership = getattr(request, "partnership", None)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"current_partnership": None, "perms_here": frozenset(), "installation_perms": frozenset()}
    return {
        "current_partnership": partnership,
        "perms_here": permissions_of(user=user, partnership=partnership) if partnership else frozenset(),
        "installation_perms": installation_permissions_of(user=user),
        "my_partnerships": partnerships_of(user=user),
    }
