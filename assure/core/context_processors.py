"""What every page's shell needs: the partnership being worked in, the person's other
partnerships (for switching), what they may do here and what their installation roles allow
(to show only the links they can use)."""

from assure.accounts.permissions import PERMISSION_CACHE, installation_permissions_of, permissions_of
from assure.partnerships.selectors import partnerships_of

# Kept on the request: a page rendering a register or a partial renders templates more than once,
# and each asks for the shell; it is worked out again only for another partnership, or when what
# was known of the person's permissions has been forgotten (forget_permissions).
_SHELL = "_assure_shell"


def shell(request) -> dict:
    partnership = getattr(request, "partnership", None)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"current_partnership": None, "perms_here": frozenset(), "installation_perms": frozenset()}
    made = getattr(request, _SHELL, None)
    known = user.__dict__.get(PERMISSION_CACHE)
    if made is not None and made[0] is partnership and made[1] is known is not None:
        return made[2]
    context = {
        "current_partnership": partnership,
        "perms_here": permissions_of(user=user, partnership=partnership) if partnership else frozenset(),
        "installation_perms": installation_permissions_of(user=user),
        "my_partnerships": partnerships_of(user=user),
    }
    setattr(request, _SHELL, (partnership, user.__dict__.get(PERMISSION_CACHE), context))
    return context
