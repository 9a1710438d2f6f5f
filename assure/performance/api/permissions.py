"""Who may use the API. Denial is by default (REST_FRAMEWORK's DEFAULT_PERMISSION_CLASSES is
DenyAll); each endpoint names the Assure permission it needs in the partnership of its URL."""

from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission

from assure.accounts.permissions import has_permission
from assure.partnerships.selectors import partnership_for_member


class DenyAll(BasePermission):
    """The default for any API view that does not say who may use it: nobody."""

    def has_permission(self, request, view) -> bool:
        return False


class PartnershipPermission(BasePermission):
    """A member of the URL's partnership whose roles grant ``permission`` there.

    Answers as Assure's pages do: 404 to someone who is not a member (the partnership's existence
    is not confirmed), 403 to a member without the permission, 401 to a request without valid
    credentials. Sets ``view.partnership`` for the view."""

    permission = ""

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not user or not user.is_authenticated:
            return False
        partnership = partnership_for_member(user=user, slug=view.kwargs.get("partnership", ""))
        if partnership is None:
            raise NotFound
        if not has_permission(user=user, permission=self.permission, partnership=partnership):
            return False
        view.partnership = partnership
        return True


class PerformanceView(PartnershipPermission):
    permission = "performance.view"
