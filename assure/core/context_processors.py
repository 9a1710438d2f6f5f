"""What every page's shell needs: the partnership being worked in, the person's other
partnerships (for switching) and what they may do here (to show only the links they can use)."""

from assure.accounts.permissions import permissions_of
from assure.partnerships.selectors import partnerships_of


def shell(request) -> dict:
    partnership = getattr(request, "partnership", None)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"current_partnership": None, "perms_here": frozenset()}
    return {
        "current_partnership": partnership,
        "perms_here": permissions_of(user=user, partnership=partnership) if partnership else frozenset(),
        "my_partnerships": partnerships_of(user=user),
    }
