"""Every URL of Assure. Partnership pages live under /p/<partnership>/ so the partnership being
worked in is always explicit. The Django admin is not mounted: all management happens in the
application, through services that record who did what."""

from allauth.account import views as account_views
from allauth.mfa import urls as mfa_urls
from allauth.mfa.base import views as mfa_views
from django.urls import include, path, re_path

from assure.core.access import PUBLIC, SIGNED_IN, declare, declare_included

handler400 = "assure.core.views.bad_request"
handler403 = "assure.core.views.permission_denied"
handler404 = "assure.core.views.page_not_found"
handler500 = "assure.core.views.server_error"

# The parts of allauth Assure uses (no self sign-up, no e-mail management). allauth keeps its
# own checks; the declarations make them visible to the permission matrix.
_sign_in = [
    path("login/", declare(account_views.login, PUBLIC), name="account_login"),
    path("logout/", declare(account_views.logout, PUBLIC), name="account_logout"),
    path("inactive/", declare(account_views.account_inactive, PUBLIC), name="account_inactive"),
    path("reauthenticate/", declare(account_views.reauthenticate, SIGNED_IN), name="account_reauthenticate"),
    path("password/change/", declare(account_views.password_change, SIGNED_IN), name="account_change_password"),
    path("password/set/", declare(account_views.password_set, SIGNED_IN), name="account_set_password"),
    path("password/reset/", declare(account_views.password_reset, PUBLIC), name="account_reset_password"),
    path(
        "password/reset/done/",
        declare(account_views.password_reset_done, PUBLIC),
        name="account_reset_password_done",
    ),
    re_path(
        r"^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        declare(account_views.password_reset_from_key, PUBLIC),
        name="account_reset_password_from_key",
    ),
    path(
        "password/reset/key/done/",
        declare(account_views.password_reset_from_key_done, PUBLIC),
        name="account_reset_password_from_key_done",
    ),
]
# The second step of signing in happens before the person is signed in.
declare(mfa_views.authenticate, PUBLIC)

urlpatterns = [
    path("", include("assure.core.urls")),
    path("accounts/", include(_sign_in)),
    path("accounts/2fa/", include(declare_included(list(mfa_urls.urlpatterns), SIGNED_IN))),
    path("accounts/emails/", include("assure.notifications.urls")),
    # Pages of the whole installation (its operator's), outside every partnership.
    path("installation/statistics/", include("assure.performance.urls_installation")),
    path("installation/partnerships/", include("assure.partnerships.urls_installation")),
    path("p/<slug:partnership>/", include("assure.partnerships.urls")),
    path("p/<slug:partnership>/", include("assure.core.urls_menu")),
    path("p/<slug:partnership>/people/", include("assure.accounts.urls")),
    path("p/<slug:partnership>/actions/", include("assure.actions.urls")),
    path("p/<slug:partnership>/trail/", include("assure.audit.urls")),
    path("p/<slug:partnership>/plan/", include("assure.plans.urls")),
    path("p/<slug:partnership>/performance/", include("assure.performance.urls")),
    path("p/<slug:partnership>/section11/", include("assure.section11.urls")),
    path("p/<slug:partnership>/governance/", include("assure.governance.urls")),
    path("p/<slug:partnership>/audits/", include("assure.audits.urls")),
    path("p/<slug:partnership>/reviews/", include("assure.reviews.urls")),
    path("p/<slug:partnership>/clocks/", include("assure.clocks.urls")),
    path("p/<slug:partnership>/cdop/", include("assure.cdop.urls")),
    path("p/<slug:partnership>/lado/", include("assure.lado.urls")),
    path("p/<slug:partnership>/training/", include("assure.training.urls")),
    path("p/<slug:partnership>/registers/", include("assure.registers.urls")),
    path("p/<slug:partnership>/engagement/", include("assure.engagement.urls")),
    # Public pages of a partnership: its learning briefings, and the case consideration form for
    # practitioners who are not members (confirmed by e-mail).
    path("learning/<slug:partnership>/", include("assure.reviews.urls_learning")),
    path("refer/<slug:partnership>/", include("assure.reviews.urls_refer")),
    path("allegations/<slug:partnership>/", include("assure.lado.urls_public")),
    # The public course calendar, practitioners' sign-up and managers' approval links.
    path("training/<slug:partnership>/", include("assure.training.urls_public")),
    # Private providers' sign-up; the public, anonymous link of a partnership's surveys.
    path("providers/<slug:partnership>/", include("assure.registers.urls_public")),
    path("survey/<slug:partnership>/", include("assure.engagement.urls_public")),
    path("p/<slug:partnership>/questionnaires/", include("assure.questionnaires.urls")),
    path("p/<slug:partnership>/reports/", include("assure.reports.urls")),
]
